import { beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../helpers/env.ts';
import { actor, orgWithMembers, type Actor } from '../helpers/org.ts';
import { cast, raiseTicket, type Cast } from '../helpers/tickets.ts';

type View = { org_id: string; name: string; user_id?: string | null; query?: string | null; filters?: object; sort?: string | null };

describe('saved views: private to their owner, shared by ticket workers, checked like search_tickets', () => {
  let c: Cast;
  /** A member whose custom role has tickets.view but not tickets.manage. */
  let viewer: Actor;

  const save = (who: Actor, view: Omit<View, 'org_id'>, orgId = c.org.orgId) =>
    who.supabase.from('saved_views').insert({ org_id: orgId, ...view } as never).select().single();
  const names = async (who: Actor) => {
    const { data, error } = await who.supabase.from('saved_views').select('name, user_id').eq('org_id', c.org.orgId).order('name');
    expect(error).toBeNull();
    return data!.map((v) => v.name);
  };

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-views'), 'rls-views');
    const owner = c.members.owner.supabase;
    const { data: role } = await owner.from('roles').insert({ org_id: c.org.orgId, key: 'observer', name: 'Observer', rank: 40 })
      .select().single().throwOnError();
    await owner.from('role_permissions').insert({ role_id: role!.id, permission: 'tickets.view' }).throwOnError();
    viewer = await actor('rls-views-viewer');
    await admin().from('memberships').insert({ org_id: c.org.orgId, user_id: viewer.userId, role_id: role!.id }).throwOnError();
  });

  it('a new organization starts with three shared views that every staff member reads', async () => {
    const shared = ['Breached SLA', 'My open tickets', 'Unassigned'];
    for (const who of ['owner', 'manager', 'agent'] as const) expect(await names(c.members[who])).toEqual(shared);
    expect(await names(viewer)).toEqual(shared);
  });

  it('customers, requesters, other organizations, visitors and anon read no view', async () => {
    for (const who of [c.members.customer, c.members.requester, c.otherOrg, c.visitor]) {
      expect(await names(who), who.email).toEqual([]);
    }
    const anon = await c.anon.from('saved_views').select('id');
    expect(anon.data ?? []).toEqual([]);
  });

  it('a private view is seen and changed by its owner only', async () => {
    const { data: mine, error } = await save(c.members.agent, { name: 'My urgent', filters: { priority: 'urgent' } });
    expect(error).toBeNull();
    expect(mine).toMatchObject({ user_id: c.members.agent.userId, name: 'My urgent' });
    expect(await names(c.members.agent)).toContain('My urgent');
    expect(await names(c.members.manager)).not.toContain('My urgent');
    expect(await names(c.members.owner)).not.toContain('My urgent');

    const renamed = await c.members.agent.supabase.from('saved_views').update({ name: 'Urgent ones' }).eq('id', mine!.id).select();
    expect(renamed.data).toHaveLength(1);
    for (const who of [c.members.manager, c.members.owner, c.otherOrg]) {
      const update = await who.supabase.from('saved_views').update({ name: 'Hijacked' }).eq('id', mine!.id).select();
      expect(update.data ?? [], who.email).toEqual([]);
      const remove = await who.supabase.from('saved_views').delete().eq('id', mine!.id).select();
      expect(remove.data ?? [], who.email).toEqual([]);
    }
    const { data: stored } = await admin().from('saved_views').select('name').eq('id', mine!.id).single();
    expect(stored!.name).toBe('Urgent ones');
    const removed = await c.members.agent.supabase.from('saved_views').delete().eq('id', mine!.id).select();
    expect(removed.data).toHaveLength(1);
  });

  it('nobody saves a view as someone else, nor moves a view to another owner', async () => {
    const { error } = await save(c.members.manager, { name: 'Planted', user_id: c.members.agent.userId });
    expect(error?.code).toBe('42501');
    const { data: mine } = await save(c.members.agent, { name: 'Keep me' });
    const move = await c.members.agent.supabase.from('saved_views').update({ user_id: null } as never).eq('id', mine!.id);
    expect(move.error?.code).toBe('42501');
  });

  it('ticket workers share views; a tickets.view-only member keeps private ones but cannot share or edit shared ones', async () => {
    const { data: shared, error } = await save(c.members.agent, { name: 'Billing queue', user_id: null, filters: { tag: 'billing' } });
    expect(error).toBeNull();
    expect(await names(viewer)).toContain('Billing queue');
    expect(await names(c.members.manager)).toContain('Billing queue');

    expect((await save(viewer, { name: 'Observer queue', user_id: null })).error?.code).toBe('42501');
    expect((await save(viewer, { name: 'Observer private' })).error).toBeNull();
    expect(await names(c.members.agent)).not.toContain('Observer private');
    const edit = await viewer.supabase.from('saved_views').update({ name: 'Mine now' }).eq('id', shared!.id).select();
    expect(edit.data).toEqual([]);
    const remove = await viewer.supabase.from('saved_views').delete().eq('id', shared!.id).select();
    expect(remove.data).toEqual([]);

    const managerEdit = await c.members.manager.supabase.from('saved_views').update({ position: 7 }).eq('id', shared!.id).select();
    expect(managerEdit.data).toHaveLength(1);
  });

  it('members without tickets.view and other organizations save nothing', async () => {
    for (const who of [c.members.customer, c.members.requester, c.visitor]) {
      expect((await save(who, { name: 'Sneaky' })).error?.code, who.email).toBe('42501');
      expect((await save(who, { name: 'Sneaky shared', user_id: null })).error?.code, who.email).toBe('42501');
    }
    expect((await save(c.otherOrg, { name: 'Cross-org' })).error?.code).toBe('42501');
    expect((await save(c.members.agent, { name: 'Into the other org' }, c.otherOrg.orgId)).error?.code).toBe('42501');
    const anon = await c.anon.from('saved_views').insert({ org_id: c.org.orgId, name: 'Anon' });
    expect(anon.error).not.toBeNull();
  });

  it('filters are checked by search_tickets\' own rules, with readable refusals; the row stays untouched', async () => {
    const agent = c.members.agent;
    const refused = async (view: Omit<View, 'org_id'>, message: RegExp) => {
      const { error } = await save(agent, view);
      expect(error?.code, JSON.stringify(view)).toBe('P0001');
      expect(error?.message, JSON.stringify(view)).toMatch(message);
    };
    await refused({ name: 'x', filters: { subject: 'x' } }, /^Unknown filter "subject"\.$/);
    await refused({ name: 'x', filters: { 'priority; drop table tickets': 'high' } }, /^Unknown filter/);
    await refused({ name: 'x', filters: { priority: 'critical' } }, /^Filter "priority" takes urgent, high, medium or low\.$/);
    await refused({ name: 'x', filters: { sla_state: 'late' } }, /^Filter "sla_state" takes ok, near_breach or breached\.$/);
    await refused({ name: 'x', filters: { assignee_id: 'someone' } }, /takes an id or a list of ids/);
    await refused({ name: 'x', filters: { created_from: 'soon' } }, /takes a date/);
    await refused({ name: 'x', sort: 'relevance' }, /Only a view with a search can sort by relevance/);
    await refused({ name: 'x', query: 'printer', sort: 'priority' }, /sorts by relevance/);
    const blank = await save(agent, { name: '   ' });
    expect(blank.error?.code).toBe('23514');
    const bogusSort = await save(agent, { name: 'x', sort: 'random()' });
    expect(bogusSort.error?.code).toBe('23514');
    const long = await save(agent, { name: 'x', query: 'q'.repeat(501) });
    expect(long.error?.code).toBe('23514');

    const { data: view } = await save(agent, { name: 'Valid', filters: { priority: 'high' } });
    const update = await agent.supabase.from('saved_views').update({ filters: { nope: 1 } }).eq('id', view!.id);
    expect(update.error?.message).toMatch(/^Unknown filter "nope"\.$/);
    const { data: stored } = await admin().from('saved_views').select('filters').eq('id', view!.id).single();
    expect(stored!.filters).toEqual({ priority: 'high' });

    const duplicate = await save(agent, { name: 'Valid' });
    expect(duplicate.error?.code).toBe('23505');
  });

  it('markup in a name is stored as typed (rendered inert by the app)', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const { data, error } = await save(c.members.agent, { name });
    expect(error).toBeNull();
    expect(data!.name).toBe(name);
  });

  it('"me" in a shared view resolves to whoever runs it', async () => {
    const agent = c.members.agent;
    const manager = c.members.manager;
    const forAgent = await raiseTicket(c.members.owner, c.org.orgId, { subject: 'For the agent', assignee_id: agent.userId });
    const forManager = await raiseTicket(c.members.owner, c.org.orgId, { subject: 'For the manager', assignee_id: manager.userId });
    const { data: view } = await agent.supabase.from('saved_views').select('filters, sort')
      .eq('org_id', c.org.orgId).eq('name', 'My open tickets').single();
    const run = async (who: Actor) => {
      const { data, error } = await who.supabase.rpc('search_tickets',
        { org_id: c.org.orgId, filters: view!.filters, sort: view!.sort } as never);
      expect(error).toBeNull();
      return (data as { id: string }[]).map((t) => t.id);
    };
    expect(await run(agent)).toEqual([forAgent.id]);
    expect(await run(manager)).toEqual([forManager.id]);
    expect(await run(c.members.customer)).toEqual([]);
  });
});
