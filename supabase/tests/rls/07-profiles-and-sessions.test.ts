import { beforeAll, describe, expect, it } from 'vitest';
import { client, PASSWORD } from '../helpers/env.ts';
import { orgWithMembers, outsiders, type OrgFixture } from '../helpers/org.ts';

describe('profiles: your own to edit, your coworkers\' to read', () => {
  let org: OrgFixture;
  beforeAll(async () => {
    org = await orgWithMembers('rls-profile');
  });

  it('a profile exists for every new user and its owner edits it', async () => {
    const { data, error } = await org.members.agent.supabase
      .from('profiles').update({ display_name: 'Ari <b>Agent</b>', locale: 'fr' }).eq('id', org.members.agent.userId).select().single();
    expect(error).toBeNull();
    expect(data).toMatchObject({ display_name: 'Ari <b>Agent</b>', locale: 'fr' });
  });

  it('nobody edits someone else\'s profile', async () => {
    const { data } = await org.members.owner.supabase
      .from('profiles').update({ display_name: 'Renamed' }).eq('id', org.members.agent.userId).select();
    expect(data).toEqual([]);
  });

  it('coworkers read each other\'s profiles; strangers do not', async () => {
    expect((await org.members.manager.supabase.from('profiles').select('id').eq('id', org.members.agent.userId)).data).toHaveLength(1);
    const { stranger } = await outsiders('rls-profile');
    expect((await stranger.supabase.from('profiles').select('id').eq('id', org.members.agent.userId)).data).toEqual([]);
  });

  it('refuses an over-long display name and a malformed locale', async () => {
    const supabase = org.members.agent.supabase;
    expect((await supabase.from('profiles').update({ display_name: 'x'.repeat(81) }).eq('id', org.members.agent.userId)).error?.code).toBe('23514');
    expect((await supabase.from('profiles').update({ locale: 'english please' }).eq('id', org.members.agent.userId)).error?.code).toBe('23514');
  });
});

describe('sessions: list them, revoke one, and the revoked one loses access at once', () => {
  it('lists the caller\'s sessions with the current one marked, and revokes another device', async () => {
    const org = await orgWithMembers('rls-sessions');
    const laptop = org.members.agent.supabase;
    const phone = client();
    const signIn = await phone.auth.signInWithPassword({ email: org.members.agent.email, password: PASSWORD });
    expect(signIn.error).toBeNull();

    const { data: sessions } = await laptop.rpc('list_my_sessions');
    expect(sessions).toHaveLength(2);
    expect(sessions!.filter((s) => s.is_current)).toHaveLength(1);
    const phoneSession = sessions!.find((s) => !s.is_current)!;

    expect((await phone.from('organizations').select('id').eq('id', org.orgId)).data).toHaveLength(1);
    expect((await laptop.rpc('revoke_my_session', { session_id: phoneSession.id })).data).toBe(true);
    expect((await phone.from('organizations').select('id').eq('id', org.orgId)).data).toEqual([]);
    expect((await laptop.from('organizations').select('id').eq('id', org.orgId)).data).toHaveLength(1);
  });

  it('cannot revoke someone else\'s session', async () => {
    const org = await orgWithMembers('rls-sessions2');
    const { data: ownerSessions } = await org.members.owner.supabase.rpc('list_my_sessions');
    const { data } = await org.members.agent.supabase.rpc('revoke_my_session', { session_id: ownerSessions![0].id });
    expect(data).toBe(false);
    expect((await org.members.owner.supabase.from('organizations').select('id').eq('id', org.orgId)).data).toHaveLength(1);
  });
});

describe('profile emails', () => {
  it('coworkers see each other\'s email, which nobody can edit through the API', async () => {
    const org = await orgWithMembers('rls-email');
    const { data } = await org.members.admin.supabase.from('profiles').select('email').eq('id', org.members.agent.userId).single();
    expect(data?.email).toBe(org.members.agent.email);
    const edit = await org.members.agent.supabase.from('profiles').update({ email: 'spoof@example.test' }).eq('id', org.members.agent.userId);
    expect(edit.error?.code).toBe('42501');
  });
});
