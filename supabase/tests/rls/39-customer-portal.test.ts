import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../helpers/env.ts';
import { actor, orgWithMembers, type Actor } from '../helpers/org.ts';
import { joinPrivate, type Subscription } from '../helpers/realtime.ts';
import { cast, forceStatus, moveTicket, raiseTicket, statusIds, type Cast, type Category, type Ticket } from '../helpers/tickets.ts';

const BUCKET = 'ticket-attachments';
const textFile = (text: string) => new Blob([text], { type: 'text/plain' });

/** Everything a requester can reach about one ticket, through every surface. */
async function reach(who: Actor, ticket: Ticket, paths: { ticketFile: string }) {
  const db = who.supabase;
  const [tickets, comments, files, events, hits, info] = await Promise.all([
    db.from('tickets').select('id').eq('id', ticket.id),
    db.from('ticket_comments').select('id, body, is_internal').eq('ticket_id', ticket.id),
    db.from('ticket_attachments').select('id').eq('ticket_id', ticket.id),
    db.from('ticket_events').select('id').eq('ticket_id', ticket.id),
    db.rpc('search_tickets', { org_id: ticket.org_id, query: 'wombat' }),
    db.storage.from(BUCKET).info(paths.ticketFile),
  ]);
  return { tickets: tickets.data ?? [], comments: comments.data ?? [], files: files.data ?? [], events: events.data ?? [],
    hits: hits.data ?? [], fileReadable: info.error === null };
}

describe('customer portal: portal.access gates requesters; own tickets only; never internal notes', () => {
  let c: Cast;
  let status: Record<Category, string>;
  let ticket: Ticket;
  let note: { id: string };
  const paths = { ticketFile: '', noteFile: '' };
  const joined: Subscription[] = [];

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-portal'), 'rls-portal');
    status = await statusIds(c.org.orgId);
    ticket = await raiseTicket(c.members.customer, c.org.orgId, { subject: 'Wombat stuck in the printer' });
    const agent = c.members.agent.supabase;
    await agent.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'We are on the wombat case.' });
    note = (await agent.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Secret wombat escalation plan', is_internal: true })
      .select('id').single()).data!;
    paths.ticketFile = `${ticket.org_id}/${ticket.id}/ticket/${randomUUID()}-photo.txt`;
    paths.noteFile = `${ticket.org_id}/${ticket.id}/${note.id}/${randomUUID()}-plan.txt`;
    for (const [who, path] of [[c.members.customer, paths.ticketFile], [c.members.agent, paths.noteFile]] as const) {
      const { error } = await who.supabase.storage.from(BUCKET).upload(path, textFile('bytes'), { contentType: 'text/plain' });
      if (error) throw error;
    }
  });

  afterAll(async () => {
    await Promise.all(joined.map((s) => s.channel.unsubscribe()));
  });

  it('grants portal.access to the built-in customer and requester roles', async () => {
    const { data } = await admin().from('role_permissions').select('roles!inner(key)').eq('permission', 'portal.access').is('roles.org_id', null);
    expect(data?.map((row) => (row.roles as unknown as { key: string }).key).sort()).toEqual(['admin', 'customer', 'owner', 'requester']);
  });

  it('a customer reaches their ticket, its public replies, its files, its public timeline, by REST and search', async () => {
    const seen = await reach(c.members.customer, ticket, paths);
    expect(seen.tickets).toHaveLength(1);
    expect(seen.comments.map((comment) => comment.body)).toEqual(['We are on the wombat case.']);
    expect(seen.files).toHaveLength(1);
    expect(seen.events.length).toBeGreaterThan(0);
    expect(seen.hits.map((hit) => hit.id)).toEqual([ticket.id]);
    expect(seen.fileReadable).toBe(true);
  });

  it('never shows the customer an internal note: REST, search snippets, Storage, Realtime', async () => {
    const { data: notes } = await c.members.customer.supabase.from('ticket_comments').select('id').eq('id', note.id);
    expect(notes).toEqual([]);
    const { data: hits } = await c.members.customer.supabase.rpc('search_tickets', { org_id: c.org.orgId, query: 'escalation plan' });
    expect(hits).toEqual([]);
    const staffHits = await c.members.agent.supabase.rpc('search_tickets', { org_id: c.org.orgId, query: 'escalation plan' });
    expect(staffHits.data?.map((hit) => hit.id)).toEqual([ticket.id]);
    const file = await c.members.customer.supabase.storage.from(BUCKET).info(paths.noteFile);
    expect(file.error).toMatchObject({ statusCode: '404' });
    const staffTopic = await joinPrivate(c.members.customer.supabase, `ticket:${ticket.id}:staff`);
    expect(staffTopic.status).toBe('CHANNEL_ERROR');

    const live = await joinPrivate(c.members.customer.supabase, `ticket:${ticket.id}`);
    joined.push(live);
    expect(live.status).toBe('SUBSCRIBED');
    await c.members.agent.supabase.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Another secret', is_internal: true });
    const reply = await c.members.agent.supabase.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Public answer' }).select('id').single();
    const arrived = await live.messages.next((m) => m.event === 'comment_changed' && m.payload.comment_id === reply.data!.id);
    expect(arrived.payload.is_internal).toBe(false);
    expect(live.messages.items.filter((m) => m.payload.is_internal === true)).toEqual([]);
  });

  it('another customer of the same organization reaches nothing of it', async () => {
    const stranger = await actor('rls-portal-customer2');
    await admin().from('memberships').insert({ org_id: c.org.orgId, user_id: stranger.userId, role_id: c.org.roleIds.customer });
    const seen = await reach(stranger, ticket, paths);
    expect(seen).toEqual({ tickets: [], comments: [], files: [], events: [], hits: [], fileReadable: false });
    expect((await joinPrivate(stranger.supabase, `ticket:${ticket.id}`)).status).toBe('CHANNEL_ERROR');
  });

  describe('a requester whose role lacks portal.access', () => {
    let raiser: Actor;
    let raised: Ticket;
    let raisedFile: string;

    beforeAll(async () => {
      const { data: role, error } = await c.members.owner.supabase.from('roles')
        .insert({ org_id: c.org.orgId, key: 'raiser', name: 'Raiser', rank: 20 }).select('id').single();
      if (error) throw error;
      await c.members.owner.supabase.from('role_permissions').insert({ role_id: role.id, permission: 'tickets.create' });
      raiser = await actor('rls-portal-raiser');
      await admin().from('memberships').insert({ org_id: c.org.orgId, user_id: raiser.userId, role_id: c.org.roleIds.customer });
      raised = await raiseTicket(raiser, c.org.orgId, { subject: 'Wombat on the roof' });
      await c.members.agent.supabase.from('ticket_comments').insert({ ticket_id: raised.id, body: 'Looking at the wombat.' });
      raisedFile = `${raised.org_id}/${raised.id}/ticket/${randomUUID()}-roof.txt`;
      await c.members.agent.supabase.storage.from(BUCKET).upload(raisedFile, textFile('roof'), { contentType: 'text/plain' });
      await forceStatus(raised.id, status.resolved);
      // the customer role is replaced by one that raises tickets but has no portal access
      await admin().from('memberships').update({ role_id: role.id }).eq('org_id', c.org.orgId).eq('user_id', raiser.userId);
    });

    it('reaches none of their own ticket: REST, search, Storage, Realtime', async () => {
      const seen = await reach(raiser, raised, { ticketFile: raisedFile });
      expect(seen).toEqual({ tickets: [], comments: [], files: [], events: [], hits: [], fileReadable: false });
      expect((await joinPrivate(raiser.supabase, `ticket:${raised.id}`)).status).toBe('CHANNEL_ERROR');
    });

    it('cannot reply, attach, reopen or close it', async () => {
      const reply = await raiser.supabase.from('ticket_comments').insert({ ticket_id: raised.id, body: 'Hello?' });
      expect(reply.error?.code).toBe('42501');
      const upload = await raiser.supabase.storage.from(BUCKET)
        .upload(`${raised.org_id}/${raised.id}/ticket/${randomUUID()}-more.txt`, textFile('more'), { contentType: 'text/plain' });
      expect(upload.error).toMatchObject({ statusCode: '403' });
      expect((await moveTicket(raiser, raised.id, status.open, { reopen_reason: 'Still there' })).data).toEqual([]);
      expect((await moveTicket(raiser, raised.id, status.closed)).data).toEqual([]);
      const { data } = await admin().from('tickets').select('status_category').eq('id', raised.id).single();
      expect(data?.status_category).toBe('resolved');
    });

    it('gets everything back once their role grants portal.access again', async () => {
      await admin().from('memberships').update({ role_id: c.org.roleIds.customer }).eq('org_id', c.org.orgId).eq('user_id', raiser.userId);
      const seen = await reach(raiser, raised, { ticketFile: raisedFile });
      expect(seen.tickets).toHaveLength(1);
      expect(seen.comments).toHaveLength(1);
      expect(seen.fileReadable).toBe(true);
    });
  });

  describe('reopen and close', () => {
    it('reopens a resolved ticket with a reason within the window; refuses without a reason', async () => {
      const mine = await raiseTicket(c.members.customer, c.org.orgId);
      await forceStatus(mine.id, status.resolved);
      const silent = await moveTicket(c.members.customer, mine.id, status.open);
      expect(silent.error?.message).toBe(`Give a reason for reopening ${mine.number}.`);
      const reopened = await moveTicket(c.members.customer, mine.id, status.open, { reopen_reason: 'The wombat came back' });
      expect(reopened.data).toEqual([{ id: mine.id, status_category: 'open' }]);
    });

    it('refuses to reopen after the organization\'s window, and honours a changed window', async () => {
      const mine = await raiseTicket(c.members.customer, c.org.orgId);
      await forceStatus(mine.id, status.resolved);
      await admin().from('tickets').update({ resolved_at: new Date(Date.now() - 3 * 86_400_000).toISOString() }).eq('id', mine.id);
      await c.members.owner.supabase.from('organizations').update({ reopen_window_days: 2 }).eq('id', c.org.orgId);
      const late = await moveTicket(c.members.customer, mine.id, status.open, { reopen_reason: 'Again' });
      expect(late.error?.message).toBe(`Ticket ${mine.number} was resolved more than 2 days ago and can no longer be reopened.`);
      await c.members.owner.supabase.from('organizations').update({ reopen_window_days: 7 }).eq('id', c.org.orgId);
      expect((await moveTicket(c.members.customer, mine.id, status.open, { reopen_reason: 'Again' })).error).toBeNull();
    });

    it('closes a resolved ticket, after which it takes no more replies', async () => {
      const mine = await raiseTicket(c.members.customer, c.org.orgId);
      await forceStatus(mine.id, status.resolved);
      expect((await moveTicket(c.members.customer, mine.id, status.closed)).data).toEqual([{ id: mine.id, status_category: 'closed' }]);
      const reply = await c.members.customer.supabase.from('ticket_comments').insert({ ticket_id: mine.id, body: 'One more thing' });
      expect(reply.error?.message).toBe(`Ticket ${mine.number} is closed: it takes no more replies.`);
    });

    it('cannot close another customer\'s ticket or change its details', async () => {
      const mine = await raiseTicket(c.members.customer, c.org.orgId);
      await forceStatus(mine.id, status.resolved);
      expect((await moveTicket(c.members.requester, mine.id, status.closed)).data).toEqual([]);
      const edit = await c.members.customer.supabase.from('tickets').update({ priority: 'urgent' }).eq('id', mine.id);
      expect(edit.error?.message).toBe('Only agents can change a ticket\'s details.');
    });
  });

  it('keeps oversized and markup-laden input intact or refused, never executed', async () => {
    const payload = '<img src=x onerror=alert(1)><script>alert(1)</script>';
    const created = await raiseTicket(c.members.customer, c.org.orgId, { subject: payload, description: payload });
    expect(created.subject).toBe(payload);
    const tooLong = await c.members.customer.supabase.from('tickets').insert({ org_id: c.org.orgId, subject: 'x'.repeat(201) });
    expect(tooLong.error?.message).toBe('The subject must be 1–200 characters.');
    const foreign = await c.members.customer.supabase.from('tickets').insert({ org_id: c.otherOrg.orgId, subject: 'Cross-tenant' });
    expect(foreign.error?.code).toBe('42501');
  });
});
