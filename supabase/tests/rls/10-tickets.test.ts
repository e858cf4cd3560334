import { beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../helpers/env.ts';
import { actor, orgWithMembers } from '../helpers/org.ts';
import { cast, NON_STAFF, raiseTicket, ROLE_KEYS, STAFF, ticketAsAdmin, type Cast, type Ticket } from '../helpers/tickets.ts';

describe('tickets: who reads, raises, works and deletes them', () => {
  let c: Cast;
  let byCustomer: Ticket;
  let byRequester: Ticket;
  let otherOrgTicket: Ticket;
  let otherOrgTeam: string;

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-tickets'), 'rls-tickets');
    byCustomer = await raiseTicket(c.members.customer, c.org.orgId, { subject: 'My order never arrived' });
    byRequester = await raiseTicket(c.members.requester, c.org.orgId, { subject: 'New keyboard please' });
    otherOrgTicket = await raiseTicket(c.otherOrg, c.otherOrg.orgId, { subject: 'Elsewhere' });
    const team = await c.otherOrg.supabase.from('teams').insert({ org_id: c.otherOrg.orgId, name: 'Other team' }).select('id').single();
    otherOrgTeam = team.data!.id;
  });

  const idsSeenBy = async (who: keyof Cast['members']) =>
    ((await c.members[who].supabase.from('tickets').select('id').eq('org_id', c.org.orgId)).data ?? []).map((t) => t.id).sort();

  it('numbers a ticket <PREFIX>-<YYYYMMDD>-<NNNN> from the organization slug', async () => {
    const prefix = c.org.slug.replace(/[^a-z0-9]/g, '').slice(0, 10).toUpperCase();
    expect(byCustomer.number).toMatch(new RegExp(`^${prefix}-\\d{8}-\\d{4}$`));
    expect(byCustomer.status_category).toBe('open');
    expect(byCustomer.requester_id).toBe(c.members.customer.userId);
  });

  it('staff read every ticket of their organization; requesters and customers only their own', async () => {
    for (const key of STAFF) {
      const seen = await idsSeenBy(key);
      expect(seen, key).toEqual(expect.arrayContaining([byCustomer.id, byRequester.id]));
    }
    expect(await idsSeenBy('customer')).toEqual(
      ((await admin().from('tickets').select('id').eq('requester_id', c.members.customer.userId)).data ?? []).map((t) => t.id).sort());
    expect(await idsSeenBy('requester')).not.toContain(byCustomer.id);
    expect(await idsSeenBy('customer')).not.toContain(byRequester.id);
  });

  it('outsiders read nothing: another organization\'s owner, an anonymous visitor, anon', async () => {
    expect((await c.otherOrg.supabase.from('tickets').select('id').eq('org_id', c.org.orgId)).data).toEqual([]);
    expect((await c.members.owner.supabase.from('tickets').select('id').eq('id', otherOrgTicket.id)).data).toEqual([]);
    expect((await c.visitor.supabase.from('tickets').select('id')).data).toEqual([]);
    expect((await c.anon.from('tickets').select('id')).error?.code).toBe('42501');
  });

  it('every role with tickets.create raises tickets for themselves', async () => {
    for (const key of ROLE_KEYS) {
      const ticket = await raiseTicket(c.members[key], c.org.orgId, { subject: `Raised by the ${key}` });
      expect(ticket.requester_id, key).toBe(c.members[key].userId);
      expect(ticket.created_by, key).toBe(c.members[key].userId);
    }
  });

  it('outsiders cannot raise tickets in the organization', async () => {
    for (const who of [c.otherOrg, c.visitor]) {
      const { error } = await who.supabase.from('tickets').insert({ org_id: c.org.orgId, subject: 'Let me in' });
      expect(error?.code, who.email).toBe('42501');
    }
    expect((await c.anon.from('tickets').insert({ org_id: c.org.orgId, subject: 'Let me in' })).error?.code).toBe('42501');
  });

  it('agents raise tickets for a customer; customers and requesters cannot raise for someone else', async () => {
    const forCustomer = await raiseTicket(c.members.agent, c.org.orgId, { requester_id: c.members.customer.userId });
    expect(forCustomer.requester_id).toBe(c.members.customer.userId);
    expect((await c.members.customer.supabase.from('tickets').select('id').eq('id', forCustomer.id)).data).toHaveLength(1);
    for (const key of NON_STAFF) {
      const { error } = await c.members[key].supabase.from('tickets')
        .insert({ org_id: c.org.orgId, subject: 'On behalf', requester_id: c.members.agent.userId });
      expect(error?.message, key).toBe('Only agents can raise a ticket for someone else.');
    }
  });

  it('refuses requesters, assignees, teams and statuses from another organization, readably', async () => {
    const agent = c.members.agent.supabase;
    const base = { org_id: c.org.orgId, subject: 'Cross-tenant' };
    const attempts = [
      [{ requester_id: c.otherOrg.userId }, 'The requester must be a member of this organization.'],
      [{ assignee_id: c.otherOrg.userId }, 'The assignee must be an agent of this organization.'],
      [{ assignee_id: c.members.customer.userId }, 'The assignee must be an agent of this organization.'],
      [{ team_id: otherOrgTeam }, 'The team must be a team of this organization.'],
      [{ status_id: otherOrgTicket.status_id }, 'That status does not exist in this organization.'],
    ] as const;
    for (const [fields, message] of attempts) {
      const { error } = await agent.from('tickets').insert({ ...base, ...fields });
      expect(error, JSON.stringify(fields)).toMatchObject({ code: 'P0001', message });
    }
    const reassign = await agent.from('tickets').update({ assignee_id: c.otherOrg.userId }).eq('id', byCustomer.id);
    expect(reassign.error?.message).toBe('The assignee must be an agent of this organization.');
    const moveTeam = await agent.from('tickets').update({ team_id: otherOrgTeam }).eq('id', byCustomer.id);
    expect(moveTeam.error?.message).toBe('The team must be a team of this organization.');
    expect((await ticketAsAdmin(byCustomer.id)).assignee_id).toBeNull();
  });

  it('only members who assign tickets choose an assignee', async () => {
    const { error } = await c.members.customer.supabase.from('tickets')
      .insert({ org_id: c.org.orgId, subject: 'Assign me', assignee_id: c.members.agent.userId });
    expect(error?.message).toBe('Only members who assign tickets can choose an assignee or team.');
    const assigned = await c.members.agent.supabase.from('tickets')
      .update({ assignee_id: c.members.manager.userId }).eq('id', byRequester.id).select('assignee_id, assigned_at').single();
    expect(assigned.data?.assignee_id).toBe(c.members.manager.userId);
    expect(assigned.data?.assigned_at).toBeTruthy();
  });

  it('agents work tickets (priority, tags normalized); requesters cannot edit details', async () => {
    const { data, error } = await c.members.agent.supabase.from('tickets')
      .update({ priority: 'urgent', tags: [' VIP ', 'vip', 'Shipping'], category: ' Orders ' })
      .eq('id', byCustomer.id).select('priority, tags, category, updated_by').single();
    expect(error).toBeNull();
    expect(data).toEqual({ priority: 'urgent', tags: ['shipping', 'vip'], category: 'Orders', updated_by: c.members.agent.userId });
    const edit = await c.members.customer.supabase.from('tickets').update({ subject: 'Changed' }).eq('id', byCustomer.id);
    expect(edit.error).toMatchObject({ code: 'P0001', message: 'Only agents can change a ticket\'s details.' });
    const badTag = await c.members.agent.supabase.from('tickets').update({ tags: ['<b>'] }).eq('id', byCustomer.id);
    expect(badTag.error?.message).toMatch(/^"<b>" is not a valid tag/);
  });

  it('nobody updates tickets they cannot work: zero rows for other requesters and outsiders', async () => {
    for (const who of [c.members.requester, c.otherOrg, c.visitor]) {
      const { data } = await who.supabase.from('tickets').update({ priority: 'low' }).eq('id', byCustomer.id).select('id');
      expect(data, who.email).toEqual([]);
    }
    expect((await c.anon.from('tickets').update({ priority: 'low' }).eq('id', byCustomer.id)).error?.code).toBe('42501');
    expect((await ticketAsAdmin(byCustomer.id)).priority).toBe('urgent');
  });

  it('every staff role updates tickets; tickets.delete holders (owner, admin, manager) delete them', async () => {
    for (const key of STAFF) {
      const { data } = await c.members[key].supabase.from('tickets').update({ category: `By ${key}` }).eq('id', byRequester.id).select('category');
      expect(data, key).toEqual([{ category: `By ${key}` }]);
    }
    for (const key of ['owner', 'admin'] as const) {
      const doomed = await raiseTicket(c.members.customer, c.org.orgId, { subject: `Spam for the ${key}` });
      expect((await c.members[key].supabase.from('tickets').delete().eq('id', doomed.id).select('id')).data, key).toEqual([{ id: doomed.id }]);
    }
    expect((await c.visitor.supabase.from('tickets').delete().eq('id', byCustomer.id).select('id')).data).toEqual([]);
    expect((await c.anon.from('tickets').delete().eq('id', byCustomer.id)).error?.code).toBe('42501');
  });

  it('number, organization and requester-side bookkeeping are not writable through the API', async () => {
    const agent = c.members.agent.supabase;
    for (const fields of [{ number: 'X-1' }, { org_id: c.otherOrg.orgId }, { first_response_at: new Date().toISOString() }, { merged_into_id: byRequester.id }]) {
      const { error } = await agent.from('tickets').update(fields).eq('id', byCustomer.id);
      expect(error?.code, JSON.stringify(fields)).toBe('42501');
    }
    expect((await ticketAsAdmin(byCustomer.id)).number).toBe(byCustomer.number);
  });

  it('stores script payloads verbatim, as text', async () => {
    const subject = '<script>alert("x")</script>';
    const description = '<img src=x onerror=alert(1)> \'; drop table public.tickets; -- {{org.name}} \u202Egnp.exe';
    const ticket = await raiseTicket(c.members.customer, c.org.orgId, { subject, description });
    const { data } = await c.members.agent.supabase.from('tickets').select('subject, description').eq('id', ticket.id).single();
    expect(data).toEqual({ subject, description });
  });

  it('refuses an oversized description and a blank or overlong subject with readable messages', async () => {
    const customer = c.members.customer.supabase;
    const tooLong = await customer.from('tickets').insert({ org_id: c.org.orgId, subject: 'Big', description: 'x'.repeat(20_001) });
    expect(tooLong.error).toMatchObject({ code: 'P0001', message: 'The description is limited to 20,000 characters.' });
    const justRight = await customer.from('tickets').insert({ org_id: c.org.orgId, subject: 'Big', description: 'x'.repeat(20_000) });
    expect(justRight.error).toBeNull();
    for (const subject of ['   ', 's'.repeat(201)]) {
      const { error } = await customer.from('tickets').insert({ org_id: c.org.orgId, subject });
      expect(error?.message).toBe('The subject must be 1–200 characters.');
    }
  });

  it('members with tickets.delete delete tickets (recorded in the audit log); others cannot', async () => {
    const doomed = await raiseTicket(c.members.customer, c.org.orgId, { subject: 'Spam' });
    for (const key of ['agent', 'requester', 'customer'] as const) {
      const { data } = await c.members[key].supabase.from('tickets').delete().eq('id', doomed.id).select('id');
      expect(data, key).toEqual([]);
    }
    expect((await c.otherOrg.supabase.from('tickets').delete().eq('id', doomed.id).select('id')).data).toEqual([]);
    const { data } = await c.members.manager.supabase.from('tickets').delete().eq('id', doomed.id).select('id');
    expect(data).toEqual([{ id: doomed.id }]);
    const log = await c.members.owner.supabase.from('audit_logs').select('actor_id, before').eq('action', 'tickets.delete').eq('target_id', doomed.id);
    expect(log.data).toEqual([expect.objectContaining({ actor_id: c.members.manager.userId })]);
  });

  it('owners choose the ticket prefix; agents cannot; a bad prefix is explained', async () => {
    const owner = c.members.owner.supabase;
    expect((await c.members.agent.supabase.from('organizations').update({ ticket_prefix: 'NOPE' }).eq('id', c.org.orgId).select()).data).toEqual([]);
    expect((await owner.from('organizations').update({ ticket_prefix: 'x' }).eq('id', c.org.orgId)).error?.message)
      .toBe('The ticket prefix must be 2–10 letters or digits, e.g. ACME.');
    expect((await owner.from('organizations').update({ ticket_prefix: 'help' }).eq('id', c.org.orgId)).error).toBeNull();
    expect((await raiseTicket(c.members.customer, c.org.orgId)).number).toMatch(/^HELP-\d{8}-\d{4}$/);
  });

  it('deleting a user keeps their tickets and comments, without requester or author', async () => {
    const leaver = await actor('rls-tickets-leaver');
    await admin().from('memberships').insert({ org_id: c.org.orgId, user_id: leaver.userId, role_id: c.org.roleIds.customer });
    const ticket = await raiseTicket(leaver, c.org.orgId, { subject: 'Before I go' });
    await leaver.supabase.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'Bye' });
    expect((await admin().auth.admin.deleteUser(leaver.userId)).error).toBeNull();
    expect(await ticketAsAdmin(ticket.id)).toMatchObject({ requester_id: null, created_by: null, number: ticket.number });
    expect((await admin().from('ticket_comments').select('author_id, body').eq('ticket_id', ticket.id)).data).toEqual([{ author_id: null, body: 'Bye' }]);
  });

  it('merges a duplicate into another ticket: the source closes and points at the target', async () => {
    const target = await raiseTicket(c.members.customer, c.org.orgId, { subject: 'Original' });
    const duplicate = await raiseTicket(c.members.customer, c.org.orgId, { subject: 'Duplicate' });
    const byAgent = await c.members.agent.supabase.rpc('merge_tickets', { source_id: duplicate.id, target_id: target.id });
    expect(byAgent.error?.code).toBe('42501');
    const crossOrg = await c.members.manager.supabase.rpc('merge_tickets', { source_id: duplicate.id, target_id: otherOrgTicket.id });
    expect(crossOrg.error?.message).toBe('Ticket not found.');
    const { data, error } = await c.members.manager.supabase.rpc('merge_tickets', { source_id: duplicate.id, target_id: target.id });
    expect(error).toBeNull();
    expect(data).toMatchObject({ merged_into_id: target.id, status_category: 'closed' });
    const again = await c.members.manager.supabase.rpc('merge_tickets', { source_id: duplicate.id, target_id: target.id });
    expect(again.error?.message).toBe(`Ticket ${duplicate.number} is closed and cannot be merged.`);
  });
});
