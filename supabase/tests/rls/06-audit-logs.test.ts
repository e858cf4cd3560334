import { beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../helpers/env.ts';
import { orgWithMembers, outsiders, type OrgFixture } from '../helpers/org.ts';

describe('audit log: written by triggers, readable by auditors, immutable for everyone', () => {
  let org: OrgFixture;
  beforeAll(async () => {
    org = await orgWithMembers('rls-audit');
    await org.members.owner.supabase
      .from('memberships').update({ role_id: org.roleIds.manager }).eq('user_id', org.members.agent.userId);
  });

  it('records a role change with actor, before and after, and the client\'s address', async () => {
    const { data } = await org.members.admin.supabase
      .from('audit_logs').select('actor_id, action, before, after, ip, user_agent')
      .eq('org_id', org.orgId).eq('action', 'memberships.update').eq('target_type', 'memberships');
    const change = data?.find((entry) => (entry.before as { user_id: string }).user_id === org.members.agent.userId);
    expect(change).toMatchObject({ actor_id: org.members.owner.userId });
    expect((change!.before as { role_id: string }).role_id).toBe(org.roleIds.agent);
    expect((change!.after as { role_id: string }).role_id).toBe(org.roleIds.manager);
    expect(change!.ip).toBeTruthy();
  });

  it('owners, admins and managers read their organization\'s log; agents, customers and strangers do not', async () => {
    for (const key of ['owner', 'admin', 'manager'] as const) {
      const { data } = await org.members[key].supabase.from('audit_logs').select('id').eq('org_id', org.orgId);
      expect(data?.length, key).toBeGreaterThan(0);
    }
    const { stranger } = await outsiders('rls-audit');
    for (const who of [org.members.requester, org.members.customer, stranger]) {
      expect((await who.supabase.from('audit_logs').select('id').eq('org_id', org.orgId)).data, who.email).toEqual([]);
    }
  });

  it('nobody can change or delete an entry, not even an owner or the service role', async () => {
    const owner = org.members.owner.supabase;
    const { data: entries } = await owner.from('audit_logs').select('id, action').eq('org_id', org.orgId).limit(1);
    const entry = entries![0];
    expect((await owner.from('audit_logs').update({ action: 'forged' }).eq('id', entry.id).select()).error?.code).toBe('42501');
    expect((await owner.from('audit_logs').delete().eq('id', entry.id).select()).error?.code).toBe('42501');
    const asService = await admin().from('audit_logs').update({ action: 'forged' }).eq('id', entry.id);
    expect(asService.error?.message).toBe('Audit log entries cannot be changed or deleted.');
    expect((await admin().from('audit_logs').delete().eq('id', entry.id)).error?.message).toBe('Audit log entries cannot be changed or deleted.');
    expect((await admin().from('audit_logs').select('action').eq('id', entry.id).single()).data?.action).toBe(entry.action);
  });

  it('nobody can write an entry directly', async () => {
    const { error } = await org.members.owner.supabase
      .from('audit_logs').insert({ org_id: org.orgId, action: 'forged', target_type: 'x' });
    expect(error?.code).toBe('42501');
  });
});

describe('audit log: people and organizations can still be deleted', () => {
  it('deleting a user who acted keeps their entries as recorded', async () => {
    const org = await orgWithMembers('rls-audit-delete');
    await org.members.admin.supabase.from('memberships').update({ role_id: org.roleIds.manager }).eq('user_id', org.members.agent.userId);
    const { error } = await admin().auth.admin.deleteUser(org.members.admin.userId);
    expect(error).toBeNull();
    const { data } = await admin().from('audit_logs').select('actor_id').eq('org_id', org.orgId).eq('actor_id', org.members.admin.userId);
    expect(data?.length).toBeGreaterThan(0);
  });

  it('deleting an organization takes its log along', async () => {
    const org = await orgWithMembers('rls-audit-org');
    expect((await admin().from('organizations').delete().eq('id', org.orgId)).error).toBeNull();
    expect((await admin().from('audit_logs').select('id').eq('org_id', org.orgId)).data).toEqual([]);
  });
});
