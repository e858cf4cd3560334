import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgWithMembers } from '../helpers/org.ts';
import { joinPrivate, type Subscription } from '../helpers/realtime.ts';
import { cast, moveTicket, raiseTicket, statusIds, type Cast, type Ticket } from '../helpers/tickets.ts';

describe('live ticket updates: private broadcast topics authorized by RLS on realtime.messages', () => {
  let c: Cast;
  let ticket: Ticket;
  let topics: { org: string; ticket: string; staff: string };
  const joined: Subscription[] = [];
  const join = async (who: { supabase: Cast['anon'] }, topic: string) => {
    const subscription = await joinPrivate(who.supabase, topic);
    joined.push(subscription);
    return subscription;
  };

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-live'), 'rls-live');
    ticket = await raiseTicket(c.members.customer, c.org.orgId);
    topics = { org: `org:${c.org.orgId}:tickets`, ticket: `ticket:${ticket.id}`, staff: `ticket:${ticket.id}:staff` };
  });

  afterAll(async () => {
    await Promise.all(joined.map((s) => s.channel.unsubscribe()));
  });

  it('staff join the organization, ticket and staff topics', async () => {
    for (const key of ['owner', 'manager', 'agent'] as const) {
      for (const topic of Object.values(topics)) expect((await join(c.members[key], topic)).status, `${key} ${topic}`).toBe('SUBSCRIBED');
    }
  });

  it('the customer joins their ticket\'s topic only: not the staff topic, not the organization\'s', async () => {
    expect((await join(c.members.customer, topics.ticket)).status).toBe('SUBSCRIBED');
    for (const topic of [topics.staff, topics.org]) {
      const refused = await join(c.members.customer, topic);
      expect(refused.status, topic).toBe('CHANNEL_ERROR');
      expect(refused.error).toContain(`Unauthorized: You do not have permissions to read from this Channel topic: ${topic}`);
    }
  });

  it('another requester, another organization, a visitor and anon join none of them', async () => {
    for (const who of [c.members.requester, c.otherOrg, c.visitor, { supabase: c.anon, email: 'anon' }]) {
      for (const topic of Object.values(topics)) expect((await join(who, topic)).status, `${who.email} ${topic}`).toBe('CHANNEL_ERROR');
    }
  });

  it('an internal note reaches staff topics only; the customer receives nothing, then the public reply', async () => {
    const staff = await join(c.members.manager, topics.staff);
    const org = await join(c.members.manager, topics.org);
    const customer = await join(c.members.customer, topics.ticket);
    const agent = c.members.agent.supabase;
    const { data: note } = await agent.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Internal only', is_internal: true }).select('id').single();
    const staffMessage = await staff.messages.next((m) => m.payload.comment_id === note!.id);
    expect(staffMessage).toMatchObject({ event: 'comment_changed', payload: { is_internal: true, ticket_id: ticket.id, operation: 'INSERT' } });
    await org.messages.next((m) => m.payload.comment_id === note!.id);
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const { data: scheduled } = await agent.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Tomorrow', scheduled_at: later }).select('id').single();
    await staff.messages.next((m) => m.payload.comment_id === scheduled!.id);

    const { data: reply } = await agent.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Public reply' }).select('id').single();
    const delivered = await customer.messages.next((m) => m.payload.comment_id === reply!.id);
    expect(Object.keys(delivered.payload).sort()).toEqual(['author_id', 'comment_id', 'id', 'is_internal', 'operation', 'published_at', 'ticket_id', 'updated_at']);
    const everything = await customer.messages.settle(500);
    expect(everything.filter((m) => m.payload.comment_id === note!.id || m.payload.comment_id === scheduled!.id)).toEqual([]);
    expect(everything.every((m) => m.payload.is_internal !== true)).toBe(true);
    expect(JSON.stringify(everything)).not.toContain('Internal only');
  });

  it('a status change reaches the ticket\'s readers with a minimal payload', async () => {
    const customer = await join(c.members.customer, topics.ticket);
    const org = await join(c.members.agent, topics.org);
    await moveTicket(c.members.agent, ticket.id, (await statusIds(c.org.orgId)).in_progress);
    const change = await customer.messages.next((m) => m.event === 'ticket_changed' && m.payload.status === 'in_progress');
    expect(change.payload).toMatchObject({ ticket_id: ticket.id, number: ticket.number, updated_by: c.members.agent.userId, operation: 'UPDATE' });
    expect(Object.keys(change.payload).sort()).toEqual(['id', 'number', 'operation', 'status', 'status_id', 'ticket_id', 'updated_at', 'updated_by']);
    await org.messages.next((m) => m.event === 'ticket_changed' && m.payload.ticket_id === ticket.id);
  });

  it('a new ticket is announced to the organization\'s staff, and its row and timeline are there once it commits', async () => {
    const org = await join(c.members.agent, topics.org);
    const raised = await raiseTicket(c.members.customer, c.org.orgId);
    const created = await org.messages.next((m) => m.event === 'ticket_changed' && m.payload.ticket_id === raised.id);
    expect(created.payload).toMatchObject({ operation: 'INSERT', status: 'open', updated_by: c.members.customer.userId });
    const { data: row } = await c.members.agent.supabase.from('tickets').select('number').eq('id', raised.id).single();
    expect(row?.number).toBe(raised.number);
    const { data: events } = await c.members.agent.supabase.from('ticket_events').select('kind').eq('ticket_id', raised.id);
    expect(events?.map((e) => e.kind)).toEqual(['ticket.created']);
  });

  it('clients cannot broadcast on ticket topics themselves', async () => {
    const customer = await join(c.members.customer, topics.ticket);
    const listener = await join(c.members.agent, topics.ticket);
    await customer.channel.send({ type: 'broadcast', event: 'comment_changed', payload: { is_internal: false, forged: true } });
    expect((await listener.messages.settle(500)).filter((m) => m.payload.forged)).toEqual([]);
  });
});
