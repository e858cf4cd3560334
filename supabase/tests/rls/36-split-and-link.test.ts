import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../helpers/env.ts';
import { orgWithMembers, type Actor } from '../helpers/org.ts';
import { cast, raiseTicket, type Cast, type Ticket } from '../helpers/tickets.ts';

const BUCKET = 'ticket-attachments';
type Db = Cast['anon'];

async function comment(who: Actor, ticketId: string, body: string, isInternal = false): Promise<string> {
  const { data, error } = await who.supabase.from('ticket_comments').insert({ ticket_id: ticketId, body, is_internal: isInternal }).select('id').single();
  if (error) throw error;
  return data.id;
}

const eventKinds = async (ticketId: string) =>
  (await admin().from('ticket_events').select('kind, after').eq('ticket_id', ticketId).order('id')).data ?? [];

describe('splitting a ticket: chosen comments move to a new, linked ticket', () => {
  let c: Cast;
  let ticket: Ticket;
  let ids: { question: string; reply: string; note: string; followUp: string };
  let replyFile: string;

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-split'), 'rls-split');
    ticket = await raiseTicket(c.members.customer, c.org.orgId, { subject: 'Two problems' });
    ids = {
      question: await comment(c.members.customer, ticket.id, 'Also, my invoice is wrong'),
      reply: await comment(c.members.agent, ticket.id, 'Looking at the invoice'),
      note: await comment(c.members.agent, ticket.id, `Billing issue @[${c.members.manager.userId}]`, true),
      followUp: await comment(c.members.agent, ticket.id, 'About the printer: restart it'),
    };
    replyFile = `${ticket.org_id}/${ticket.id}/${ids.reply}/${randomUUID()}-invoice.txt`;
    const { error } = await c.members.agent.supabase.storage.from(BUCKET).upload(replyFile, new Blob(['invoice'], { type: 'text/plain' }), { contentType: 'text/plain' });
    if (error) throw error;
  });

  it('agents, requesters, customers, other organizations, visitors and anon cannot split', async () => {
    const args = { ticket_id: ticket.id, comment_ids: [ids.question], subject: 'Invoice' };
    for (const who of [c.members.agent, c.members.customer]) {
      expect((await who.supabase.rpc('split_ticket', args)).error, who.email).toMatchObject({ code: '42501', message: 'You cannot split tickets in this organization.' });
    }
    for (const who of [c.members.requester, c.otherOrg, c.visitor]) {
      expect((await who.supabase.rpc('split_ticket', args)).error?.message, who.email).toBe('Ticket not found.');
    }
    expect((await c.anon.rpc('split_ticket', args)).error?.code).toBe('42501');
    expect((await admin().from('ticket_comments').select('ticket_id').eq('id', ids.question).single()).data?.ticket_id).toBe(ticket.id);
  });

  it('refuses comments of another ticket, an empty choice and a bad subject, changing nothing', async () => {
    const other = await raiseTicket(c.members.customer, c.org.orgId);
    const foreign = await comment(c.members.agent, other.id, 'Elsewhere');
    const manager = c.members.manager.supabase;
    const cases: [string[], string, string][] = [
      [[ids.question, foreign], 'Invoice', 'Only sent replies and notes of'],
      [[], 'Invoice', 'Choose at least one comment'],
      [[ids.question], '   ', 'The subject must be 1–200 characters.'],
      [[ids.question], 'x'.repeat(201), 'The subject must be 1–200 characters.'],
    ];
    for (const [commentIds, subject, message] of cases) {
      const { error } = await manager.rpc('split_ticket', { ticket_id: ticket.id, comment_ids: commentIds, subject });
      expect(error?.message).toContain(message);
    }
    expect((await admin().from('ticket_comments').select('ticket_id').eq('id', foreign).single()).data?.ticket_id).toBe(other.id);
  });

  it('a manager splits: same organization and requester, comments with files and mentions move, both linked and on both timelines', async () => {
    const subject = '<img src=x onerror=alert(1)> Invoice';
    const { data: created, error } = await c.members.manager.supabase.rpc('split_ticket', {
      ticket_id: ticket.id,
      comment_ids: [ids.question, ids.reply, ids.note],
      subject,
    });
    expect(error).toBeNull();
    expect(created).toMatchObject({ org_id: c.org.orgId, requester_id: c.members.customer.userId, subject, status_category: 'open' });
    const moved = (await admin().from('ticket_comments').select('id, ticket_id').in('id', Object.values(ids))).data ?? [];
    expect(Object.fromEntries(moved.map((m) => [m.id, m.ticket_id]))).toEqual({
      [ids.question]: created!.id,
      [ids.reply]: created!.id,
      [ids.note]: created!.id,
      [ids.followUp]: ticket.id,
    });
    expect((await admin().from('ticket_attachments').select('ticket_id').eq('storage_path', replyFile).single()).data?.ticket_id).toBe(created!.id);
    expect((await admin().from('ticket_mentions').select('ticket_id').eq('comment_id', ids.note).single()).data?.ticket_id).toBe(created!.id);
    expect((await admin().from('ticket_links').select('ticket_id, linked_ticket_id, kind')).data?.filter((l) => l.linked_ticket_id === ticket.id)).toEqual([
      { ticket_id: created!.id, linked_ticket_id: ticket.id, kind: 'split_from' },
    ]);
    expect((await eventKinds(ticket.id)).map((e) => e.kind)).toContain('ticket.split');
    expect((await eventKinds(created!.id)).filter((e) => e.kind === 'ticket.split_from')).toEqual([
      { kind: 'ticket.split_from', after: { ticket_id: ticket.id, number: ticket.number, comment_ids: [ids.question, ids.reply, ids.note] } },
    ]);

    // the requester follows the moved public replies (not the note) and their files; staff download them
    const customer = c.members.customer.supabase;
    const visible = (await customer.from('ticket_comments').select('id').eq('ticket_id', created!.id)).data?.map((r) => r.id).sort();
    expect(visible).toEqual([ids.question, ids.reply].sort());
    expect((await customer.from('ticket_attachments').select('storage_path').eq('ticket_id', created!.id)).data).toEqual([{ storage_path: replyFile }]);
    expect(await (await c.members.agent.supabase.storage.from(BUCKET).download(replyFile)).data?.text()).toBe('invoice');
    expect(await (await customer.storage.from(BUCKET).download(replyFile)).data?.text()).toBe('invoice');
    expect((await c.members.requester.supabase.storage.from(BUCKET).info(replyFile)).error).toBeTruthy();
    expect((await customer.from('ticket_links').select('kind').eq('ticket_id', created!.id)).data).toEqual([{ kind: 'split_from' }]);
  });

  it('a closed ticket cannot be split', async () => {
    const closed = await raiseTicket(c.members.customer, c.org.orgId);
    const note = await comment(c.members.agent, closed.id, 'Note', true);
    const { data: statuses } = await admin().from('ticket_statuses').select('id').eq('org_id', c.org.orgId).eq('category', 'closed').single();
    await admin().from('tickets').update({ status_id: statuses!.id }).eq('id', closed.id);
    const { error } = await c.members.owner.supabase.rpc('split_ticket', { ticket_id: closed.id, comment_ids: [note], subject: 'Later' });
    expect(error?.message).toBe(`Ticket ${closed.number} is closed and cannot be split.`);
  });

  it('nobody moves a comment to another ticket directly', async () => {
    const other = await raiseTicket(c.members.customer, c.org.orgId);
    const { error } = await c.members.owner.supabase.from('ticket_comments').update({ ticket_id: other.id } as never).eq('id', ids.followUp);
    expect(error).not.toBeNull();
  });
});

describe('ticket links: same organization, readable by whoever reads both tickets', () => {
  let c: Cast;
  let a: Ticket;
  let b: Ticket;
  let elsewhere: Ticket;
  let linkId: string;
  const link = (who: { supabase: Db }, from: string, to: string, kind: 'related' | 'duplicate_of' = 'related') =>
    who.supabase.from('ticket_links').insert({ ticket_id: from, linked_ticket_id: to, kind }).select('id, org_id, created_by').single();

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-links'), 'rls-links');
    a = await raiseTicket(c.members.customer, c.org.orgId);
    b = await raiseTicket(c.members.customer, c.org.orgId);
    elsewhere = await raiseTicket(c.members.requester, c.org.orgId);
  });

  it('requesters, customers, other organizations, visitors and anon cannot link', async () => {
    for (const who of [c.members.customer, c.members.requester, c.otherOrg, c.visitor, { supabase: c.anon, email: 'anon' }]) {
      const { error } = await link(who, a.id, b.id);
      expect(error, who.email).not.toBeNull();
    }
    expect((await admin().from('ticket_links').select('id').eq('ticket_id', a.id)).data).toEqual([]);
  });

  it('staff link two tickets of their organization; both timelines record it', async () => {
    const { data, error } = await link(c.members.agent, a.id, b.id, 'duplicate_of');
    expect(error).toBeNull();
    expect(data).toMatchObject({ org_id: c.org.orgId, created_by: c.members.agent.userId });
    linkId = data!.id;
    expect((await eventKinds(a.id)).filter((e) => e.kind === 'ticket.linked')).toEqual([
      { kind: 'ticket.linked', after: { link_id: linkId, kind: 'duplicate_of', direction: 'outgoing', ticket_id: b.id, number: b.number } },
    ]);
    expect((await eventKinds(b.id)).map((e) => e.kind)).toContain('ticket.linked');
  });

  it('refuses a second link of the same pair (either way), a self link and cross-organization links', async () => {
    const agent = c.members.agent;
    expect((await link(agent, b.id, a.id)).error?.message).toBe(`${b.number} and ${a.number} are already linked.`);
    expect((await link(agent, a.id, a.id)).error?.message).toBe('A ticket cannot be linked to itself.');
    const foreign = await raiseTicket(c.otherOrg, c.otherOrg.orgId);
    expect((await link(agent, a.id, foreign.id)).error?.message).toBe('Ticket not found.');
    expect((await link(c.otherOrg, foreign.id, a.id)).error?.message).toBe('Ticket not found.');
    // an owner of both organizations still cannot link across them
    const { data: second } = await c.members.owner.supabase.rpc('create_organization', { name: 'Second', slug: `rls-links-2-${Date.now().toString(36)}` });
    const theirs = await raiseTicket(c.members.owner, second!.id);
    expect((await link(c.members.owner, a.id, theirs.id)).error?.message).toBe('Only tickets of the same organization can be linked.');
  });

  it('staff and the requester of both tickets read the link; a reader of only one does not', async () => {
    for (const key of ['owner', 'admin', 'manager', 'agent', 'customer'] as const) {
      const { data } = await c.members[key].supabase.from('ticket_links').select('id').eq('id', linkId);
      expect(data, key).toHaveLength(1);
    }
    const toElsewhere = await link(c.members.agent, a.id, elsewhere.id);
    for (const who of [c.members.customer, c.members.requester, c.otherOrg, c.visitor]) {
      const { data } = await who.supabase.from('ticket_links').select('id').eq('id', toElsewhere.data!.id);
      expect(data, who.email).toEqual([]);
    }
  });

  it('only staff unlink; the removal is on both timelines', async () => {
    for (const who of [c.members.customer, c.otherOrg, c.visitor]) {
      const { data } = await who.supabase.from('ticket_links').delete().eq('id', linkId).select('id');
      expect(data ?? [], who.email).toEqual([]);
    }
    const { data } = await c.members.manager.supabase.from('ticket_links').delete().eq('id', linkId).select('id');
    expect(data).toHaveLength(1);
    expect((await eventKinds(b.id)).map((e) => e.kind)).toContain('ticket.unlinked');
  });
});
