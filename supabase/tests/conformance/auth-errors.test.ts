import { describe, expect, it } from 'vitest';
import { INTERNAL_PORTS } from '../../local/config.ts';
import { JWT_SECRET } from '../../local/keys.ts';
import { admin, ANON, IS_LOCAL, PASSWORD, SERVICE, signedInUser, uniqueEmail } from '../helpers/env.ts';
import { authFetch, signWith, unsignedToken } from './auth-helpers.ts';

const now = () => Math.floor(Date.now() / 1000);

function userClaims(sub: string, extra: Record<string, unknown> = {}) {
  return { sub, aud: 'authenticated', role: 'authenticated', iat: now(), exp: now() + 600, ...extra };
}

describe('bearer tokens on user routes', () => {
  it('answers a request without a bearer token with 401 no_authorization', async () => {
    // The gateway turns a missing Authorization into the apikey's bearer, so send a non-bearer one.
    const response = await authFetch('/user', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'no_authorization' });
  });

  it('refuses a token signed with another secret (bad_jwt)', async () => {
    const { user } = await signedInUser('forged');
    const forged = await signWith('not-the-stack-secret-but-32-characters-long!', userClaims(user.id));
    const response = await authFetch('/user', { token: forged });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'bad_jwt' });
  });

  it('refuses an unsigned alg:none token (bad_jwt)', async () => {
    const { user } = await signedInUser('algnone');
    const response = await authFetch('/user', { token: unsignedToken(userClaims(user.id)) });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'bad_jwt' });
  });

  it('refuses garbage in place of a token (bad_jwt)', async () => {
    const response = await authFetch('/user', { token: 'not.a.jwt' });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'bad_jwt' });
  });

  it.runIf(IS_LOCAL)('refuses an expired token (bad_jwt)', async () => {
    const { user } = await signedInUser('expiredjwt');
    const expired = await signWith(JWT_SECRET, userClaims(user.id, { iat: now() - 7200, exp: now() - 3600 }));
    const response = await authFetch('/user', { token: expired });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'bad_jwt', message: expect.stringContaining('expired') });
  });

  it.runIf(IS_LOCAL)('answers a valid token for a user that does not exist with user_not_found', async () => {
    const token = await signWith(JWT_SECRET, userClaims(crypto.randomUUID()));
    const response = await authFetch('/user', { token });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'user_not_found' });
  });

  it('treats the anon key (no sub) as an unusable user token', async () => {
    const response = await authFetch('/user', { token: ANON });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'bad_jwt' });
  });
});

describe('error formats', () => {
  const badLogin = { body: { email: 'nobody@example.test', password: 'whatever-123' } };

  it('uses {code, message} and echoes X-Supabase-Api-Version for dated requests', async () => {
    const response = await authFetch('/token?grant_type=password', badLogin);
    expect(response.status).toBe(400);
    expect(response.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(response.headers.get('x-sb-error-code')).toBe('invalid_credentials');
    expect(response.body).toEqual({ code: 'invalid_credentials', message: 'Invalid login credentials' });
  });

  it('uses the legacy {code, error_code, msg} body without the version header', async () => {
    const response = await authFetch('/token?grant_type=password', { ...badLogin, apiVersion: null });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-sb-error-code')).toBe('invalid_credentials');
    expect(response.body).toMatchObject({ code: 400, error_code: 'invalid_credentials', msg: 'Invalid login credentials' });
  });

  it('carries weak_password reasons in both formats', async () => {
    for (const apiVersion of ['2024-01-01', null]) {
      const response = await authFetch('/signup', { apiVersion, body: { email: uniqueEmail('weakfmt'), password: 'a' } });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ weak_password: { reasons: expect.arrayContaining(['length']) } });
    }
  });
});

describe('malformed input', () => {
  const routes: [string, string][] = [
    ['POST', '/signup'],
    ['POST', '/token?grant_type=password'],
    ['POST', '/otp'],
    ['POST', '/verify'],
    ['POST', '/recover'],
  ];

  it.each(routes)('%s %s answers malformed JSON with 400 bad_json', async (method, path) => {
    const response = await authFetch(path, { method, rawBody: '{"email": "broken' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'bad_json' });
  });

  it.each(routes)('%s %s answers a JSON array or wrongly typed fields with 400 bad_json', async (method, path) => {
    for (const rawBody of ['[1, 2]', '{"email": 42, "password": true}', '"just a string"']) {
      const response = await authFetch(path, { method, rawBody });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'bad_json' });
    }
  });

  it('rejects malformed JSON on PUT /user and admin routes too', async () => {
    const { session } = await signedInUser('badjson');
    const update = await authFetch('/user', { method: 'PUT', token: session!.access_token, rawBody: '{' });
    expect(update.body).toMatchObject({ code: 'bad_json' });
    const create = await authFetch('/admin/users', { token: SERVICE, rawBody: 'null' });
    expect(create.body).toMatchObject({ code: 'bad_json' });
  });

  it('ignores unknown fields (clients send gotrue_meta_security and more)', async () => {
    const { email } = await signedInUser('extras');
    const response = await authFetch('/token?grant_type=password', {
      body: { email, password: PASSWORD, gotrue_meta_security: { captcha_token: null }, unexpected: [1, 2, 3] },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ token_type: 'bearer' });
  });

  it('refuses malformed email addresses, including header-injection attempts (validation_failed)', async () => {
    for (const email of ['not-an-email', 'a@b.c\r\nBcc: victim@example.test', `${'x'.repeat(250)}@example.test`]) {
      const response = await authFetch('/otp', { body: { email } });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed' });
    }
  });

  it('refuses verify requests without a type, or with both token and token_hash', async () => {
    for (const body of [{ token_hash: 'abc' }, { type: 'email', token: '123456', token_hash: 'abc', email: 'a@b.test' }]) {
      const response = await authFetch('/verify', { body });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed' });
    }
  });

  it('refuses a PKCE challenge that is too short (validation_failed)', async () => {
    const response = await authFetch('/otp', {
      body: { email: uniqueEmail('pkce'), code_challenge: 'short', code_challenge_method: 's256' },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation_failed' });
  });

  it('refuses an unsupported grant_type', async () => {
    const response = await authFetch('/token?grant_type=client_credentials', { body: {} });
    expect(response.status).toBe(400);
  });

  it.runIf(IS_LOCAL)('refuses bodies over 1 MiB with 413 request_entity_too_large', async () => {
    const response = await fetch(`http://127.0.0.1:${INTERNAL_PORTS.auth}/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-supabase-api-version': '2024-01-01' },
      body: JSON.stringify({ email: uniqueEmail('huge'), password: PASSWORD, data: { blob: 'x'.repeat(1_100_000) } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'request_entity_too_large' });
  });

  it('stores hostile metadata verbatim and leaves the user intact after refused updates', async () => {
    const { supabase, session } = await signedInUser('hostile');
    const hostile = { name: "Robert'); drop table auth.users; --", html: '<img src=x onerror=alert(1)>' };
    expect((await supabase.auth.updateUser({ data: hostile })).error).toBeNull();
    await authFetch('/user', { method: 'PUT', token: session!.access_token, rawBody: '{"data": {"name": ' });
    await authFetch('/user', { method: 'PUT', token: session!.access_token, body: { data: 'not-an-object' } });
    const { data } = await admin().auth.admin.getUserById(session!.user.id);
    expect(data.user?.user_metadata).toMatchObject(hostile);
  });
});
