import { describe, expect, it } from 'vitest';
import { client, IS_LOCAL, PASSWORD, signedInUser, uniqueEmail } from '../helpers/env.ts';
import { otpIn, waitForEmail } from '../helpers/inbox.ts';
import { superuserSql } from '../helpers/sql.ts';
import { authFetch, directAuthClient, privateAuthService, userLookup } from './auth-helpers.ts';

describe('updateUser: metadata', () => {
  it('merges data into user_metadata, removes keys set to null and emits USER_UPDATED', async () => {
    const { supabase } = await signedInUser('metadata');
    await supabase.auth.updateUser({ data: { theme: 'dark', locale: 'en' } });
    const events: string[] = [];
    supabase.auth.onAuthStateChange((event) => void events.push(event));
    const { data, error } = await supabase.auth.updateUser({ data: { locale: null, seats: 3 } });
    expect(error).toBeNull();
    expect(data.user?.user_metadata).toMatchObject({ theme: 'dark', seats: 3 });
    expect(data.user?.user_metadata).not.toHaveProperty('locale');
    expect(events).toContain('USER_UPDATED');
  });

  it('refuses app_metadata from the user itself with not_admin', async () => {
    const { session } = await signedInUser('appmeta');
    const response = await authFetch('/user', { method: 'PUT', token: session!.access_token, body: { app_metadata: { plan: 'pro' } } });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'not_admin' });
  });
});

describe('updateUser: password', () => {
  it('changes the password, keeps the current session and ends the others', async () => {
    const { supabase, email, session } = await signedInUser('pwchange');
    const other = await client().auth.signInWithPassword({ email, password: PASSWORD });
    expect((await supabase.auth.updateUser({ password: 'a-new-secret-99' })).error).toBeNull();
    expect((await userLookup(session!.access_token)).status).toBe(200);
    expect(await userLookup(other.data.session!.access_token)).toEqual({ status: 403, code: 'session_not_found' });
    expect((await client().auth.signInWithPassword({ email, password: 'a-new-secret-99' })).error).toBeNull();
  });

  it('refuses the current password as the new one with same_password', async () => {
    const { supabase } = await signedInUser('samepw');
    const { error } = await supabase.auth.updateUser({ password: PASSWORD });
    expect(error).toMatchObject({ status: 422, code: 'same_password' });
  });

  it('applies the password rules (weak_password)', async () => {
    const { supabase } = await signedInUser('weakpw');
    const { error } = await supabase.auth.updateUser({ password: 'x1' });
    expect(error).toMatchObject({ status: 422, code: 'weak_password' });
  });
});

describe('updateUser: email', () => {
  it('refuses an address that belongs to someone else with email_exists', async () => {
    const { supabase } = await signedInUser('taken');
    const { email: taken } = await signedInUser('owner');
    const { error } = await supabase.auth.updateUser({ email: taken });
    expect(error).toMatchObject({ status: 422, code: 'email_exists' });
  });

  it.runIf(IS_LOCAL)('changes the address once both the new and the current address confirmed it', async () => {
    const { supabase, email } = await signedInUser('change');
    const newEmail = uniqueEmail('changed');
    const since = new Date();
    const { data, error } = await supabase.auth.updateUser({ email: newEmail });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email, new_email: newEmail });
    const toNew = otpIn(await waitForEmail(newEmail, { since }));
    const toCurrent = otpIn(await waitForEmail(email, { since }));
    const firstHalf = await client().auth.verifyOtp({ email: newEmail, token: toNew, type: 'email_change' });
    expect(firstHalf.error).toBeNull();
    expect(firstHalf.data).toEqual({ user: null, session: null });
    const secondHalf = await client().auth.verifyOtp({ email, token: toCurrent, type: 'email_change' });
    expect(secondHalf.error).toBeNull();
    expect(secondHalf.data.user?.email).toBe(newEmail);
    expect((await client().auth.signInWithPassword({ email: newEmail, password: PASSWORD })).error).toBeNull();
  });
});

describe('anonymous users', () => {
  it('cannot set a password without an email (validation_failed)', async () => {
    const supabase = client();
    const { error: signInError } = await supabase.auth.signInAnonymously();
    if (signInError?.code === 'anonymous_provider_disabled') return;
    const { error } = await supabase.auth.updateUser({ password: 'anon-password-1' });
    expect(error).toMatchObject({ status: 422, code: 'validation_failed' });
  });

  it.runIf(IS_LOCAL)('become permanent users by confirming an email address', async () => {
    const supabase = client();
    const anonymous = await supabase.auth.signInAnonymously();
    const email = uniqueEmail('converted');
    const since = new Date();
    expect((await supabase.auth.updateUser({ email })).error).toBeNull();
    const code = otpIn(await waitForEmail(email, { since }));
    const { data, error } = await client().auth.verifyOtp({ email, token: code, type: 'email_change' });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ id: anonymous.data.user!.id, email, is_anonymous: false });
    expect(data.user?.identities?.map((identity) => identity.provider)).toEqual(['email']);
    expect(data.user?.app_metadata).toMatchObject({ provider: 'email', providers: ['email'] });
  });
});

describe.runIf(IS_LOCAL)('reauthentication', () => {
  it('mails a verification code to the signed-in user', async () => {
    const { supabase, email } = await signedInUser('reauth');
    const since = new Date();
    expect((await supabase.auth.reauthenticate()).error).toBeNull();
    const mail = await waitForEmail(email, { since });
    expect(otpIn(mail)).toMatch(/^\d{6}$/);
  });
});

describe.runIf(IS_LOCAL)('secure_password_change', () => {
  it('asks sessions older than a day for the emailed nonce before changing the password', async () => {
    const service = await privateAuthService((config) => ({
      ...config,
      auth: { ...config.auth, email: { ...config.auth.email, securePasswordChange: true } },
    }));
    try {
      const { email, user } = await signedInUser('nonce');
      const auth = directAuthClient(service.url);
      await auth.signInWithPassword({ email, password: PASSWORD });
      await superuserSql(`update auth.sessions set created_at = now() - interval '2 days' where user_id = $1`, [user.id]);
      const withoutNonce = await auth.updateUser({ password: 'nonce-protected-1' });
      expect(withoutNonce.error).toMatchObject({ status: 400, code: 'reauthentication_needed' });
      const since = new Date();
      expect((await auth.reauthenticate()).error).toBeNull();
      const nonce = otpIn(await waitForEmail(email, { since }));
      const wrongNonce = await auth.updateUser({ password: 'nonce-protected-1', nonce: nonce === '000000' ? '111111' : '000000' });
      expect(wrongNonce.error).toMatchObject({ status: 422, code: 'reauthentication_not_valid' });
      expect((await auth.updateUser({ password: 'nonce-protected-1', nonce })).error).toBeNull();
    } finally {
      await service.stop();
    }
  });
});
