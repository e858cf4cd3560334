import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { INTERNAL_PORTS } from '../../local/config.ts';
import { signJwt } from '../../local/keys.ts';
import { ANON, IS_LOCAL, SERVICE, SUPABASE_URL } from '../helpers/env.ts';

/**
 * `verify_jwt = true` (the default) is enforced before the function runs. Status codes hold
 * everywhere; the exact bodies are those of `supabase functions serve` (§8.2), checked locally.
 */
const whoami = (headers: Record<string, string> = {}, method = 'POST') =>
  fetch(`${SUPABASE_URL}/functions/v1/whoami`, { method, headers });

async function expectRejected(response: Response, localBody: { msg: string }) {
  expect(response.status).toBe(401);
  if (IS_LOCAL) expect(await response.json()).toEqual(localBody);
}

const forge = (secret: string, claims: Record<string, unknown>) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));

describe('verify_jwt', () => {
  it('rejects a call without an Authorization header', async () => {
    await expectRejected(await whoami(), { msg: 'Error: Missing authorization header' });
  });

  it('rejects an Authorization header that is not a Bearer token', async () => {
    await expectRejected(await whoami({ Authorization: `Basic ${btoa('user:pass')}` }), {
      msg: "Error: Auth header is not 'Bearer {token}'",
    });
  });

  it('rejects a token signed with another secret', async () => {
    const forged = await forge('not-the-project-secret-but-long-enough-to-sign', { role: 'service_role', exp: 4102444800 });
    await expectRejected(await whoami({ Authorization: `Bearer ${forged}` }), { msg: 'Invalid JWT' });
  });

  it('rejects an unsigned (alg: none) token and garbage', async () => {
    const unsigned = `${btoa('{"alg":"none","typ":"JWT"}')}.${btoa('{"role":"service_role"}')}.`.replaceAll('=', '');
    await expectRejected(await whoami({ Authorization: `Bearer ${unsigned}` }), { msg: 'Invalid JWT' });
    await expectRejected(await whoami({ Authorization: 'Bearer not-a-jwt' }), { msg: 'Invalid JWT' });
  });

  it.skipIf(!IS_LOCAL)('rejects an expired token signed with the project secret', async () => {
    const expired = await signJwt({ role: 'authenticated', sub: crypto.randomUUID(), exp: Math.floor(Date.now() / 1000) - 60 });
    await expectRejected(await whoami({ Authorization: `Bearer ${expired}` }), { msg: 'Invalid JWT' });
  });

  it('accepts the anon and service_role keys as Bearer tokens', async () => {
    for (const key of [ANON, SERVICE]) {
      const response = await whoami({ Authorization: `Bearer ${key}` });
      expect(response.status).toBe(200);
      await response.body?.cancel();
    }
  });

  it.skipIf(!IS_LOCAL)('lets CORS preflights through to the function unchecked', async () => {
    const response = await fetch(`http://127.0.0.1:${INTERNAL_PORTS.functions}/whoami`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });
});
