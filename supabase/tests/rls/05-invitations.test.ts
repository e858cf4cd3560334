import { beforeAll, describe, expect, it } from 'vitest';
import { admin, client, IS_LOCAL } from '../helpers/env.ts';
import { actor, orgWithMembers, type OrgFixture } from '../helpers/org.ts';
import { superuserSql } from '../helpers/sql.ts';

describe('invitations: one-use, hashed, for one email address', () => {
  let org: OrgFixture;
  beforeAll(async () => {
    org = await orgWithMembers('rls-invite');
  });

  const invite = (email: string, role: 'agent' | 'owner' | 'admin' = 'agent', by: 'admin' | 'owner' | 'agent' = 'admin') =>
    org.members[by].supabase.rpc('create_invitation', { org_id: org.orgId, email, role_id: org.roleIds[role] }).single();

  it('the invitee accepts once with the emailed token and joins with the invited role', async () => {
    const invitee = await actor('rls-invitee');
    const { data, error } = await invite(invitee.email.toUpperCase());
    expect(error).toBeNull();
    const described = await invitee.supabase.rpc('describe_invitation', { token: data!.token }).single();
    expect(described.data).toMatchObject({ role_name: 'Agent', status: 'pending', email: invitee.email });
    const accepted = await invitee.supabase.rpc('accept_invitation', { token: data!.token });
    expect(accepted.data).toBe(org.orgId);
    const again = await invitee.supabase.rpc('accept_invitation', { token: data!.token });
    expect(again.error?.message).toBe('This invitation has already been used.');
    const { data: membership } = await invitee.supabase
      .from('memberships').select('roles(key)').eq('org_id', org.orgId).eq('user_id', invitee.userId).single();
    expect(membership).toEqual({ roles: { key: 'agent' } });
  });

  it('someone signed in with another email cannot use the link', async () => {
    const invitee = await actor('rls-invitee2');
    const thief = await actor('rls-thief');
    const { data } = await invite(invitee.email);
    const { error } = await thief.supabase.rpc('accept_invitation', { token: data!.token });
    expect(error?.message).toBe(`This invitation was sent to ${invitee.email}. Sign in with that address to accept it.`);
    expect((await thief.supabase.from('memberships').select('id').eq('org_id', org.orgId)).data).toEqual([]);
  });

  it('unknown, revoked and expired tokens are refused with their own messages', async () => {
    const invitee = await actor('rls-invitee3');
    expect((await invitee.supabase.rpc('accept_invitation', { token: 'f'.repeat(64) })).error?.message).toBe('This invitation link is not valid.');
    const { data: revokedInvite } = await invite(invitee.email);
    await org.members.admin.supabase.from('invitations').update({ revoked_at: new Date().toISOString() }).eq('id', revokedInvite!.invitation_id);
    expect((await invitee.supabase.rpc('accept_invitation', { token: revokedInvite!.token })).error?.message).toBe('This invitation was withdrawn.');
    if (IS_LOCAL) {
      const { data: expiring } = await invite(invitee.email);
      await superuserSql(`update public.invitations set expires_at = now() - interval '1 minute' where id = $1`, [expiring!.invitation_id]);
      expect((await invitee.supabase.rpc('accept_invitation', { token: expiring!.token })).error?.message).toBe('This invitation has expired.');
    }
  });

  it('re-inviting the same email withdraws the older invitation', async () => {
    const invitee = await actor('rls-invitee4');
    const first = await invite(invitee.email);
    const second = await invite(invitee.email);
    expect((await invitee.supabase.rpc('accept_invitation', { token: first.data!.token })).error?.message).toBe('This invitation was withdrawn.');
    expect((await invitee.supabase.rpc('accept_invitation', { token: second.data!.token })).error).toBeNull();
  });

  it('only member managers invite, and not above their own rank', async () => {
    const target = `nobody-${Date.now()}@example.test`;
    expect((await invite(target, 'agent', 'agent')).error?.message).toBe('You cannot invite members to this organization.');
    expect((await invite(target, 'owner', 'admin')).error?.message).toBe('You cannot invite someone with a role above your own.');
    expect((await invite('not-an-email', 'agent', 'admin')).error?.message).toBe('Enter a valid email address.');
    expect((await invite(org.members.agent.email, 'agent', 'admin')).error?.message).toBe('This person is already a member.');
  });

  it('member managers read invitations but never their token hashes; others read nothing', async () => {
    await invite(`listed-${Date.now()}@example.test`);
    expect((await org.members.admin.supabase.from('invitations').select('id, email').eq('org_id', org.orgId)).data?.length).toBeGreaterThan(0);
    expect((await org.members.admin.supabase.from('invitations').select('token_hash')).error?.code).toBe('42501');
    expect((await org.members.agent.supabase.from('invitations').select('id').eq('org_id', org.orgId)).data).toEqual([]);
    expect((await admin().from('invitations').select('token_hash').limit(1)).data?.[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('invitation preview before signing in', () => {
  it('anyone holding the link sees the organization, role and invited address; a made-up token shows nothing', async () => {
    const org = await orgWithMembers('rls-preview');
    const email = `preview-${Date.now()}@example.test`;
    const { data } = await org.members.admin.supabase
      .rpc('create_invitation', { org_id: org.orgId, email, role_id: org.roleIds.agent }).single();
    const anon = client();
    const preview = await anon.rpc('describe_invitation', { token: (data as { token: string }).token }).single();
    expect(preview.data).toMatchObject({ org_name: 'Org rls-preview', role_name: 'Agent', email, status: 'pending' });
    expect((await anon.rpc('describe_invitation', { token: '0'.repeat(64) })).data).toEqual([]);
    expect((await anon.rpc('accept_invitation', { token: (data as { token: string }).token })).error).not.toBeNull();
  });
});
