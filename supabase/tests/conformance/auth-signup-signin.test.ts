import { randomUUID } from 'node:crypto';
import { AuthWeakPasswordError } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, client, IS_LOCAL, PASSWORD, signedInUser, uniqueEmail } from '../helpers/env.ts';
import { linkIn, otpIn, waitForEmail } from '../helpers/inbox.ts';
import { superuserSql } from '../helpers/sql.ts';
import { authFetch, claimsOf, directAuthClient, privateAuthService } from './auth-helpers.ts';

interface PublicSettings {
  mailer_autoconfirm: boolean;
  external: { anonymous_users: boolean; email: boolean };
}

let settings: PublicSettings;

beforeAll(async () => {
  settings = (await authFetch('/settings')).body as unknown as PublicSettings;
});

describe('sign-up with email confirmations on', () => {
  it('returns the user without a session and mails a link plus a code', async () => {
    if (settings.mailer_autoconfirm) return;
    const email = uniqueEmail('signup');
    const since = new Date();
    const { data, error } = await client().auth.signUp({ email, password: PASSWORD, options: { data: { display_name: 'Ada' } } });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user).toMatchObject({ email, user_metadata: { display_name: 'Ada' }, is_anonymous: false });
    expect(data.user?.identities).toHaveLength(1);
    expect(data.user?.confirmation_sent_at).toBeTruthy();
    expect(data.user?.email_confirmed_at).toBeUndefined();
    if (!IS_LOCAL) return;
    const mail = await waitForEmail(email, { since });
    expect(linkIn(mail, '/auth/v1/verify')).toContain('type=signup');
    expect(otpIn(mail)).toMatch(/^\d{6}$/);
  });

  it('refuses password sign-in until the address is confirmed (email_not_confirmed)', async () => {
    if (settings.mailer_autoconfirm) return;
    const email = uniqueEmail('unconfirmed');
    await client().auth.signUp({ email, password: PASSWORD });
    const { data, error } = await client().auth.signInWithPassword({ email, password: PASSWORD });
    expect(data.session).toBeNull();
    expect(error).toMatchObject({ status: 400, code: 'email_not_confirmed' });
  });

  it.runIf(IS_LOCAL)('signs the user in with the emailed code and marks the email verified', async () => {
    if (settings.mailer_autoconfirm) return;
    const email = uniqueEmail('confirm');
    const since = new Date();
    await client().auth.signUp({ email, password: PASSWORD });
    const code = otpIn(await waitForEmail(email, { since }));
    const { data, error } = await client().auth.verifyOtp({ email, token: code, type: 'signup' });
    expect(error).toBeNull();
    expect(data.session?.access_token).toBeTruthy();
    expect(data.user?.email_confirmed_at).toBeTruthy();
    expect(data.user?.user_metadata.email_verified).toBe(true);
    expect(data.user?.identities?.[0].identity_data?.email_verified).toBe(true);
    const signIn = await client().auth.signInWithPassword({ email, password: PASSWORD });
    expect(signIn.error).toBeNull();
  });

  it('answers a repeated sign-up of a confirmed address with an obfuscated user without identities', async () => {
    if (settings.mailer_autoconfirm) return;
    const { email, user } = await signedInUser('repeat');
    const { data, error } = await client().auth.signUp({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.session).toBeNull();
    expect(data.user?.identities).toEqual([]);
    expect(data.user?.id).not.toBe(user.id);
  });
});

describe('password rules', () => {
  it('refuses a short password with weak_password and the reason "length"', async () => {
    const { error } = await client().auth.signUp({ email: uniqueEmail('weak'), password: 'ab1' });
    expect(error).toBeInstanceOf(AuthWeakPasswordError);
    expect(error).toMatchObject({ status: 422, code: 'weak_password' });
    expect((error as AuthWeakPasswordError).reasons).toContain('length');
  });

  it.runIf(IS_LOCAL)('refuses a password without digits (password_requirements = letters_digits)', async () => {
    const { error } = await client().auth.signUp({ email: uniqueEmail('weak'), password: 'onlyletters' });
    expect(error).toMatchObject({ status: 422, code: 'weak_password' });
    expect((error as AuthWeakPasswordError).reasons).toEqual(['characters']);
  });

  it('refuses an empty password with validation_failed', async () => {
    const { error } = await client().auth.signUp({ email: uniqueEmail('empty'), password: '' });
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
  });
});

describe('password sign-in', () => {
  it('returns a session whose access token carries the documented claims', async () => {
    const { session, user } = await signedInUser('claims');
    const claims = claimsOf(session!.access_token);
    expect(claims).toMatchObject({
      sub: user.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: user.email,
      phone: '',
      aal: 'aal1',
      is_anonymous: false,
      app_metadata: { provider: 'email', providers: ['email'] },
    });
    expect(claims.iss).toMatch(/\/auth\/v1$/);
    expect(claims.session_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
    expect(claims.exp! - claims.iat!).toBe(session!.expires_in);
    expect(session!.token_type).toBe('bearer');
  });

  it('rejects a wrong password and an unknown address alike with invalid_credentials', async () => {
    const { email } = await signedInUser('wrongpw');
    for (const credentials of [
      { email, password: 'not-the-password-1' },
      { email: uniqueEmail('nobody'), password: PASSWORD },
    ]) {
      const { data, error } = await client().auth.signInWithPassword(credentials);
      expect(data.session).toBeNull();
      expect(error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' });
    }
  });

  it('lets getUser and getClaims read the signed-in user', async () => {
    const { supabase, user } = await signedInUser('getuser');
    const current = await supabase.auth.getUser();
    expect(current.data.user?.id).toBe(user.id);
    const claims = await supabase.auth.getClaims();
    expect(claims.data?.claims.sub).toBe(user.id);
  });

  it('refuses banned users with user_banned', async () => {
    const { email, user } = await signedInUser('banned');
    await admin().auth.admin.updateUserById(user.id, { ban_duration: '24h' });
    const { error } = await client().auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toMatchObject({ status: 400, code: 'user_banned' });
  });

  it.runIf(IS_LOCAL)('accepts users inserted by a SQL seed with pgcrypto hashes and NULL token columns', async () => {
    const id = randomUUID();
    const email = uniqueEmail('seeded');
    await superuserSql(
      `insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, raw_user_meta_data, created_at, updated_at)
       values ($1, 'authenticated', 'authenticated', $2, extensions.crypt($3, extensions.gen_salt('bf')), now(), '{"seeded":true}', now(), now())`,
      [id, email, PASSWORD],
    );
    const supabase = client();
    const { data, error } = await supabase.auth.signInWithPassword({ email, password: PASSWORD });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ id, email, user_metadata: { seeded: true }, identities: [] });
    expect((await supabase.auth.getUser()).data.user?.id).toBe(id);
  });
});

describe('anonymous sign-in', () => {
  it('creates an anonymous user with a session (amr "anonymous")', async () => {
    if (!settings.external.anonymous_users) return;
    const { data, error } = await client().auth.signInAnonymously({ options: { data: { visitor: true } } });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ is_anonymous: true, email: '', identities: [], user_metadata: { visitor: true } });
    const claims = claimsOf(data.session!.access_token);
    expect(claims).toMatchObject({ is_anonymous: true, role: 'authenticated', aal: 'aal1' });
    expect(claims.amr).toEqual([{ method: 'anonymous', timestamp: expect.any(Number) }]);
  });
});

describe.runIf(IS_LOCAL)('sign-up with email confirmations off (enable_confirmations = false)', () => {
  it('returns a session at once and refuses the same address again with user_already_exists', async () => {
    const service = await privateAuthService((config) => ({
      ...config,
      auth: { ...config.auth, email: { ...config.auth.email, enableConfirmations: false } },
    }));
    try {
      const auth = directAuthClient(service.url);
      const email = uniqueEmail('autoconfirm');
      const { data, error } = await auth.signUp({ email, password: PASSWORD });
      expect(error).toBeNull();
      expect(data.user?.email_confirmed_at).toBeTruthy();
      expect(claimsOf(data.session!.access_token).amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
      const again = await auth.signUp({ email, password: PASSWORD });
      expect(again.error).toMatchObject({ status: 422, code: 'user_already_exists', message: 'User already registered' });
    } finally {
      await service.stop();
    }
  });
});

describe('service endpoints', () => {
  it('reports health, settings and an empty JWKS for HS256 tokens', async () => {
    expect((await authFetch('/health')).body).toMatchObject({ name: 'GoTrue' });
    expect(settings).toMatchObject({ external: { email: true }, mailer_autoconfirm: expect.any(Boolean) });
    if (IS_LOCAL) expect((await authFetch('/.well-known/jwks.json')).body).toEqual({ keys: [] });
  });
});
