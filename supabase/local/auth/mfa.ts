import type { AuthContext } from './context.ts';
import { audit } from './db/audit.ts';
import {
  deleteChallenge,
  deleteExpiredUnverifiedFactors,
  deleteUnverifiedFactors,
  listFactors,
  markChallengeVerified,
  markFactorVerified,
  type ChallengeRow,
  type FactorRow,
} from './db/factors.ts';
import type { Queryable } from './db/pool.ts';
import {
  deleteSessions,
  findActiveRefreshToken,
  findSession,
  insertRefreshToken,
  raiseSessionToAal2,
  revokeRefreshToken,
  upsertAmrClaim,
  type SessionRow,
} from './db/sessions.ts';
import type { UserRow } from './db/users.ts';
import { forbidden, internalError, unprocessable } from './http/errors.ts';
import { sessionResponse } from './tokens/session.ts';

/** GoTrue's validateFactors: name clash, factor limits, and aal2 once a factor is verified. */
export async function assertCanEnroll(q: Queryable, ctx: AuthContext, user: UserRow, session: SessionRow, name: string) {
  const { mfa } = ctx.settings;
  await deleteExpiredUnverifiedFactors(q, user.id, mfa.unverifiedFactorExpirySeconds);
  const factors = await listFactors(q, [user.id]);
  if (factors.some((factor) => (factor.friendly_name ?? '') === name)) {
    throw unprocessable('mfa_factor_name_conflict', `A factor with the friendly name "${name}" for this user already exists`);
  }
  const verified = factors.filter((factor) => factor.status === 'verified').length;
  if (factors.length >= mfa.maxEnrolledFactors || verified >= mfa.maxVerifiedFactors) {
    throw unprocessable('too_many_enrolled_mfa_factors', 'Maximum number of verified factors reached, unenroll to continue');
  }
  if (verified > 0 && session.aal !== 'aal2') throw forbidden('insufficient_aal', 'AAL2 required to enroll a new factor');
}

/** Challenge checks before the code itself (GoTrue's validateChallenge); expired ones are deleted. */
export async function usableChallenge(q: Queryable, ctx: AuthContext, challenge: ChallengeRow | null, ip: string) {
  if (!challenge) throw unprocessable('mfa_factor_not_found', 'MFA factor with the provided challenge ID not found');
  if (challenge.verified_at || challenge.ip_address !== ip) {
    throw unprocessable('mfa_ip_address_mismatch', 'Challenge and verify IP addresses mismatch.');
  }
  if (Date.parse(challenge.created_at) + ctx.settings.mfa.challengeExpirySeconds * 1000 < Date.now()) {
    await deleteChallenge(q, challenge.id);
    throw unprocessable(
      'mfa_challenge_expired',
      `MFA challenge ${challenge.id} has expired, verify against another challenge or create a new challenge.`,
    );
  }
  return challenge;
}

/** A new refresh token for the session, so the aal1 token cannot mint aal2 access tokens. */
async function rotateForMfa(q: Queryable, user: UserRow, session: SessionRow): Promise<string> {
  const current = await findActiveRefreshToken(q, session.id);
  if (current) await revokeRefreshToken(q, current.id);
  return (await insertRefreshToken(q, user.id, session.id, current?.token ?? null)).token;
}

/**
 * A correct TOTP code: the factor becomes verified, the session aal2 with amr `totp`, other aal1
 * sessions of the user end, and a new session body is returned.
 */
export async function completeTotpVerification(
  q: Queryable,
  ctx: AuthContext,
  user: UserRow,
  sessionId: string,
  factor: FactorRow,
  challenge: ChallengeRow,
  ip: string,
) {
  await audit(q, user, 'verification_attempted', ip, { factor_id: factor.id, challenge_id: challenge.id, factor_type: 'totp' });
  await markChallengeVerified(q, challenge.id);
  if (factor.status !== 'verified') await markFactorVerified(q, factor.id);
  await upsertAmrClaim(q, sessionId, 'totp');
  const session = await findSession(q, sessionId, true);
  if (!session) throw internalError('Session vanished during MFA verification');
  const refreshToken = await rotateForMfa(q, user, session);
  await raiseSessionToAal2(q, session.id, factor.id);
  await deleteSessions(q, { userId: user.id, belowAal2: true });
  await deleteUnverifiedFactors(q, user.id, 'totp');
  return sessionResponse(q, ctx, user, { ...session, aal: 'aal2' }, refreshToken, 'totp');
}
