import { beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../../../src/types/database.ts';
import { orgWithMembers } from '../helpers/org.ts';
import { cast, raiseTicket, type Cast } from '../helpers/tickets.ts';

describe('custom ticket fields: defined per organization, validated by the database', () => {
  let c: Cast;
  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-fields'), 'rls-fields');
    const { error } = await c.members.admin.supabase.from('ticket_fields').insert([
      { org_id: c.org.orgId, key: 'order_number', label: 'Order number', type: 'text', required: true },
      { org_id: c.org.orgId, key: 'seats', label: 'Seats', type: 'number' },
      { org_id: c.org.orgId, key: 'plan', label: 'Plan', type: 'select', options: ['Free', 'Team'] },
      { org_id: c.org.orgId, key: 'renewal', label: 'Renewal date', type: 'date' },
      { org_id: c.org.orgId, key: 'urgent_ack', label: 'Acknowledged', type: 'checkbox' },
    ], { defaultToNull: false });
    if (error) throw error;
  });

  it('every member reads the definitions; outsiders do not', async () => {
    for (const key of ['owner', 'agent', 'requester', 'customer'] as const) {
      const { data } = await c.members[key].supabase.from('ticket_fields').select('key').eq('org_id', c.org.orgId);
      expect(data, key).toHaveLength(5);
    }
    expect((await c.otherOrg.supabase.from('ticket_fields').select('key').eq('org_id', c.org.orgId)).data).toEqual([]);
    expect((await c.visitor.supabase.from('ticket_fields').select('key')).data).toEqual([]);
    expect((await c.anon.from('ticket_fields').select('key')).error?.code).toBe('42501');
  });

  it('only org managers (owner, admin) define, edit and remove fields', async () => {
    for (const who of [c.members.manager, c.members.agent, c.members.customer, c.otherOrg, c.visitor]) {
      const { error } = await who.supabase.from('ticket_fields').insert({ org_id: c.org.orgId, key: 'sneaky', label: 'Sneaky', type: 'text' });
      expect(error?.code, who.email).toBe('42501');
      const edit = await who.supabase.from('ticket_fields').update({ required: false }).eq('org_id', c.org.orgId).select('id');
      expect(edit.data, who.email).toEqual([]);
      const remove = await who.supabase.from('ticket_fields').delete().eq('org_id', c.org.orgId).select('id');
      expect(remove.data, who.email).toEqual([]);
    }
    const owner = c.members.owner.supabase;
    const added = await owner.from('ticket_fields').insert({ org_id: c.org.orgId, key: 'temp', label: 'Temp', type: 'text' }).select('id').single();
    expect(added.error).toBeNull();
    expect((await owner.from('ticket_fields').delete().eq('id', added.data!.id).select('id')).data).toHaveLength(1);
  });

  it('a select field needs options, and only a select field has them', async () => {
    const owner = c.members.owner.supabase;
    expect((await owner.from('ticket_fields').insert({ org_id: c.org.orgId, key: 'bad1', label: 'Bad', type: 'select' })).error?.code).toBe('23514');
    expect((await owner.from('ticket_fields').insert({ org_id: c.org.orgId, key: 'bad2', label: 'Bad', type: 'text', options: ['a'] })).error?.code).toBe('23514');
  });

  it('stores valid values (nulls mean "no value")', async () => {
    const custom_fields = { order_number: 'A-1', seats: 12, plan: 'Team', renewal: '2027-02-28', urgent_ack: true, seats_note: undefined };
    const ticket = await raiseTicket(c.members.customer, c.org.orgId, { custom_fields });
    expect(ticket.custom_fields).toEqual({ order_number: 'A-1', seats: 12, plan: 'Team', renewal: '2027-02-28', urgent_ack: true });
    const { data } = await c.members.agent.supabase.from('tickets')
      .update({ custom_fields: { order_number: 'A-2', plan: null } }).eq('id', ticket.id).select('custom_fields').single();
    expect(data?.custom_fields).toEqual({ order_number: 'A-2' });
  });

  it('refuses wrong values with the field\'s label', async () => {
    const cases: [{ [key: string]: Json }, string][] = [
      [{}, '"Order number" is required.'],
      [{ order_number: '' }, '"Order number" is required.'],
      [{ order_number: 42 }, '"Order number" must be text of at most 1,000 characters.'],
      [{ order_number: 'x'.repeat(1001) }, '"Order number" must be text of at most 1,000 characters.'],
      [{ order_number: 'A', seats: 'twelve' }, '"Seats" must be a number.'],
      [{ order_number: 'A', plan: 'Enterprise' }, '"Plan" must be one of: Free, Team.'],
      [{ order_number: 'A', renewal: '2027-02-30' }, '"Renewal date" must be a date (YYYY-MM-DD).'],
      [{ order_number: 'A', renewal: 'tomorrow' }, '"Renewal date" must be a date (YYYY-MM-DD).'],
      [{ order_number: 'A', urgent_ack: 'yes' }, '"Acknowledged" must be true or false.'],
      [{ order_number: 'A', favourite_colour: 'blue' }, '"favourite_colour" is not a custom field of this organization.'],
    ];
    for (const [custom_fields, message] of cases) {
      const { error } = await c.members.customer.supabase.from('tickets').insert({ org_id: c.org.orgId, subject: 'Fields', custom_fields });
      expect(error, JSON.stringify(custom_fields)).toMatchObject({ code: 'P0001', message });
    }
    const array = await c.members.customer.supabase.from('tickets').insert({ org_id: c.org.orgId, subject: 'Fields', custom_fields: [] });
    expect(array.error?.code).toMatch(/^(23514|P0001)$/);
  });

  it('another organization\'s fields do not apply', async () => {
    const { error } = await c.otherOrg.supabase.from('tickets')
      .insert({ org_id: c.otherOrg.orgId, subject: 'Fields', custom_fields: { order_number: 'A-1' } });
    expect(error?.message).toBe('"order_number" is not a custom field of this organization.');
  });
});
