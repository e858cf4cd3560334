import { describe, expect, it } from 'vitest';
import { client, IS_LOCAL, PASSWORD, signedInUser } from '../helpers/env.ts';
import { authFetch, claimsOf, directAuthClient, privateAuthService, sleep, userLookup } from './auth-helpers.ts';

/** GoTrue's default refresh_token_reuse_interval (config.toml keeps it). */
const REUSE_INTERVAL_MS = 10_000;

async function refresh(refreshToken: string) {
  return client().auth.refreshSession({ refresh_token: refreshToken });
}

async function secondSession(email: string) {
  const supabase = client();
  const { data, error } = await supabase.auth.signInWithPassword({ email, password: PASSWORD });
  if (error) throw error;
  return { supabase, session: data.session };
}

describe('refresh token rotation', () => {
  it('issues a new access and refresh token for the same session', async () => {
    const { session } = await signedInUser('rotate');
    const { data, error } = await refresh(session!.refresh_token);
    expect(error).toBeNull();
    expect(data.session!.refresh_token).not.toBe(session!.refresh_token);
    expect(claimsOf(data.session!.access_token).session_id).toBe(claimsOf(session!.access_token).session_id);
    expect(claimsOf(data.session!.access_token).amr).toEqual(claimsOf(session!.access_token).amr);
  });

  it('answers a retried refresh (the parent of the current token) with the current token again', async () => {
    const { session } = await signedInUser('retry');
    const first = await refresh(session!.refresh_token);
    const retried = await refresh(session!.refresh_token);
    expect(retried.error).toBeNull();
    expect(retried.data.session!.refresh_token).toBe(first.data.session!.refresh_token);
  });

  it('allows an older revoked token inside the reuse interval', async () => {
    const { session } = await signedInUser('grace');
    const first = await refresh(session!.refresh_token);
    await refresh(first.data.session!.refresh_token);
    const reused = await refresh(session!.refresh_token);
    expect(reused.error).toBeNull();
    expect(reused.data.session).not.toBeNull();
  });

  it('serialises concurrent refreshes of one token: both callers receive the same child', async () => {
    const { session } = await signedInUser('concurrent');
    const results = await Promise.all([refresh(session!.refresh_token), refresh(session!.refresh_token)]);
    for (const result of results) expect(result.error).toBeNull();
    expect(results[0].data.session!.refresh_token).toBe(results[1].data.session!.refresh_token);
  });

  it('refuses an unknown refresh token with refresh_token_not_found', async () => {
    const { error } = await refresh('no-such-refresh-token');
    expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
  });

  it('answers a missing refresh token with an OAuth invalid_request error', async () => {
    const response = await authFetch('/token?grant_type=refresh_token', { body: {} });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'invalid_request', error_description: 'refresh_token required' });
  });

  it(
    'ends the session when a refresh token is replayed after the reuse interval (refresh_token_already_used)',
    async () => {
      const { session } = await signedInUser('replay');
      const first = await refresh(session!.refresh_token);
      const second = await refresh(first.data.session!.refresh_token);
      await sleep(REUSE_INTERVAL_MS + 1500);
      const replay = await refresh(session!.refresh_token);
      expect(replay.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
      expect(await userLookup(second.data.session!.access_token)).toEqual({ status: 403, code: 'session_not_found' });
      const latest = await refresh(second.data.session!.refresh_token);
      expect(latest.error?.status).toBe(400);
    },
    REUSE_INTERVAL_MS + 15_000,
  );
});

describe('sign-out scopes', () => {
  it('local ends only the current session', async () => {
    const { supabase, email, session } = await signedInUser('local');
    const other = await secondSession(email);
    expect((await supabase.auth.signOut({ scope: 'local' })).error).toBeNull();
    expect(await userLookup(session!.access_token)).toEqual({ status: 403, code: 'session_not_found' });
    expect((await userLookup(other.session!.access_token)).status).toBe(200);
  });

  it('others ends every session but the current one', async () => {
    const { supabase, email, session } = await signedInUser('others');
    const other = await secondSession(email);
    expect((await supabase.auth.signOut({ scope: 'others' })).error).toBeNull();
    expect((await userLookup(session!.access_token)).status).toBe(200);
    expect(await userLookup(other.session!.access_token)).toEqual({ status: 403, code: 'session_not_found' });
  });

  it('global (the default) ends every session and their refresh tokens', async () => {
    const { supabase, email, session } = await signedInUser('global');
    const other = await secondSession(email);
    expect((await supabase.auth.signOut()).error).toBeNull();
    for (const token of [session!.access_token, other.session!.access_token]) {
      expect(await userLookup(token)).toEqual({ status: 403, code: 'session_not_found' });
    }
    const { error } = await refresh(other.session!.refresh_token);
    expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
  });

  it('drops the client session when getUser learns the session is gone', async () => {
    const { supabase, email } = await signedInUser('dropped');
    const other = await secondSession(email);
    await other.supabase.auth.signOut({ scope: 'global' });
    const { error } = await supabase.auth.getUser();
    expect(error?.name).toBe('AuthSessionMissingError');
  });

  it('refuses an unknown scope with validation_failed', async () => {
    const { session } = await signedInUser('scope');
    const response = await authFetch('/logout?scope=everyone', { method: 'POST', token: session!.access_token });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation_failed' });
  });
});

describe.runIf(IS_LOCAL)('[auth.sessions] limits', () => {
  it('refuses to refresh a session older than the timebox with session_expired', async () => {
    const service = await privateAuthService((config) => ({
      ...config,
      auth: { ...config.auth, sessions: { timeboxSeconds: 1, inactivityTimeoutSeconds: 0 } },
    }));
    try {
      const { email } = await signedInUser('timebox');
      const auth = directAuthClient(service.url);
      const { data } = await auth.signInWithPassword({ email, password: PASSWORD });
      await sleep(1500);
      const { error } = await auth.refreshSession({ refresh_token: data.session!.refresh_token });
      expect(error).toMatchObject({ status: 400, code: 'session_expired' });
    } finally {
      await service.stop();
    }
  });

  it('refuses to refresh a session idle for longer than inactivity_timeout with session_expired', async () => {
    const service = await privateAuthService((config) => ({
      ...config,
      auth: { ...config.auth, sessions: { timeboxSeconds: 0, inactivityTimeoutSeconds: 1 } },
    }));
    try {
      const { email } = await signedInUser('idle');
      const auth = directAuthClient(service.url);
      const { data } = await auth.signInWithPassword({ email, password: PASSWORD });
      const active = await auth.refreshSession({ refresh_token: data.session!.refresh_token });
      expect(active.error).toBeNull();
      await sleep(1500);
      const { error } = await auth.refreshSession({ refresh_token: active.data.session!.refresh_token });
      expect(error).toMatchObject({ status: 400, code: 'session_expired', message: expect.stringContaining('Inactivity') });
    } finally {
      await service.stop();
    }
  });
});
