import { beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../helpers/env.ts';
import { orgWithMembers } from '../helpers/org.ts';
import {
  cast, forceStatus, moveTicket, NON_STAFF, raiseTicket, STAFF, statusIds, ticketAsAdmin, type Cast, type Category,
} from '../helpers/tickets.ts';

describe('ticket lifecycle: statuses per organization, transitions enforced by the database', () => {
  let c: Cast;
  let status: Record<Category, string>;
  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-lifecycle'), 'rls-lifecycle');
    status = await statusIds(c.org.orgId);
  });

  it('every new organization has the five built-in statuses, one default per category', async () => {
    const { data } = await c.members.customer.supabase.from('ticket_statuses').select('name, category, is_default').eq('org_id', c.org.orgId);
    expect(data?.map((s) => [s.category, s.name, s.is_default]).sort()).toEqual([
      ['closed', 'Closed', true], ['in_progress', 'In progress', true], ['open', 'Open', true],
      ['resolved', 'Resolved', true], ['waiting_on_customer', 'Waiting on customer', true],
    ]);
    expect((await c.otherOrg.supabase.from('ticket_statuses').select('id').eq('org_id', c.org.orgId)).data).toEqual([]);
    expect((await c.anon.from('ticket_statuses').select('id')).error?.code).toBe('42501');
  });

  it('org managers rename statuses and add custom ones; nobody else can', async () => {
    for (const who of [c.members.manager, c.members.agent, c.members.requester, c.members.customer, c.otherOrg, c.visitor]) {
      const add = await who.supabase.from('ticket_statuses').insert({ org_id: c.org.orgId, category: 'waiting_on_customer', name: 'Pending vendor' });
      expect(add.error?.code, who.email).toBe('42501');
      const rename = await who.supabase.from('ticket_statuses').update({ name: 'Hacked' }).eq('id', status.open).select('id');
      expect(rename.data, who.email).toEqual([]);
      expect((await who.supabase.from('ticket_statuses').delete().eq('org_id', c.org.orgId).select('id')).data, who.email).toEqual([]);
    }
    expect((await c.anon.from('ticket_statuses').insert({ org_id: c.org.orgId, category: 'open', name: 'Anon' })).error?.code).toBe('42501');
    const admin_ = c.members.admin.supabase;
    const added = await admin_.from('ticket_statuses').insert({ org_id: c.org.orgId, category: 'waiting_on_customer', name: 'Pending vendor' }).select('id, category').single();
    expect(added.data?.category).toBe('waiting_on_customer');
    expect((await admin_.from('ticket_statuses').update({ name: 'Done' }).eq('id', status.closed).select('name')).data).toEqual([{ name: 'Done' }]);
  });

  it('a status in use cannot be removed; a category always keeps exactly one default', async () => {
    const admin_ = c.members.admin.supabase;
    await raiseTicket(c.members.customer, c.org.orgId);
    expect((await admin_.from('ticket_statuses').delete().eq('id', status.open)).error?.message).toBe('Tickets still have the status "Open".');
    expect((await admin_.from('ticket_statuses').update({ is_default: false }).eq('id', status.resolved)).error?.message)
      .toBe('"Resolved" is the default of its category.');
    const solved = await admin_.from('ticket_statuses').insert({ org_id: c.org.orgId, category: 'resolved', name: 'Solved', is_default: true }).select('id').single();
    const defaults = await admin_.from('ticket_statuses').select('name').eq('org_id', c.org.orgId).eq('category', 'resolved').eq('is_default', true);
    expect(defaults.data).toEqual([{ name: 'Solved' }]);
    await admin_.from('ticket_statuses').update({ is_default: true }).eq('id', status.resolved);
    expect((await admin_.from('ticket_statuses').delete().eq('id', solved.data!.id).select('id')).data).toHaveLength(1);
  });

  it('the transition rules are readable by everyone signed in and writable by no one', async () => {
    const { data } = await c.members.customer.supabase.from('ticket_status_transitions').select('*').eq('from_category', 'resolved');
    expect(data).toEqual(expect.arrayContaining([
      { from_category: 'resolved', to_category: 'open', required_permission: 'tickets.manage', requester_may: true, requires_reason: true },
    ]));
    const forge = await c.members.owner.supabase.from('ticket_status_transitions')
      .insert({ from_category: 'closed', to_category: 'open', required_permission: 'tickets.manage' });
    expect(forge.error?.code).toBe('42501');
  });

  it('agents work a ticket open → in progress → waiting → resolved, each step stamped', async () => {
    const ticket = await raiseTicket(c.members.customer, c.org.orgId);
    for (const category of ['in_progress', 'waiting_on_customer', 'resolved'] as const) {
      const { data, error } = await moveTicket(c.members.agent, ticket.id, status[category]);
      expect(error, category).toBeNull();
      expect(data, category).toEqual([{ id: ticket.id, status_category: category }]);
    }
    const done = await ticketAsAdmin(ticket.id);
    expect(done.resolved_at).toBeTruthy();
    expect(new Date(done.status_changed_at).getTime()).toBeGreaterThan(new Date(ticket.status_changed_at).getTime());
  });

  it('refuses an illegal transition with a P0001 naming both statuses, whichever role tries it', async () => {
    for (const key of [...STAFF, ...NON_STAFF]) {
      const ticket = await raiseTicket(c.members[key], c.org.orgId);
      const { error } = await moveTicket(c.members[key], ticket.id, status.closed);
      expect(error, key).toMatchObject({ code: 'P0001', message: `Ticket ${ticket.number} cannot move from "Open" to "Done".` });
      expect((await ticketAsAdmin(ticket.id)).status_category, key).toBe('open');
    }
  });

  it('requesters and customers cannot make the agents\' transitions on their own tickets', async () => {
    for (const key of NON_STAFF) {
      const ticket = await raiseTicket(c.members[key], c.org.orgId);
      const { error } = await moveTicket(c.members[key], ticket.id, status.resolved);
      expect(error, key).toMatchObject({
        code: 'P0001', message: `Ticket ${ticket.number} cannot move from "Open" to "Resolved".`, hint: 'You are not allowed to make this change.',
      });
    }
  });

  it('closed is final, for agents too', async () => {
    const ticket = await raiseTicket(c.members.customer, c.org.orgId);
    await forceStatus(ticket.id, status.resolved);
    expect((await moveTicket(c.members.customer, ticket.id, status.closed)).data).toEqual([{ id: ticket.id, status_category: 'closed' }]);
    expect((await ticketAsAdmin(ticket.id)).closed_at).toBeTruthy();
    const reopen = await moveTicket(c.members.owner, ticket.id, status.open, { reopen_reason: 'Please' });
    expect(reopen.error?.message).toBe(`Ticket ${ticket.number} cannot move from "Done" to "Open".`);
    const edit = await c.members.agent.supabase.from('tickets').update({ priority: 'high' }).eq('id', ticket.id);
    expect(edit.error?.message).toBe(`Ticket ${ticket.number} is closed and can no longer be changed.`);
  });

  it('a requester reopens their resolved ticket with a reason, within the window', async () => {
    const ticket = await raiseTicket(c.members.customer, c.org.orgId);
    await forceStatus(ticket.id, status.resolved);
    const noReason = await moveTicket(c.members.customer, ticket.id, status.open);
    expect(noReason.error?.message).toBe(`Give a reason for reopening ${ticket.number}.`);
    const reopened = await moveTicket(c.members.customer, ticket.id, status.open, { reopen_reason: 'Still broken' });
    expect(reopened.error).toBeNull();
    const after = await ticketAsAdmin(ticket.id);
    expect(after).toMatchObject({ status_category: 'open', reopen_count: 1, reopen_reason: 'Still broken' });
    expect(after.reopened_at).toBeTruthy();
    await moveTicket(c.members.agent, ticket.id, status.resolved);
    expect((await ticketAsAdmin(ticket.id)).reopen_reason).toBeNull();
  });

  it('after the reopen window only agents reopen; another requester never can', async () => {
    const ticket = await raiseTicket(c.members.customer, c.org.orgId);
    await forceStatus(ticket.id, status.resolved);
    expect((await moveTicket(c.members.requester, ticket.id, status.open, { reopen_reason: 'Me too' })).data).toEqual([]);
    await admin().from('tickets').update({ resolved_at: new Date(Date.now() - 8 * 86_400_000).toISOString() }).eq('id', ticket.id);
    const late = await moveTicket(c.members.customer, ticket.id, status.open, { reopen_reason: 'Still broken' });
    expect(late.error).toMatchObject({
      message: `Ticket ${ticket.number} was resolved more than 7 days ago and can no longer be reopened.`, hint: 'Raise a new ticket instead.',
    });
    expect((await moveTicket(c.members.agent, ticket.id, status.open, { reopen_reason: 'Customer called' })).error).toBeNull();
  });

  it('the window is an organization setting', async () => {
    await c.members.owner.supabase.from('organizations').update({ reopen_window_days: 0 }).eq('id', c.org.orgId);
    const ticket = await raiseTicket(c.members.customer, c.org.orgId);
    await forceStatus(ticket.id, status.resolved);
    const { error } = await moveTicket(c.members.customer, ticket.id, status.open, { reopen_reason: 'Again' });
    expect(error?.message).toBe(`Ticket ${ticket.number} was resolved more than 0 days ago and can no longer be reopened.`);
    await c.members.owner.supabase.from('organizations').update({ reopen_window_days: 7 }).eq('id', c.org.orgId);
  });

  it('a requester\'s reply moves a ticket waiting on them back to in progress', async () => {
    const ticket = await raiseTicket(c.members.customer, c.org.orgId);
    await moveTicket(c.members.agent, ticket.id, status.waiting_on_customer);
    await c.members.customer.supabase.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Here is the screenshot' });
    expect((await ticketAsAdmin(ticket.id)).status_category).toBe('in_progress');
  });

  it('moves between custom statuses of one category', async () => {
    const { data: vendor } = await admin().from('ticket_statuses').select('id').eq('org_id', c.org.orgId).eq('name', 'Pending vendor').single();
    const ticket = await raiseTicket(c.members.customer, c.org.orgId);
    await moveTicket(c.members.agent, ticket.id, status.waiting_on_customer);
    expect((await moveTicket(c.members.agent, ticket.id, vendor!.id)).data).toEqual([{ id: ticket.id, status_category: 'waiting_on_customer' }]);
    const { data: other } = await c.otherOrg.supabase.from('ticket_statuses').select('id').eq('org_id', c.otherOrg.orgId).eq('category', 'resolved').single();
    expect((await moveTicket(c.members.agent, ticket.id, other!.id)).error?.message).toBe('That status does not exist in this organization.');
  });
});
