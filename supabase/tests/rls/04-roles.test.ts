import { beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../helpers/env.ts';
import { orgWithMembers, outsiders, type OrgFixture } from '../helpers/org.ts';

describe('roles: built-in and custom permission sets', () => {
  let org: OrgFixture;
  beforeAll(async () => {
    org = await orgWithMembers('rls-roles');
  });

  it('every member reads the built-in roles and their permissions', async () => {
    const { data } = await org.members.customer.supabase.from('roles').select('key, role_permissions(permission)').is('org_id', null);
    expect(data?.map((role) => role.key).sort()).toEqual(['admin', 'agent', 'customer', 'manager', 'owner', 'requester']);
    const agent = data?.find((role) => role.key === 'agent');
    expect(agent?.role_permissions.map((p) => p.permission)).toContain('tickets.manage');
  });

  it('an admin creates a custom role and grants it permissions they hold', async () => {
    const supabase = org.members.admin.supabase;
    const { data: role, error } = await supabase
      .from('roles').insert({ org_id: org.orgId, key: 'billing_clerk', name: 'Tier 2', rank: 60 }).select().single();
    expect(error).toBeNull();
    const grant = await supabase.from('role_permissions').insert({ role_id: role!.id, permission: 'tickets.view' });
    expect(grant.error).toBeNull();
    const escalate = await supabase.from('role_permissions').insert({ role_id: role!.id, permission: 'billing.manage' });
    expect(escalate.error?.message).toBe('You can only grant permissions you hold (billing.manage).');
  });

  it('a custom role cannot outrank its creator or reach admin level', async () => {
    const aboveAdmin = await org.members.admin.supabase.from('roles').insert({ org_id: org.orgId, key: 'super', name: 'Super', rank: 95 });
    expect(aboveAdmin.error?.message).toBe('A custom role cannot rank above your own role.');
    const adminLevel = await org.members.owner.supabase.from('roles').insert({ org_id: org.orgId, key: 'super', name: 'Super', rank: 95 });
    expect(adminLevel.error?.code).toBe('23514');
  });

  it('agents, customers and strangers cannot create roles', async () => {
    const { stranger } = await outsiders('rls-roles');
    for (const who of [org.members.agent, org.members.customer, org.members.manager, stranger]) {
      const { error } = await who.supabase.from('roles').insert({ org_id: org.orgId, key: `x_${Date.now()}`, name: 'X', rank: 20 });
      expect(error?.code, who.email).toBe('42501');
    }
  });

  it('built-in roles cannot be edited through the API', async () => {
    const { data } = await org.members.owner.supabase.from('roles').update({ name: 'Boss' }).eq('key', 'owner').is('org_id', null).select();
    expect(data).toEqual([]);
    const grant = await org.members.owner.supabase
      .from('role_permissions').insert({ role_id: org.roleIds.customer, permission: 'members.manage' });
    expect(grant.error).not.toBeNull();
    const { data: owner } = await admin().from('roles').select('name').eq('id', org.roleIds.owner).single();
    expect(owner?.name).toBe('Owner');
  });

  it('a member given a custom role gets exactly its permissions', async () => {
    const owner = org.members.owner.supabase;
    const { data: role } = await owner.from('roles').insert({ org_id: org.orgId, key: 'auditor', name: 'Auditor', rank: 40 }).select().single();
    await owner.from('role_permissions').insert([{ role_id: role!.id, permission: 'audit.view' }]);
    await owner.from('memberships').update({ role_id: role!.id }).eq('user_id', org.members.customer.userId);
    const log = await org.members.customer.supabase.from('audit_logs').select('id').eq('org_id', org.orgId).limit(1);
    expect(log.data).toHaveLength(1);
    const members = await org.members.customer.supabase.from('memberships').select('id').eq('org_id', org.orgId);
    expect(members.data).toHaveLength(1);
  });

  it('a role still assigned to members cannot be deleted', async () => {
    const owner = org.members.owner.supabase;
    const { data: role } = await owner.from('roles').select('id').eq('key', 'auditor').eq('org_id', org.orgId).single();
    const { error } = await owner.from('roles').delete().eq('id', role!.id);
    expect(error?.message).toBe('This role is still assigned to members.');
  });
});
