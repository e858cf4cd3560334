import { randomUUID } from 'node:crypto';
import type { Queryable } from './pool.ts';

export interface FactorRow {
  id: string;
  user_id: string;
  friendly_name: string | null;
  factor_type: 'totp' | 'webauthn' | 'phone';
  status: 'unverified' | 'verified';
  created_at: string;
  updated_at: string;
  secret: string | null;
  phone: string | null;
  last_challenged_at: string | null;
}

export interface ChallengeRow {
  id: string;
  factor_id: string;
  created_at: string;
  verified_at: string | null;
  ip_address: string;
}

export function listFactors(q: Queryable, userIds: string[]): Promise<FactorRow[]> {
  return q
    .query<FactorRow>('select * from auth.mfa_factors where user_id = any($1::uuid[]) order by created_at', [userIds])
    .then((result) => result.rows);
}

export async function findFactor(q: Queryable, userId: string, factorId: string): Promise<FactorRow | null> {
  const { rows } = await q.query<FactorRow>('select * from auth.mfa_factors where id = $1 and user_id = $2', [
    factorId,
    userId,
  ]);
  return rows[0] ?? null;
}

export async function hasVerifiedFactor(q: Queryable, userId: string): Promise<boolean> {
  const { rowCount } = await q.query(
    "select 1 from auth.mfa_factors where user_id = $1 and status = 'verified' limit 1",
    [userId],
  );
  return Boolean(rowCount);
}

/** GoTrue drops unverified factors older than the expiry before counting a user's factors. */
export async function deleteExpiredUnverifiedFactors(q: Queryable, userId: string, expirySeconds: number) {
  await q.query(
    `delete from auth.mfa_factors where user_id = $1 and status = 'unverified'
       and created_at < now() - make_interval(secs => $2)`,
    [userId, expirySeconds],
  );
}

export async function insertTotpFactor(q: Queryable, userId: string, friendlyName: string, secret: string) {
  const { rows } = await q.query<FactorRow>(
    `insert into auth.mfa_factors (id, user_id, friendly_name, factor_type, status, created_at, updated_at, secret)
     values ($1, $2, $3, 'totp', 'unverified', now(), now(), $4) returning *`,
    [randomUUID(), userId, friendlyName, secret],
  );
  return rows[0];
}

export async function markFactorVerified(q: Queryable, factorId: string) {
  await q.query("update auth.mfa_factors set status = 'verified', updated_at = now() where id = $1", [factorId]);
}

/** Deletes a factor and downgrades the sessions it had raised to aal2. */
export async function deleteFactor(q: Queryable, factor: FactorRow) {
  await q.query('delete from auth.mfa_factors where id = $1', [factor.id]);
  await q.query("update auth.sessions set aal = 'aal1', factor_id = null where user_id = $1 and factor_id = $2", [
    factor.user_id,
    factor.id,
  ]);
}

/** After a first successful verify, other unverified factors of the same type are discarded. */
export async function deleteUnverifiedFactors(q: Queryable, userId: string, factorType: string) {
  await q.query("delete from auth.mfa_factors where user_id = $1 and status = 'unverified' and factor_type = $2", [
    userId,
    factorType,
  ]);
}

export async function insertChallenge(q: Queryable, factorId: string, ipAddress: string): Promise<ChallengeRow> {
  const { rows } = await q.query<ChallengeRow>(
    `insert into auth.mfa_challenges (id, factor_id, created_at, ip_address) values ($1, $2, now(), $3)
     returning id, factor_id, created_at, verified_at, host(ip_address) as ip_address`,
    [randomUUID(), factorId, ipAddress],
  );
  await q.query('update auth.mfa_factors set last_challenged_at = now() where id = $1', [factorId]);
  return rows[0];
}

export async function findChallenge(q: Queryable, factorId: string, challengeId: string): Promise<ChallengeRow | null> {
  const { rows } = await q.query<ChallengeRow>(
    `select id, factor_id, created_at, verified_at, host(ip_address) as ip_address from auth.mfa_challenges
     where id = $1 and factor_id = $2`,
    [challengeId, factorId],
  );
  return rows[0] ?? null;
}

export async function deleteChallenge(q: Queryable, challengeId: string) {
  await q.query('delete from auth.mfa_challenges where id = $1', [challengeId]);
}

export async function markChallengeVerified(q: Queryable, challengeId: string) {
  await q.query('update auth.mfa_challenges set verified_at = now() where id = $1', [challengeId]);
}

export async function deleteAllFactors(q: Queryable, userId: string) {
  await q.query('delete from auth.mfa_factors where user_id = $1', [userId]);
}
