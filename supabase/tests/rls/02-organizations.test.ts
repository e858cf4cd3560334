import { beforeAll, describe, expect, it } from 'vitest';
import { admin, client } from '../helpers/env.ts';
import { orgWithMembers, outsiders, type OrgFixture } from '../helpers/org.ts';

describe('organizations: who may read, create and change them', () => {
  let org: OrgFixture;
  let outside: Awaited<ReturnType<typeof outsiders>>;
  beforeAll(async () => {
    org = await orgWithMembers('rls-org');
    outside = await outsiders('rls-org');
  });

  const nameAsAdmin = async () =>
    (await admin().from('organizations').select('name').eq('id', org.orgId).single()).data?.name;

  it('every member reads their organization; a stranger and anon read nothing', async () => {
    for (const member of Object.values(org.members)) {
      const { data } = await member.supabase.from('organizations').select('id').eq('id', org.orgId);
      expect(data, member.email).toHaveLength(1);
    }
    expect((await outside.stranger.supabase.from('organizations').select('id').eq('id', org.orgId)).data).toEqual([]);
    expect((await outside.anon.from('organizations').select('id')).error?.code).toBe('42501');
  });

  it('owners and admins rename the organization', async () => {
    for (const key of ['owner', 'admin'] as const) {
      const { data, error } = await org.members[key].supabase
        .from('organizations').update({ name: `Renamed by ${key}` }).eq('id', org.orgId).select('name');
      expect(error).toBeNull();
      expect(data).toEqual([{ name: `Renamed by ${key}` }]);
    }
  });

  it('managers, agents, requesters, customers and strangers cannot, and the name stays as it was', async () => {
    const before = await nameAsAdmin();
    for (const who of [org.members.manager, org.members.agent, org.members.requester, org.members.customer, outside.stranger]) {
      const { data } = await who.supabase.from('organizations').update({ name: 'Hijacked' }).eq('id', org.orgId).select();
      expect(data, who.email).toEqual([]);
    }
    expect(await nameAsAdmin()).toBe(before);
  });

  it('refuses an unknown time zone and malformed business hours with readable errors', async () => {
    const owner = org.members.owner.supabase;
    const tz = await owner.from('organizations').update({ time_zone: 'Mars/Olympus' }).eq('id', org.orgId);
    expect(tz.error?.message).toContain('is not a known time zone');
    const hours = await owner.from('organizations').update({ business_hours: { mon: [{ open: '18:00', close: '09:00' }] } }).eq('id', org.orgId);
    expect(hours.error?.message).toContain('open before they close');
    const day = await owner.from('organizations').update({ business_hours: { someday: [] } }).eq('id', org.orgId);
    expect(day.error?.message).toContain('is not a weekday');
  });

  it('stores a script tag in a name as plain text', async () => {
    const { data } = await org.members.owner.supabase
      .from('organizations').update({ name: '<script>alert(1)</script>' }).eq('id', org.orgId).select('name').single();
    expect(data?.name).toBe('<script>alert(1)</script>');
  });

  it('any signed-up user creates an organization and becomes its owner', async () => {
    const { data, error } = await outside.stranger.supabase.rpc('create_organization', {
      name: 'Stranger Co',
      slug: `stranger-${Date.now().toString(36)}`,
    });
    expect(error).toBeNull();
    const { data: membership } = await outside.stranger.supabase
      .from('memberships').select('roles(key)').eq('org_id', data!.id).single();
    expect(membership).toEqual({ roles: { key: 'owner' } });
  });

  it('refuses a taken slug with a clear message and keeps the existing organization', async () => {
    const { error } = await outside.stranger.supabase.rpc('create_organization', { name: 'Copycat', slug: org.slug });
    expect(error?.code).toBe('23505');
    expect(error?.message).toBe(`The address "${org.slug}" is already taken.`);
    expect((await admin().from('organizations').select('id').eq('slug', org.slug)).data).toEqual([{ id: org.orgId }]);
  });

  it('refuses malformed slugs', async () => {
    for (const slug of ['Has Spaces', '-leading', 'x'.repeat(41), '../etc']) {
      const { error } = await outside.stranger.supabase.rpc('create_organization', { name: 'Bad', slug });
      expect(error?.code, slug).toBe('23514');
    }
  });

  it('anonymous visitors (widget users) and anon cannot create organizations', async () => {
    const visitor = client();
    const { error: signInError } = await visitor.auth.signInAnonymously();
    expect(signInError).toBeNull();
    const asVisitor = await visitor.rpc('create_organization', { name: 'Visitor Co', slug: `visitor-${Date.now()}` });
    expect(asVisitor.error?.code).toBe('42501');
    const asAnon = await client().rpc('create_organization', { name: 'Anon Co', slug: `anon-${Date.now()}` });
    expect(asAnon.error).not.toBeNull();
  });

  it('holidays: members read them, only org managers change them', async () => {
    const add = await org.members.admin.supabase
      .from('organization_holidays').insert({ org_id: org.orgId, day: '2027-05-01', name: 'Labour Day' }).select().single();
    expect(add.error).toBeNull();
    expect((await org.members.customer.supabase.from('organization_holidays').select('id').eq('org_id', org.orgId)).data).toHaveLength(1);
    const denied = await org.members.agent.supabase
      .from('organization_holidays').insert({ org_id: org.orgId, day: '2027-05-08', name: 'Nope' });
    expect(denied.error?.code).toBe('42501');
    const removed = await org.members.manager.supabase.from('organization_holidays').delete().eq('id', add.data!.id).select();
    expect(removed.data).toEqual([]);
    expect((await outside.stranger.supabase.from('organization_holidays').select('id').eq('org_id', org.orgId)).data).toEqual([]);
  });
});
