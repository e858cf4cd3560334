import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../helpers/env.ts';
import { orgWithMembers } from '../helpers/org.ts';
import { cast, moveTicket, raiseTicket, STAFF, statusIds, type Cast, type Ticket } from '../helpers/tickets.ts';

describe('ticket timeline: every change recorded by triggers, immutable, internal events for staff only', () => {
  let c: Cast;
  let ticket: Ticket;
  const NOTE = 'Confidential: refund approved by finance';

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-events'), 'rls-events');
    const status = await statusIds(c.org.orgId);
    ticket = await raiseTicket(c.members.customer, c.org.orgId, { subject: 'Broken charger' });
    const agent = c.members.agent.supabase;
    await agent.from('tickets').update({ assignee_id: c.members.agent.userId, priority: 'high' }).eq('id', ticket.id);
    await moveTicket(c.members.agent, ticket.id, status.in_progress);
    await agent.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'We will send a new one.' });
    const { data: note } = await agent.from('ticket_comments').insert({ ticket_id: ticket.id, body: NOTE, is_internal: true }).select('id').single();
    await agent.storage.from('ticket-attachments')
      .upload(`${c.org.orgId}/${ticket.id}/${note!.id}/${randomUUID()}-approval.pdf`, new Blob(['%PDF'], { type: 'application/pdf' }), { contentType: 'application/pdf' });
    await moveTicket(c.members.agent, ticket.id, status.resolved);
  });

  const kindsSeenBy = async (supabase: Cast['anon']) =>
    ((await supabase.from('ticket_events').select('kind').eq('ticket_id', ticket.id).order('id')).data ?? []).map((e) => e.kind);

  it('records creation, assignment, edits, transitions, comments and attachments, with who did it', async () => {
    const { data } = await c.members.manager.supabase.from('ticket_events').select('kind, actor_id, is_internal, before, after').eq('ticket_id', ticket.id).order('id');
    expect(data?.map((e) => [e.kind, e.is_internal])).toEqual([
      ['ticket.created', false], ['ticket.assigned', true], ['ticket.updated', true], ['ticket.status_changed', false],
      ['comment.added', false], ['comment.added', true], ['attachment.added', true], ['ticket.status_changed', false],
    ]);
    expect(data?.[0]).toMatchObject({ actor_id: c.members.customer.userId, after: { subject: 'Broken charger', priority: 'medium', status: 'Open' } });
    expect(data?.[2]).toMatchObject({ actor_id: c.members.agent.userId, before: { priority: 'medium' }, after: { priority: 'high' } });
    expect(data?.[3]).toMatchObject({ before: { status: 'Open', category: 'open' }, after: { status: 'In progress', category: 'in_progress' } });
  });

  it('staff read the whole timeline', async () => {
    for (const key of STAFF) expect(await kindsSeenBy(c.members[key].supabase), key).toHaveLength(8);
  });

  it('the customer reads only the public events of their ticket, and no event carries a comment body', async () => {
    expect(await kindsSeenBy(c.members.customer.supabase)).toEqual(['ticket.created', 'ticket.status_changed', 'comment.added', 'ticket.status_changed']);
    const { data } = await c.members.customer.supabase.from('ticket_events').select('is_internal, before, after').eq('ticket_id', ticket.id);
    expect(data?.every((e) => !e.is_internal)).toBe(true);
    const { data: all } = await admin().from('ticket_events').select('before, after').eq('ticket_id', ticket.id);
    expect(JSON.stringify(all)).not.toContain('refund approved');
  });

  it('another requester, another organization, a visitor read nothing; anon is refused', async () => {
    for (const who of [c.members.requester, c.otherOrg, c.visitor]) expect(await kindsSeenBy(who.supabase), who.email).toEqual([]);
    expect((await c.anon.from('ticket_events').select('id')).error?.code).toBe('42501');
  });

  it('nobody writes, changes or deletes an event, not even an owner or the service role', async () => {
    const owner = c.members.owner.supabase;
    const { data } = await owner.from('ticket_events').select('id, kind').eq('ticket_id', ticket.id).limit(1);
    const event = data![0];
    expect((await owner.from('ticket_events').insert({ org_id: c.org.orgId, ticket_id: ticket.id, kind: 'ticket.forged' })).error?.code).toBe('42501');
    expect((await owner.from('ticket_events').update({ kind: 'ticket.forged' }).eq('id', event.id)).error?.code).toBe('42501');
    expect((await owner.from('ticket_events').delete().eq('id', event.id)).error?.code).toBe('42501');
    expect((await admin().from('ticket_events').update({ kind: 'ticket.forged' }).eq('id', event.id)).error?.message).toBe('Ticket events cannot be changed or deleted.');
    expect((await admin().from('ticket_events').delete().eq('id', event.id)).error?.message).toBe('Ticket events cannot be changed or deleted.');
    expect((await admin().from('ticket_events').select('kind').eq('id', event.id).single()).data?.kind).toBe(event.kind);
  });

  it('a deleted ticket takes its timeline along', async () => {
    const doomed = await raiseTicket(c.members.customer, c.org.orgId);
    await c.members.agent.supabase.from('ticket_comments').insert({ ticket_id: doomed.id, body: 'Spam?' });
    expect((await c.members.manager.supabase.from('tickets').delete().eq('id', doomed.id)).error).toBeNull();
    expect((await admin().from('ticket_events').select('id').eq('ticket_id', doomed.id)).data).toEqual([]);
  });
});
