import { beforeEach, describe, expect, it } from 'vitest';
import { admin } from '../helpers/env.ts';
import { orgWithMembers, outsiders, type OrgFixture, type RoleKey } from '../helpers/org.ts';

async function roleOf(org: OrgFixture, userId: string): Promise<string | undefined> {
  const { data } = await admin().from('memberships').select('roles(key)').eq('org_id', org.orgId).eq('user_id', userId).maybeSingle();
  return (data?.roles as unknown as { key: string } | null)?.key;
}

describe('memberships: seeing members, changing roles, removing people', () => {
  let org: OrgFixture;
  beforeEach(async () => {
    org = await orgWithMembers('rls-members');
  });

  const setRole = (who: RoleKey, target: RoleKey, newRole: RoleKey) =>
    org.members[who].supabase
      .from('memberships').update({ role_id: org.roleIds[newRole] })
      .eq('org_id', org.orgId).eq('user_id', org.members[target].userId).select('id');

  it('staff see every member; a customer sees only their own membership; strangers nothing', async () => {
    for (const key of ['owner', 'admin', 'manager', 'agent', 'requester'] as const) {
      const { data } = await org.members[key].supabase.from('memberships').select('user_id').eq('org_id', org.orgId);
      expect(data, key).toHaveLength(6);
    }
    const { data: own } = await org.members.customer.supabase.from('memberships').select('user_id').eq('org_id', org.orgId);
    expect(own).toEqual([{ user_id: org.members.customer.userId }]);
    const { stranger } = await outsiders('rls-members');
    expect((await stranger.supabase.from('memberships').select('id').eq('org_id', org.orgId)).data).toEqual([]);
  });

  it('an admin promotes an agent to manager', async () => {
    const { data, error } = await setRole('admin', 'agent', 'manager');
    expect(error).toBeNull();
    expect(data).toHaveLength(1);
    expect(await roleOf(org, org.members.agent.userId)).toBe('manager');
  });

  it('an admin can neither grant owner nor touch an owner', async () => {
    expect((await setRole('admin', 'agent', 'owner')).error?.message).toBe('You cannot grant a role above your own.');
    expect((await setRole('admin', 'owner', 'agent')).error?.message).toBe('Only an owner can change or remove another owner.');
    expect(await roleOf(org, org.members.owner.userId)).toBe('owner');
    expect(await roleOf(org, org.members.agent.userId)).toBe('agent');
  });

  it('nobody raises their own role, whatever client they use', async () => {
    for (const key of ['agent', 'customer', 'requester', 'manager'] as const) {
      const { error } = await setRole(key, key, 'admin');
      expect(error?.code, key).toBe('P0001');
      expect(await roleOf(org, org.members[key].userId)).toBe(key);
    }
    const { error } = await setRole('admin', 'admin', 'owner');
    expect(error?.message).toBe('You cannot raise your own role.');
  });

  it('an agent cannot change a coworker\'s role (the row is not theirs to update)', async () => {
    const { data } = await setRole('agent', 'customer', 'agent');
    expect(data).toEqual([]);
    expect(await roleOf(org, org.members.customer.userId)).toBe('customer');
  });

  it('the last owner cannot step down or leave', async () => {
    const demote = await setRole('owner', 'owner', 'admin');
    expect(demote.error?.message).toBe('An organization needs at least one owner.');
    const leave = await org.members.owner.supabase.from('memberships').delete().eq('user_id', org.members.owner.userId).eq('org_id', org.orgId);
    expect(leave.error?.message).toBe('An organization needs at least one owner.');
    expect(await roleOf(org, org.members.owner.userId)).toBe('owner');
  });

  it('with a second owner, the first may step down', async () => {
    expect((await setRole('owner', 'admin', 'owner')).error).toBeNull();
    expect((await setRole('owner', 'owner', 'admin')).error).toBeNull();
    expect(await roleOf(org, org.members.owner.userId)).toBe('admin');
  });

  it('an admin removes an agent; an agent cannot remove anyone; anyone may leave', async () => {
    const byAgent = await org.members.agent.supabase.from('memberships').delete().eq('user_id', org.members.customer.userId).select();
    expect(byAgent.data).toEqual([]);
    expect(await roleOf(org, org.members.customer.userId)).toBe('customer');
    const byAdmin = await org.members.admin.supabase.from('memberships').delete().eq('user_id', org.members.agent.userId).select();
    expect(byAdmin.data).toHaveLength(1);
    const leave = await org.members.customer.supabase.from('memberships').delete().eq('user_id', org.members.customer.userId).select();
    expect(leave.data).toHaveLength(1);
  });

  it('a demoted member loses access on their very next request, without signing in again', async () => {
    const agent = org.members.agent.supabase;
    expect((await agent.from('memberships').select('id').eq('org_id', org.orgId)).data).toHaveLength(6);
    expect((await setRole('owner', 'agent', 'customer')).error).toBeNull();
    expect((await agent.from('memberships').select('id').eq('org_id', org.orgId)).data).toHaveLength(1);
  });

  it('a removed member no longer sees the organization', async () => {
    await org.members.admin.supabase.from('memberships').delete().eq('user_id', org.members.manager.userId);
    expect((await org.members.manager.supabase.from('organizations').select('id').eq('id', org.orgId)).data).toEqual([]);
  });

  it('members set their own availability but not their coworkers\'', async () => {
    const own = await org.members.agent.supabase.from('memberships').update({ availability: 'away' }).eq('user_id', org.members.agent.userId).select('availability');
    expect(own.data).toEqual([{ availability: 'away' }]);
    const other = await org.members.agent.supabase.from('memberships').update({ availability: 'offline' }).eq('user_id', org.members.manager.userId).select();
    expect(other.data).toEqual([]);
  });

  it('refuses an unknown availability value', async () => {
    const { error } = await org.members.agent.supabase.from('memberships').update({ availability: 'sleeping' }).eq('user_id', org.members.agent.userId);
    expect(error?.code).toBe('23514');
  });
});
