import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../local/config.ts';
import { ANON, IS_LOCAL, uniqueEmail } from '../helpers/env.ts';
import { authFetch, freshIp, privateAuthService, type RawRequest } from './auth-helpers.ts';

/**
 * `[auth.rate_limit]` per client IP (the first X-Forwarded-For entry). Every spec uses its own
 * made-up address so the rest of the suite, all coming from 127.0.0.1, is never throttled.
 */
const limits = loadConfig().auth.rateLimit;

/** Sends `count` identical requests in parallel batches and returns their statuses. */
async function burst(path: string, request: RawRequest, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let sent = 0; sent < count; sent += 50) {
    const batch = Array.from({ length: Math.min(50, count - sent) }, () => authFetch(path, request));
    statuses.push(...(await Promise.all(batch)).map((response) => response.status));
  }
  return statuses;
}

/**
 * The first `limit` requests pass with `okStatus`; going on, 429s appear. The bucket refills while
 * the burst runs (limit per window), so a few extra requests may pass on a slow machine.
 */
async function expectLimitedAfter(path: string, request: RawRequest, limit: number, okStatus: number) {
  const statuses = await burst(path, request, limit + 20);
  expect(statuses.slice(0, limit).every((status) => status === okStatus)).toBe(true);
  expect(statuses.slice(limit)).toContain(429);
}

describe.runIf(IS_LOCAL)('request rate limits per IP', () => {
  it('allows sign_in_sign_ups requests per 5 minutes, then answers 429 over_request_rate_limit', async () => {
    const ip = freshIp();
    await expectLimitedAfter('/otp', { ip, body: {} }, limits.signInSignUps, 400);
    const limited = await authFetch('/otp', { ip, body: {} });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'over_request_rate_limit' });
    expect((await authFetch('/otp', { ip: freshIp(), body: {} })).status).toBe(400);
  });

  it('counts password sign-ins against sign_in_sign_ups too', async () => {
    const ip = freshIp();
    const login = { ip, body: { email: 'nobody@example.test', password: 'whatever-123' } };
    await burst('/otp', { ip, body: {} }, limits.signInSignUps + 20);
    const limited = await authFetch('/token?grant_type=password', login);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'over_request_rate_limit' });
  });

  it('limits refresh-token grants to token_refresh per 5 minutes', async () => {
    const ip = freshIp();
    const request = { ip, body: { refresh_token: 'unknown-token' } };
    await expectLimitedAfter('/token?grant_type=refresh_token', request, limits.tokenRefresh, 400);
    const limited = await authFetch('/token?grant_type=refresh_token', request);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'over_request_rate_limit' });
  });

  it('limits verifications to token_verifications per 5 minutes', async () => {
    const ip = freshIp();
    const request = { ip, body: { type: 'magiclink', token_hash: 'unknown' } };
    await expectLimitedAfter('/verify', request, limits.tokenVerifications, 403);
  });
});

describe.runIf(IS_LOCAL)('hourly limits (a private Auth service with small limits)', () => {
  let service: Awaited<ReturnType<typeof privateAuthService>>;

  beforeAll(async () => {
    service = await privateAuthService((config) => ({
      ...config,
      auth: { ...config.auth, rateLimit: { ...config.auth.rateLimit, anonymousUsers: 2, emailSent: 1 } },
    }));
  });
  afterAll(() => service.stop());

  const post = (path: string, ip: string, body: unknown) =>
    fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { apikey: ANON, 'content-type': 'application/json', 'x-forwarded-for': ip, 'x-supabase-api-version': '2024-01-01' },
      body: JSON.stringify(body),
    });

  it('allows anonymous_users sign-ins per hour per IP', async () => {
    const ip = freshIp();
    expect((await post('/signup', ip, {})).status).toBe(200);
    expect((await post('/signup', ip, {})).status).toBe(200);
    const limited = await post('/signup', ip, {});
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: 'over_request_rate_limit' });
  });

  it('allows email_sent emails per hour, then answers 429 over_email_send_rate_limit', async () => {
    const ip = freshIp();
    expect((await post('/otp', ip, { email: uniqueEmail('mail1') })).status).toBe(200);
    const limited = await post('/otp', ip, { email: uniqueEmail('mail2') });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: 'over_email_send_rate_limit' });
  });
});
