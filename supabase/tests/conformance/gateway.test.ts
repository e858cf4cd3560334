import { describe, expect, it } from 'vitest';
import { ANON, PUBLISHABLE, SECRET, SUPABASE_URL, client } from '../helpers/env.ts';

const whoami = (headers: Record<string, string>) =>
  fetch(`${SUPABASE_URL}/rest/v1/rpc/whoami`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{}',
  });

describe('gateway: API keys', () => {
  it('refuses a REST call without an apikey with Supabase\'s exact body', async () => {
    const response = await fetch(`${SUPABASE_URL}/rest/v1/rpc/whoami`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      message: 'No API key found in request',
      hint: 'No `apikey` request header or url param was found.',
    });
  });

  it('refuses an unknown apikey', async () => {
    const response = await whoami({ apikey: 'sb_publishable_not-a-real-key' });
    expect(response.status).toBe(401);
    expect((await response.json()).message).toBe('Invalid API key');
  });

  it('accepts the apikey as a query parameter', async () => {
    const response = await fetch(`${SUPABASE_URL}/rest/v1/rpc/whoami?apikey=${ANON}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(200);
  });

  it('treats the publishable key exactly like the anon JWT', async () => {
    const viaPublishable = await client(PUBLISHABLE).rpc('whoami');
    const viaAnon = await client(ANON).rpc('whoami');
    expect(viaPublishable.error).toBeNull();
    expect(viaPublishable.data).toEqual(viaAnon.data);
    expect(viaPublishable.data).toMatchObject({ role: 'anon', uid: null });
  });

  it('translates the secret key to the service role', async () => {
    const { data, error } = await client(SECRET).rpc('whoami');
    expect(error).toBeNull();
    expect(data).toMatchObject({ role: 'service_role' });
  });

  it('replaces an sb_ bearer token by the JWT of the apikey', async () => {
    const response = await whoami({ apikey: PUBLISHABLE, authorization: `Bearer ${SECRET}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ role: 'anon' });
  });
});

describe('gateway: CORS, routing and errors', () => {
  it('answers preflights for every route with the headers supabase-js sends', async () => {
    for (const path of ['/rest/v1/x', '/auth/v1/token', '/storage/v1/object/a/b', '/functions/v1/health']) {
      const response = await fetch(`${SUPABASE_URL}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://127.0.0.1:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, apikey, content-type, x-client-info, x-supabase-api-version',
        },
      });
      expect(response.status, path).toBeLessThan(300);
      expect(response.headers.get('access-control-allow-origin')).toMatch(/^(\*|http:\/\/127\.0\.0\.1:5173)$/);
      expect(response.headers.get('access-control-allow-headers')).toContain('x-supabase-api-version');
      expect(response.headers.get('access-control-allow-methods')).toContain('PATCH');
    }
  });

  it('exposes Content-Range and X-Supabase-Api-Version to browsers', async () => {
    const response = await whoami({ apikey: ANON, origin: 'http://127.0.0.1:5173' });
    const exposed = response.headers.get('access-control-expose-headers') ?? '';
    expect(exposed).toContain('Content-Range');
    expect(exposed).toContain('X-Supabase-Api-Version');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await fetch(`${SUPABASE_URL}/nothing/here`, { headers: { apikey: ANON } });
    expect(response.status).toBe(404);
    expect(await response.json()).toHaveProperty('message');
  });

  it('gives malformed JSON a readable 400 from PostgREST', async () => {
    const response = await fetch(`${SUPABASE_URL}/rest/v1/rpc/whoami`, {
      method: 'POST',
      headers: { apikey: ANON, 'content-type': 'application/json' },
      body: '{"unterminated": ',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe('PGRST102');
  });

  it('refuses forged, expired and alg:none tokens on REST', async () => {
    const forged =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIiwiZXhwIjo0MTAyNDQ0ODAwfQ.' +
      'c2lnbmVkLXdpdGgtdGhlLXdyb25nLXNlY3JldA';
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"role":"service_role","exp":4102444800}').toString('base64url')}.`;
    for (const token of [forged, none]) {
      const response = await whoami({ apikey: ANON, authorization: `Bearer ${token}` });
      expect(response.status).toBe(401);
    }
  });
});
