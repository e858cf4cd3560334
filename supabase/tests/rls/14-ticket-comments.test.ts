import { beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../helpers/env.ts';
import { orgWithMembers } from '../helpers/org.ts';
import { cast, forceStatus, raiseTicket, STAFF, statusIds, ticketAsAdmin, type Cast, type Ticket } from '../helpers/tickets.ts';

describe('ticket comments: public replies, internal notes, mentions and drafts', () => {
  let c: Cast;
  let ticket: Ticket;
  let note: { id: string };
  const NOTE = 'Internal: the customer is on the legacy plan, do not offer a refund.';

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-comments'), 'rls-comments');
    ticket = await raiseTicket(c.members.customer, c.org.orgId, { subject: 'Refund please' });
    const agent = c.members.agent.supabase;
    await agent.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Hi! Looking into it.' });
    note = (await agent.from('ticket_comments').insert({ ticket_id: ticket.id, body: NOTE, is_internal: true }).select('id').single()).data!;
    await c.members.customer.supabase.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Thanks!' });
  });

  const bodiesSeenBy = async (supabase: Cast['anon']) =>
    ((await supabase.from('ticket_comments').select('body').eq('ticket_id', ticket.id).order('created_at')).data ?? []).map((r) => r.body);

  it('staff read every comment, internal notes included', async () => {
    for (const key of STAFF) expect(await bodiesSeenBy(c.members[key].supabase), key).toEqual(['Hi! Looking into it.', NOTE, 'Thanks!']);
  });

  it('the customer reads the public replies on their ticket, never the internal note (even asked for by id)', async () => {
    expect(await bodiesSeenBy(c.members.customer.supabase)).toEqual(['Hi! Looking into it.', 'Thanks!']);
    expect((await c.members.customer.supabase.from('ticket_comments').select('id').eq('id', note.id)).data).toEqual([]);
    expect((await c.members.customer.supabase.from('ticket_comments').select('id').eq('is_internal', true)).data).toEqual([]);
  });

  it('another requester, another organization\'s owner and a visitor read nothing; anon is refused', async () => {
    for (const who of [c.members.requester, c.otherOrg, c.visitor]) expect(await bodiesSeenBy(who.supabase), who.email).toEqual([]);
    expect((await c.anon.from('ticket_comments').select('id')).error?.code).toBe('42501');
  });

  it('the first public reply by staff stamps first_response_at; internal notes do not count', async () => {
    const fresh = await raiseTicket(c.members.customer, c.org.orgId);
    await c.members.agent.supabase.from('ticket_comments').insert({ ticket_id: fresh.id, body: 'Note', is_internal: true });
    expect((await ticketAsAdmin(fresh.id)).first_response_at).toBeNull();
    await c.members.agent.supabase.from('ticket_comments').insert({ ticket_id: fresh.id, body: 'Reply' });
    expect((await ticketAsAdmin(fresh.id)).first_response_at).toBeTruthy();
  });

  it('customers and requesters cannot write internal notes or reply on tickets not theirs', async () => {
    const customer = c.members.customer.supabase;
    const internal = await customer.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Sneaky', is_internal: true });
    expect(internal.error).toMatchObject({ code: 'P0001', message: 'Only agents can add internal notes.' });
    for (const who of [c.members.requester, c.otherOrg, c.visitor]) {
      const { error } = await who.supabase.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Me too' });
      expect(error?.code, who.email).toBe('42501');
    }
    expect((await c.anon.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Me too' })).error?.code).toBe('42501');
  });

  it('comments are written as oneself and stored verbatim', async () => {
    const body = '<script>fetch("//evil")</script> @[not-a-uuid] \'); delete from tickets; --';
    const { data } = await c.members.customer.supabase.from('ticket_comments')
      .insert({ ticket_id: ticket.id, body }).select('body, author_id').single();
    expect(data).toEqual({ body, author_id: c.members.customer.userId });
  });

  it('agents edit their own comments; nobody edits someone else\'s, and a note never turns public', async () => {
    const agent = c.members.agent.supabase;
    const edited = await agent.from('ticket_comments').update({ body: NOTE + ' (checked)' }).eq('id', note.id).select('edited_at').single();
    expect(edited.data?.edited_at).toBeTruthy();
    expect((await c.members.manager.supabase.from('ticket_comments').update({ body: 'x' }).eq('id', note.id).select('id')).data).toEqual([]);
    const mine = await c.members.customer.supabase.from('ticket_comments').update({ body: 'x' }).eq('author_id', c.members.customer.userId).select('id');
    expect(mine.data).toEqual([]);
    expect((await agent.from('ticket_comments').update({ is_internal: false }).eq('id', note.id)).error?.code).toBe('42501');
    expect((await agent.from('ticket_comments').delete().eq('id', note.id).select('id')).data).toEqual([]);
  });

  it('a closed ticket takes no more replies', async () => {
    const closed = await raiseTicket(c.members.customer, c.org.orgId);
    await forceStatus(closed.id, (await statusIds(c.org.orgId)).closed);
    const { error } = await c.members.agent.supabase.from('ticket_comments').insert({ ticket_id: closed.id, body: 'Late' });
    expect(error?.message).toBe(`Ticket ${closed.number} is closed: it takes no more replies.`);
  });

  it('mentions: staff mentioned by staff are recorded; customers and outsiders are not', async () => {
    const body = `@[${c.members.manager.userId}] and @[${c.members.customer.userId}] and @[${c.otherOrg.userId}] see above`;
    const mentioning = await c.members.agent.supabase.from('ticket_comments')
      .insert({ ticket_id: ticket.id, body, is_internal: true }).select('id').single();
    const { data: rows } = await admin().from('ticket_mentions').select('mentioned_user_id, mentioned_by').eq('comment_id', mentioning.data!.id);
    expect(rows).toEqual([{ mentioned_user_id: c.members.manager.userId, mentioned_by: c.members.agent.userId }]);
    const byCustomer = await c.members.customer.supabase.from('ticket_comments')
      .insert({ ticket_id: ticket.id, body: `@[${c.members.agent.userId}] hello?` }).select('id').single();
    expect((await admin().from('ticket_mentions').select('id').eq('comment_id', byCustomer.data!.id)).data).toEqual([]);
  });

  it('mentions are read and marked read by the mentioned person only', async () => {
    const manager = c.members.manager.supabase;
    const { data: mine } = await manager.from('ticket_mentions').select('id, read_at').eq('ticket_id', ticket.id);
    expect(mine).toHaveLength(1);
    for (const who of [c.members.agent, c.members.owner, c.members.customer, c.otherOrg]) {
      expect((await who.supabase.from('ticket_mentions').select('id').eq('ticket_id', ticket.id)).data, who.email).toEqual([]);
    }
    expect((await c.members.agent.supabase.from('ticket_mentions').update({ read_at: new Date().toISOString() }).eq('id', mine![0].id).select()).data).toEqual([]);
    expect((await manager.from('ticket_mentions').update({ read_at: new Date().toISOString() }).eq('id', mine![0].id).select('read_at')).data?.[0].read_at).toBeTruthy();
    expect((await manager.from('ticket_mentions').insert({ org_id: c.org.orgId, ticket_id: ticket.id, comment_id: note.id, mentioned_user_id: c.members.manager.userId })).error?.code).toBe('42501');
    expect((await manager.from('ticket_mentions').delete().eq('id', mine![0].id)).error?.code).toBe('42501');
  });

  it('drafts: one per user and ticket, autosaved by upsert, private to their author', async () => {
    const agent = c.members.agent.supabase;
    for (const body of ['Dear cust', 'Dear customer,']) {
      const { error } = await agent.from('ticket_drafts').upsert({ ticket_id: ticket.id, body, is_internal: false }, { onConflict: 'ticket_id,user_id' });
      expect(error).toBeNull();
    }
    expect((await agent.from('ticket_drafts').select('body, user_id').eq('ticket_id', ticket.id)).data)
      .toEqual([{ body: 'Dear customer,', user_id: c.members.agent.userId }]);
    for (const who of [c.members.manager, c.members.owner, c.members.customer, c.otherOrg]) {
      expect((await who.supabase.from('ticket_drafts').select('id').eq('ticket_id', ticket.id)).data, who.email).toEqual([]);
      expect((await who.supabase.from('ticket_drafts').update({ body: 'x' }).eq('ticket_id', ticket.id).select()).data, who.email).toEqual([]);
      expect((await who.supabase.from('ticket_drafts').delete().eq('ticket_id', ticket.id).select()).data, who.email).toEqual([]);
    }
    expect((await agent.from('ticket_drafts').select('body').eq('ticket_id', ticket.id).single()).data?.body).toBe('Dear customer,');
  });

  it('customers draft public replies on their own tickets only', async () => {
    const customer = c.members.customer.supabase;
    expect((await customer.from('ticket_drafts').insert({ ticket_id: ticket.id, body: 'Hmm' })).error).toBeNull();
    expect((await customer.from('ticket_drafts').update({ is_internal: true }).eq('ticket_id', ticket.id)).error?.code).toBe('42501');
    const other = await raiseTicket(c.members.requester, c.org.orgId);
    expect((await customer.from('ticket_drafts').insert({ ticket_id: other.id, body: 'Hmm' })).error?.code).toBe('42501');
    expect((await c.visitor.supabase.from('ticket_drafts').insert({ ticket_id: ticket.id, body: 'Hi' })).error?.code).toBe('42501');
    expect((await customer.from('ticket_drafts').delete().eq('ticket_id', ticket.id).select('id')).data).toHaveLength(1);
  });
});
