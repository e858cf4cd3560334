import { createClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { admin, ANON, client, IS_LOCAL, signedInUser, SUPABASE_URL, uniqueEmail } from '../helpers/env.ts';
import { linkIn, otpIn, waitForEmail } from '../helpers/inbox.ts';
import { superuserSql } from '../helpers/sql.ts';
import { authFetch, claimsOf, sleep } from './auth-helpers.ts';

/** max_frequency is one second in config.toml; waiting a little longer lets the next mail go out. */
const AFTER_MAX_FREQUENCY_MS = 1100;

function pkceClient() {
  const memory = new Map<string, string>();
  const storage = {
    getItem: (key: string) => memory.get(key) ?? null,
    setItem: (key: string, value: string) => void memory.set(key, value),
    removeItem: (key: string) => void memory.delete(key),
  };
  return createClient(SUPABASE_URL, ANON, {
    auth: { flowType: 'pkce', storage, persistSession: true, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  });
}

/** Follows an emailed /verify link without following its redirect. */
async function openLink(link: string) {
  const response = await fetch(link, { redirect: 'manual' });
  expect(response.status).toBe(303);
  return new URL(response.headers.get('location')!);
}

async function magicLink(email: string, redirectTo?: string) {
  const { data, error } = await admin().auth.admin.generateLink({ type: 'magiclink', email, options: { redirectTo } });
  if (error) throw error;
  return data.properties;
}

describe('email OTP and magic links', () => {
  it.runIf(IS_LOCAL)('mails an existing user a code that verifyOtp({type: "email"}) accepts', async () => {
    const { email, user } = await signedInUser('otp');
    const since = new Date();
    expect((await client().auth.signInWithOtp({ email })).error).toBeNull();
    const mail = await waitForEmail(email, { since });
    expect(linkIn(mail, '/auth/v1/verify')).toContain('type=magiclink');
    const { data, error } = await client().auth.verifyOtp({ email, token: otpIn(mail), type: 'email' });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(user.id);
    expect(claimsOf(data.session!.access_token).amr).toEqual([
      { method: 'otp', timestamp: expect.any(Number) },
    ]);
  });

  it.runIf(IS_LOCAL)('creates a new address on the fly and mails it the confirmation code', async () => {
    const email = uniqueEmail('otp-new');
    const since = new Date();
    expect((await client().auth.signInWithOtp({ email, options: { data: { plan: 'trial' } } })).error).toBeNull();
    const mail = await waitForEmail(email, { since });
    expect(mail.Subject).toBe('Confirm your email address');
    const { data, error } = await client().auth.verifyOtp({ email, token: otpIn(mail), type: 'email' });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ email, user_metadata: { plan: 'trial', email_verified: true } });
  });

  it('refuses unknown addresses when shouldCreateUser is false (otp_disabled)', async () => {
    const { error } = await client().auth.signInWithOtp({ email: uniqueEmail('nobody'), options: { shouldCreateUser: false } });
    expect(error).toMatchObject({ status: 422, code: 'otp_disabled' });
  });

  it('limits OTP mails per address to one per max_frequency (over_email_send_rate_limit)', async () => {
    const { email } = await signedInUser('frequency');
    expect((await client().auth.signInWithOtp({ email })).error).toBeNull();
    const { error } = await client().auth.signInWithOtp({ email });
    expect(error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit' });
  });

  it('refuses a wrong code with otp_expired', async () => {
    const { email } = await signedInUser('wrongcode');
    await magicLink(email);
    const { error } = await client().auth.verifyOtp({ email, token: '000000', type: 'magiclink' });
    expect(error).toMatchObject({ status: 403, code: 'otp_expired' });
  });

  it('accepts the hashed token of an admin-generated link and uses it up', async () => {
    const { email, user } = await signedInUser('tokenhash');
    const { hashed_token: tokenHash } = await magicLink(email);
    const first = await client().auth.verifyOtp({ token_hash: tokenHash, type: 'magiclink' });
    expect(first.error).toBeNull();
    expect(first.data.user?.id).toBe(user.id);
    const again = await client().auth.verifyOtp({ token_hash: tokenHash, type: 'magiclink' });
    expect(again.error).toMatchObject({ status: 403, code: 'otp_expired' });
  });

  it.runIf(IS_LOCAL)('refuses a code older than otp_expiry with otp_expired', async () => {
    const { email, user } = await signedInUser('expired');
    const { email_otp: code } = await magicLink(email);
    await superuserSql(`update auth.users set recovery_sent_at = now() - interval '2 hours' where id = $1`, [user.id]);
    const { error } = await client().auth.verifyOtp({ email, token: code, type: 'magiclink' });
    expect(error).toMatchObject({ status: 403, code: 'otp_expired' });
  });
});

describe('GET /verify (the link in emails)', () => {
  it('redirects to the site with an implicit-flow session in the fragment', async () => {
    const { email, user } = await signedInUser('link');
    const properties = await magicLink(email);
    const location = await openLink(properties.action_link);
    expect(location.origin + location.pathname).toBe(new URL(properties.redirect_to).origin + new URL(properties.redirect_to).pathname);
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(fragment.get('token_type')).toBe('bearer');
    expect(fragment.get('type')).toBe('magiclink');
    expect(fragment.has('sb')).toBe(true);
    expect(Number(fragment.get('expires_in'))).toBeGreaterThan(0);
    const supabase = client();
    const { data, error } = await supabase.auth.setSession({
      access_token: fragment.get('access_token')!,
      refresh_token: fragment.get('refresh_token')!,
    });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(user.id);
  });

  it('redirects a used link back with error=access_denied and error_code=otp_expired', async () => {
    const { email } = await signedInUser('usedlink');
    const { action_link: link } = await magicLink(email);
    await openLink(link);
    const fragment = new URLSearchParams((await openLink(link)).hash.slice(1));
    expect(fragment.get('error')).toBe('access_denied');
    expect(fragment.get('error_code')).toBe('otp_expired');
    expect(fragment.get('error_description')).toBeTruthy();
  });

  it.runIf(IS_LOCAL)('honours allow-listed redirect_to values and replaces others with site_url', async () => {
    const { email } = await signedInUser('redirect');
    const allowed = await magicLink(email, 'http://localhost:5173/inbox/42');
    expect(allowed.redirect_to).toBe('http://localhost:5173/inbox/42');
    expect((await openLink(allowed.action_link)).href).toMatch(/^http:\/\/localhost:5173\/inbox\/42#access_token=/);
    await sleep(AFTER_MAX_FREQUENCY_MS);
    const foreign = await magicLink(email, 'https://evil.example/steal');
    expect(foreign.redirect_to).toBe('http://127.0.0.1:5173');
  });
});

describe.runIf(IS_LOCAL)('PKCE flow', () => {
  it('answers the emailed link with ?code= and exchanges it only with the right verifier', async () => {
    const { email, user } = await signedInUser('pkce');
    const supabase = pkceClient();
    const since = new Date();
    expect((await supabase.auth.signInWithOtp({ email })).error).toBeNull();
    const link = linkIn(await waitForEmail(email, { since }), '/auth/v1/verify');
    expect(link).toContain('token=pkce_');
    const code = (await openLink(link)).searchParams.get('code')!;
    expect(code).toBeTruthy();
    const forged = await authFetch('/token?grant_type=pkce', { body: { auth_code: code, code_verifier: 'x'.repeat(50) } });
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ code: 'bad_code_verifier' });
    const { data, error } = await supabase.auth.exchangeCodeForSession(code);
    expect(error).toBeNull();
    expect(data.user?.id).toBe(user.id);
  });

  it('refuses an unknown auth code with flow_state_not_found', async () => {
    const response = await authFetch('/token?grant_type=pkce', {
      body: { auth_code: crypto.randomUUID(), code_verifier: 'y'.repeat(50) },
    });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'flow_state_not_found' });
  });
});
