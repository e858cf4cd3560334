import { beforeAll, describe, expect, it } from 'vitest';
import { orgWithMembers } from '../helpers/org.ts';
import { cast, raiseTicket, sleep, ticketAsAdmin, type Cast, type Ticket } from '../helpers/tickets.ts';

describe('scheduled replies: invisible to the requester until the pg_cron job delivers them', () => {
  let c: Cast;
  let ticket: Ticket;
  let reply: { id: string };
  const BODY = 'Good morning! Your replacement ships today.';

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-scheduled'), 'rls-scheduled');
    ticket = await raiseTicket(c.members.customer, c.org.orgId);
    const scheduledAt = new Date(Date.now() + 3_000).toISOString();
    const { data, error } = await c.members.agent.supabase.from('ticket_comments')
      .insert({ ticket_id: ticket.id, body: BODY, scheduled_at: scheduledAt }).select('id, published_at').single();
    if (error) throw error;
    expect(data.published_at).toBeNull();
    reply = data;
  });

  const customerSees = async () =>
    (await c.members.customer.supabase.from('ticket_comments').select('body, published_at').eq('id', reply.id)).data ?? [];

  it('before delivery: staff see it pending; the requester sees neither the reply nor its events', async () => {
    expect(await customerSees()).toEqual([]);
    const { data } = await c.members.manager.supabase.from('ticket_comments').select('body, published_at').eq('id', reply.id).single();
    expect(data).toEqual({ body: BODY, published_at: null });
    const events = await c.members.customer.supabase.from('ticket_events').select('kind').eq('ticket_id', ticket.id);
    expect(events.data?.map((e) => e.kind)).toEqual(['ticket.created']);
    expect((await ticketAsAdmin(ticket.id)).first_response_at).toBeNull();
  });

  it('only agents schedule, and only public replies', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const byCustomer = await c.members.customer.supabase.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Later', scheduled_at: later });
    expect(byCustomer.error).toMatchObject({ code: 'P0001', message: 'Only agents can schedule replies.' });
    const note = await c.members.agent.supabase.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Later', scheduled_at: later, is_internal: true });
    expect(note.error?.message).toBe('Internal notes cannot be scheduled; they are only seen by staff anyway.');
  });

  it('the author cancels a reply before delivery; nobody else can', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const { data: pending } = await c.members.agent.supabase.from('ticket_comments')
      .insert({ ticket_id: ticket.id, body: 'Tomorrow', scheduled_at: later }).select('id').single();
    expect((await c.members.manager.supabase.from('ticket_comments').delete().eq('id', pending!.id).select('id')).data).toEqual([]);
    expect((await c.members.agent.supabase.from('ticket_comments').delete().eq('id', pending!.id).select('id')).data).toHaveLength(1);
  });

  it('the cron job delivers it (within ~45 s): then the requester sees it, and the first response is stamped', async () => {
    const deadline = Date.now() + 45_000;
    let seen = await customerSees();
    while (seen.length === 0 && Date.now() < deadline) {
      await sleep(1_000);
      seen = await customerSees();
    }
    expect(seen).toEqual([{ body: BODY, published_at: expect.any(String) }]);
    expect((await ticketAsAdmin(ticket.id)).first_response_at).toBe(seen[0].published_at);
    const events = await c.members.customer.supabase.from('ticket_events').select('kind, after').eq('ticket_id', ticket.id);
    expect(events.data).toEqual(expect.arrayContaining([{ kind: 'reply.delivered', after: { comment_id: reply.id, is_internal: false } }]));
  }, 60_000);

  it('a delivered reply can no longer be cancelled or rescheduled', async () => {
    const agent = c.members.agent.supabase;
    expect((await agent.from('ticket_comments').delete().eq('id', reply.id).select('id')).data).toEqual([]);
    const reschedule = await agent.from('ticket_comments').update({ scheduled_at: new Date(Date.now() + 60_000).toISOString() }).eq('id', reply.id);
    expect(reschedule.error?.message).toBe('This reply has already been sent.');
  });
});
