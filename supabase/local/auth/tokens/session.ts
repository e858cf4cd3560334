import type { AuthContext } from '../context.ts';
import type { Queryable } from '../db/pool.ts';
import {
  insertRefreshToken,
  insertSession,
  upsertAmrClaim,
  type ClientInfo,
  type SessionRow,
} from '../db/sessions.ts';
import { updateUser, type JsonObject, type UserRow } from '../db/users.ts';
import { loadUserJson } from '../user-json.ts';
import { signAccessToken } from './access-token.ts';

const AUTH_METHODS = [
  'password',
  'otp',
  'magiclink',
  'email/signup',
  'recovery',
  'invite',
  'email_change',
  'anonymous',
  'totp',
  'token_refresh',
] as const;

/** Authentication methods as GoTrue names them in `amr` and hook input. */
export type AuthMethod = (typeof AUTH_METHODS)[number];

export function isAuthMethod(value: string): value is AuthMethod {
  return (AUTH_METHODS as readonly string[]).includes(value);
}

/** The session body of /token, /signup, /verify and MFA verify (protocols §5.2). */
export async function sessionResponse(
  tx: Queryable,
  ctx: AuthContext,
  user: UserRow,
  session: SessionRow,
  refreshToken: string,
  method: AuthMethod,
): Promise<JsonObject> {
  const access = await signAccessToken(tx, ctx, user, session, method);
  return {
    access_token: access.token,
    token_type: 'bearer',
    expires_in: access.expiresIn,
    expires_at: access.expiresAt,
    refresh_token: refreshToken,
    user: await loadUserJson(tx, user),
  };
}

/**
 * Signs a user in: a new auth.sessions row (its id becomes the `session_id` claim), the first
 * refresh token of its family, the amr claim, and `last_sign_in_at`. Call inside a transaction.
 */
export async function startSession(
  tx: Queryable,
  ctx: AuthContext,
  user: UserRow,
  method: AuthMethod,
  client: ClientInfo,
): Promise<JsonObject> {
  const session = await insertSession(tx, user.id, client);
  const refreshToken = await insertRefreshToken(tx, user.id, session.id, null);
  await upsertAmrClaim(tx, session.id, method);
  const signedIn = await updateUser(tx, user.id, { last_sign_in_at: new Date().toISOString() });
  return sessionResponse(tx, ctx, signedIn, session, refreshToken.token, method);
}
