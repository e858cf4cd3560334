import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../helpers/env.ts';
import { orgWithMembers, type Actor } from '../helpers/org.ts';
import { cast, raiseTicket, type Cast, type Ticket } from '../helpers/tickets.ts';

const BUCKET = 'ticket-attachments';
const file = (text = 'hello', type = 'text/plain') => new Blob([text], { type });

describe('ticket attachments: private bucket, path-scoped RLS, internal-note files for staff only', () => {
  let c: Cast;
  let ticket: Ticket;
  let otherTicket: Ticket;
  let publicReply: { id: string };
  let note: { id: string };
  const paths = { ticketFile: '', replyFile: '', noteFile: '' };

  const pathFor = (t: Ticket, target: string, name = 'report.txt') => `${t.org_id}/${t.id}/${target}/${randomUUID()}-${name}`;
  const upload = (who: { supabase: Cast['anon'] }, path: string, body = file(), metadata?: Record<string, string>) =>
    who.supabase.storage.from(BUCKET).upload(path, body, { contentType: body.type, metadata });
  const info = (who: { supabase: Cast['anon'] }, path: string) => who.supabase.storage.from(BUCKET).info(path);

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-files'), 'rls-files');
    ticket = await raiseTicket(c.members.customer, c.org.orgId);
    otherTicket = await raiseTicket(c.otherOrg, c.otherOrg.orgId);
    const agent = c.members.agent.supabase;
    publicReply = (await c.members.customer.supabase.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Screenshot attached' }).select('id').single()).data!;
    note = (await agent.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Our logs', is_internal: true }).select('id').single()).data!;
    paths.ticketFile = pathFor(ticket, 'ticket');
    paths.replyFile = pathFor(ticket, publicReply.id, 'screenshot.png');
    paths.noteFile = pathFor(ticket, note.id, 'server-log.txt');
    for (const [who, path, body] of [
      [c.members.customer, paths.ticketFile, file()],
      [c.members.customer, paths.replyFile, file('png', 'image/png')],
      [c.members.agent, paths.noteFile, file('secret log')],
    ] as [Actor, string, Blob][]) {
      const { error } = await upload(who, path, body);
      if (error) throw error;
    }
  });

  it('is a private bucket of at most 25 MB that accepts no HTML, SVG or scripts', async () => {
    const { data } = await admin().storage.getBucket(BUCKET);
    expect(data).toMatchObject({ public: false, file_size_limit: 25 * 1024 * 1024 });
    for (const type of ['text/html', 'image/svg+xml', 'application/javascript', 'application/xhtml+xml']) {
      expect(data?.allowed_mime_types, type).not.toContain(type);
    }
    const html = await upload(c.members.agent, pathFor(ticket, 'ticket', 'page.html'), file('<script>x</script>', 'text/html'));
    expect(html.error).toMatchObject({ statusCode: '415' });
    const svg = await upload(c.members.agent, pathFor(ticket, 'ticket', 'logo.svg'), file('<svg/>', 'image/svg+xml'));
    expect(svg.error).toMatchObject({ statusCode: '415' });
  });

  it('staff download every file, including internal-note files', async () => {
    for (const key of ['owner', 'admin', 'manager', 'agent'] as const) {
      for (const path of Object.values(paths)) expect((await info(c.members[key], path)).error, `${key} ${path}`).toBeNull();
    }
    expect(await (await c.members.manager.supabase.storage.from(BUCKET).download(paths.noteFile)).data?.text()).toBe('secret log');
  });

  it('the customer downloads their ticket\'s files but an internal-note file does not exist for them', async () => {
    expect((await info(c.members.customer, paths.ticketFile)).error).toBeNull();
    expect((await info(c.members.customer, paths.replyFile)).error).toBeNull();
    expect((await info(c.members.customer, paths.noteFile)).error).toMatchObject({ statusCode: '404', code: 'NoSuchKey' });
    expect((await c.members.customer.supabase.storage.from(BUCKET).download(paths.noteFile)).error).toBeTruthy();
    const signed = await c.members.customer.supabase.storage.from(BUCKET).createSignedUrl(paths.noteFile, 60);
    expect(signed.error).toMatchObject({ statusCode: '404' });
    const listed = await c.members.customer.supabase.storage.from(BUCKET).list(`${ticket.org_id}/${ticket.id}/${note.id}`);
    expect(listed.data).toEqual([]);
  });

  it('another requester, another organization, a visitor and anon see none of the files', async () => {
    for (const who of [c.members.requester, c.otherOrg, c.visitor, { supabase: c.anon }]) {
      for (const path of Object.values(paths)) expect((await info(who, path)).error, path).toMatchObject({ statusCode: expect.stringMatching(/^(400|403|404)$/) });
    }
  });

  it('records each file in ticket_attachments, readable under the same rules', async () => {
    const { data: staff } = await c.members.agent.supabase.from('ticket_attachments').select('storage_path, is_internal, size_bytes').eq('ticket_id', ticket.id);
    expect(staff).toHaveLength(3);
    expect(staff?.find((a) => a.storage_path === paths.noteFile)).toMatchObject({ is_internal: true, size_bytes: 10 });
    const { data: customer } = await c.members.customer.supabase.from('ticket_attachments').select('storage_path').eq('ticket_id', ticket.id);
    expect(customer?.map((a) => a.storage_path).sort()).toEqual([paths.replyFile, paths.ticketFile].sort());
    for (const who of [c.members.requester, c.otherOrg]) {
      expect((await who.supabase.from('ticket_attachments').select('id').eq('ticket_id', ticket.id)).data).toEqual([]);
    }
    const forged = await c.members.agent.supabase.from('ticket_attachments')
      .insert({ org_id: c.org.orgId, ticket_id: ticket.id, storage_path: 'x', file_name: 'x' });
    expect(forged.error?.code).toBe('42501');
  });

  it('sanitizes the display name: no separators, control characters or bidi overrides; at most 200 characters', async () => {
    const path = pathFor(ticket, 'ticket', 'invoice.exe');
    const evil = '../..\\etc/\u0007pass\u202Ewd\u2066' + 'x'.repeat(300);
    expect((await upload(c.members.customer, path, file(), { filename: evil })).error).toBeNull();
    const { data } = await c.members.agent.supabase.from('ticket_attachments').select('file_name').eq('storage_path', path).single();
    expect(data?.file_name).toBe(('etcpasswd' + 'x'.repeat(300)).slice(0, 200));
  });

  it('refuses forged paths: another organization, another ticket, someone else\'s comment, ../, bad shapes', async () => {
    const forged = [
      `${c.otherOrg.orgId}/${ticket.id}/ticket/${randomUUID()}-a.txt`,
      `${ticket.org_id}/${otherTicket.id}/ticket/${randomUUID()}-a.txt`,
      `${otherTicket.org_id}/${otherTicket.id}/ticket/${randomUUID()}-a.txt`,
      `${ticket.org_id}/${ticket.id}/${note.id}/${randomUUID()}-a.txt`,
      `${ticket.org_id}/${ticket.id}/ticket/../${randomUUID()}-a.txt`,
      `${ticket.org_id}/../${otherTicket.id}/ticket/${randomUUID()}-a.txt`,
      `${ticket.org_id}/${ticket.id}/ticket/a.txt`,
      `${ticket.org_id}/${ticket.id}/${randomUUID()}-a.txt`,
    ];
    for (const path of forged) {
      const { error } = await upload(c.members.customer, path);
      expect(error, path).toMatchObject({ statusCode: expect.stringMatching(/^(400|403)$/) });
    }
    expect((await upload(c.members.requester, pathFor(ticket, 'ticket'))).error).toMatchObject({ statusCode: '403' });
    expect((await upload(c.visitor, pathFor(ticket, 'ticket'))).error).toMatchObject({ statusCode: '403' });
    const { count } = await admin().from('ticket_attachments').select('id', { count: 'exact', head: true }).eq('ticket_id', otherTicket.id);
    expect(count).toBe(0);
  });

  it('enforces the organization\'s size and type limits', async () => {
    const owner = c.members.owner.supabase;
    await owner.from('organizations').update({ attachment_max_bytes: 1024, attachment_mime_types: ['application/pdf', 'text/plain'] }).eq('id', c.org.orgId);
    const big = await upload(c.members.customer, pathFor(ticket, 'ticket'), file('x'.repeat(2048)));
    expect(big.error).toMatchObject({ statusCode: '403', message: 'This file is larger than Org rls-files accepts (1024 bytes at most).' });
    const png = await upload(c.members.customer, pathFor(ticket, 'ticket', 'a.png'), file('png', 'image/png'));
    expect(png.error).toMatchObject({ statusCode: '403', message: 'Org rls-files does not accept image/png files.' });
    const widen = await owner.from('organizations').update({ attachment_mime_types: ['text/html'] }).eq('id', c.org.orgId);
    expect(widen.error?.code).toBe('23514');
    await owner.from('organizations').update({ attachment_max_bytes: 26214400 }).eq('id', c.org.orgId);
  });

  it('agents remove files (their record goes too); customers and outsiders cannot', async () => {
    for (const who of [c.members.customer, c.members.requester, c.otherOrg]) {
      const { data } = await who.supabase.storage.from(BUCKET).remove([paths.ticketFile]);
      expect(data ?? [], who.email).toEqual([]);
    }
    expect((await info(c.members.agent, paths.ticketFile)).error).toBeNull();
    const { data } = await c.members.agent.supabase.storage.from(BUCKET).remove([paths.ticketFile]);
    expect(data).toHaveLength(1);
    expect((await admin().from('ticket_attachments').select('id').eq('storage_path', paths.ticketFile)).data).toEqual([]);
  });
});
