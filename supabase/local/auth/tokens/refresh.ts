import type { AuthContext } from '../context.ts';
import { audit } from '../db/audit.ts';
import { transaction, type Queryable } from '../db/pool.ts';
import {
  deleteSessions,
  findActiveRefreshToken,
  findRefreshToken,
  findSession,
  insertRefreshToken,
  recordRefresh,
  revokeRefreshToken,
  type ClientInfo,
  type RefreshTokenRow,
  type SessionRow,
} from '../db/sessions.ts';
import { findUserById, isBanned, updateUser, type JsonObject } from '../db/users.ts';
import { badRequest, OAuthError } from '../http/errors.ts';
import type { AuthSettings } from '../settings.ts';
import { sessionResponse } from './session.ts';

const invalid = (code: string, reason: string) => badRequest(code, `Invalid Refresh Token: ${reason}`);

/** When the session was last active: its refresh time, else the token's, else its creation. */
function lastActiveAt(session: SessionRow, token: RefreshTokenRow): number {
  if (session.refreshed_at) return Date.parse(session.refreshed_at);
  return Math.max(Date.parse(session.created_at), Date.parse(token.updated_at));
}

/** `[auth.sessions]` timebox and inactivity_timeout (GoTrue's Session.CheckValidity). */
function assertSessionAlive(settings: AuthSettings, session: SessionRow, token: RefreshTokenRow, now: number) {
  const { timeboxSeconds, inactivityTimeoutSeconds } = settings.sessions;
  if (timeboxSeconds && now > Date.parse(session.created_at) + timeboxSeconds * 1000) {
    throw invalid('session_expired', 'Session Expired');
  }
  if (inactivityTimeoutSeconds && now > lastActiveAt(session, token) + inactivityTimeoutSeconds * 1000) {
    throw invalid('session_expired', 'Session Expired (Inactivity)');
  }
}

type Rotation = { reused: true } | { reused: false; refreshToken: string };

/**
 * Rotation rules of protocols §5.3, with the session row locked so concurrent refreshes of one
 * session run one after the other (the second caller then receives the first one's child).
 */
async function rotate(tx: Queryable, ctx: AuthContext, token: RefreshTokenRow, session: SessionRow): Promise<Rotation> {
  if (token.revoked) {
    const active = await findActiveRefreshToken(tx, session.id);
    if (active && active.parent === token.token) return { reused: false, refreshToken: active.token };
    const reusableUntil = Date.parse(token.updated_at) + ctx.settings.refreshTokenReuseInterval * 1000;
    if (Date.now() > reusableUntil) {
      // A token replayed after the grace interval means it leaked: end the whole family (the session).
      if (ctx.settings.enableRefreshTokenRotation) await deleteSessions(tx, { sessionId: session.id });
      return { reused: true };
    }
  }
  await revokeRefreshToken(tx, token.id);
  const child = await insertRefreshToken(tx, token.user_id, session.id, token.token);
  return { reused: false, refreshToken: child.token };
}

/** POST /token?grant_type=refresh_token. */
export async function refreshSession(ctx: AuthContext, presented: string, client: ClientInfo): Promise<JsonObject> {
  if (!presented) throw new OAuthError('invalid_request', 'refresh_token required');
  const outcome = await transaction(ctx.pool, async (tx) => {
    const found = await findRefreshToken(tx, presented);
    const user = found ? await findUserById(tx, found.user_id) : null;
    if (!found || !user) throw invalid('refresh_token_not_found', 'Refresh Token Not Found');
    if (isBanned(user)) throw invalid('user_banned', 'User Banned');
    const session = found.session_id ? await findSession(tx, found.session_id, true) : null;
    const token = session ? await findRefreshToken(tx, presented, true) : null;
    if (!session || !token) throw invalid('session_not_found', 'No Valid Session Found');
    assertSessionAlive(ctx.settings, session, token, Date.now());
    const rotation = await rotate(tx, ctx, token, session);
    if (rotation.reused) return null;
    await audit(tx, user, 'token_refreshed', client.ip);
    await recordRefresh(tx, session.id, client);
    const current = await updateUser(tx, user.id, { last_sign_in_at: new Date().toISOString() });
    return sessionResponse(tx, ctx, current, session, rotation.refreshToken, 'token_refresh');
  });
  if (!outcome) throw invalid('refresh_token_already_used', 'Already Used');
  return outcome;
}
