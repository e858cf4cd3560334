import { randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from './pool.ts';
import { ZERO_UUID } from './users.ts';

export interface SessionRow {
  id: string;
  user_id: string;
  created_at: string;
  updated_at: string | null;
  factor_id: string | null;
  aal: 'aal1' | 'aal2' | 'aal3' | null;
  not_after: string | null;
  refreshed_at: string | null;
  user_agent: string | null;
  ip: string | null;
}

export interface RefreshTokenRow {
  id: string;
  token: string;
  user_id: string;
  revoked: boolean;
  parent: string | null;
  session_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface AmrClaimRow {
  authentication_method: string;
  updated_at: string;
}

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

/** Opaque refresh token: 12 random bytes, URL-safe. */
const newRefreshToken = () => randomBytes(12).toString('base64url');

export async function insertSession(q: Queryable, userId: string, client: ClientInfo): Promise<SessionRow> {
  const { rows } = await q.query<SessionRow>(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
     values ($1, $2, now(), now(), 'aal1', $3, $4) returning *`,
    [randomUUID(), userId, client.userAgent, client.ip],
  );
  return rows[0];
}

export async function findSession(q: Queryable, id: string, forUpdate = false): Promise<SessionRow | null> {
  const { rows } = await q.query<SessionRow>(
    `select * from auth.sessions where id = $1${forUpdate ? ' for update' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function recordRefresh(q: Queryable, sessionId: string, client: ClientInfo) {
  await q.query(
    "update auth.sessions set refreshed_at = now() at time zone 'utc', updated_at = now(), user_agent = $2, ip = $3 where id = $1",
    [sessionId, client.userAgent, client.ip],
  );
}

export async function raiseSessionToAal2(q: Queryable, sessionId: string, factorId: string) {
  await q.query("update auth.sessions set aal = 'aal2', factor_id = $2, updated_at = now() where id = $1", [
    sessionId,
    factorId,
  ]);
}

export async function insertRefreshToken(
  q: Queryable,
  userId: string,
  sessionId: string,
  parent: string | null,
): Promise<RefreshTokenRow> {
  const { rows } = await q.query<RefreshTokenRow>(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, parent, session_id, created_at, updated_at)
     values ($1, $2, $3, false, $4, $5, now(), now()) returning *`,
    [ZERO_UUID, newRefreshToken(), userId, parent, sessionId],
  );
  return rows[0];
}

export async function findRefreshToken(q: Queryable, token: string, forUpdate = false) {
  const { rows } = await q.query<RefreshTokenRow>(
    `select * from auth.refresh_tokens where token = $1${forUpdate ? ' for update' : ''}`,
    [token],
  );
  return rows[0] ?? null;
}

/** The session's newest unrevoked token. */
export async function findActiveRefreshToken(q: Queryable, sessionId: string) {
  const { rows } = await q.query<RefreshTokenRow>(
    'select * from auth.refresh_tokens where session_id = $1 and revoked = false order by id desc limit 1',
    [sessionId],
  );
  return rows[0] ?? null;
}

/** Revocation time is what the reuse interval is measured from, so updated_at moves too. */
export async function revokeRefreshToken(q: Queryable, id: string) {
  await q.query('update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1', [id]);
}

export async function upsertAmrClaim(q: Queryable, sessionId: string, method: string) {
  await q.query(
    `insert into auth.mfa_amr_claims (id, session_id, created_at, updated_at, authentication_method)
     values ($1, $2, now(), now(), $3)
     on conflict on constraint mfa_amr_claims_session_id_authentication_method_pkey do update set updated_at = now()`,
    [randomUUID(), sessionId, method],
  );
}

export async function listAmrClaims(q: Queryable, sessionId: string): Promise<AmrClaimRow[]> {
  const { rows } = await q.query<AmrClaimRow>(
    'select authentication_method, updated_at from auth.mfa_amr_claims where session_id = $1',
    [sessionId],
  );
  return rows;
}

/** Deletes sessions (their refresh tokens and amr claims cascade). */
export async function deleteSessions(
  q: Queryable,
  scope: { sessionId: string } | { userId: string } | { userId: string; except: string } | { userId: string; belowAal2: true },
) {
  if ('sessionId' in scope) return void (await q.query('delete from auth.sessions where id = $1', [scope.sessionId]));
  if ('except' in scope) {
    return void (await q.query('delete from auth.sessions where user_id = $1 and id <> $2', [scope.userId, scope.except]));
  }
  if ('belowAal2' in scope) {
    return void (await q.query("delete from auth.sessions where user_id = $1 and aal < 'aal2'", [scope.userId]));
  }
  await q.query('delete from auth.sessions where user_id = $1', [scope.userId]);
}
