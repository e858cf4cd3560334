import type { Context, MiddlewareHandler } from 'hono';
import { bearerToken, verifyJwt, type Claims } from '../../keys.ts';
import type { AuthContext } from '../context.ts';
import { findSession, type SessionRow } from '../db/sessions.ts';
import { findUserById, isBanned, ZERO_UUID, type UserRow } from '../db/users.ts';
import { badRequest, forbidden, unauthorized } from './errors.ts';

/** The authenticated caller of a user route. */
export interface Principal {
  claims: Claims;
  user: UserRow;
  /** Null only for tokens without a `session_id` claim. */
  session: SessionRow | null;
}

/** The caller of an admin route (a service_role key). */
export interface AdminActor {
  id: string;
  email: string;
}

export type AuthEnv = { Variables: { principal: Principal; admin: AdminActor } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Bearer token → verified claims; 401 no_authorization when absent, 403 bad_jwt when unusable. */
async function verifiedClaims(c: Context): Promise<Claims> {
  const token = bearerToken(c.req.header('authorization'));
  if (!token) throw unauthorized('no_authorization', 'This endpoint requires a valid Bearer token');
  try {
    return await verifyJwt(token);
  } catch (error) {
    throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${(error as Error).message}`);
  }
}

async function loadPrincipal(ctx: AuthContext, claims: Claims): Promise<Principal> {
  if (!claims.sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim');
  if (!isUuid(claims.sub)) throw badRequest('bad_jwt', 'invalid claim: sub claim must be a UUID');
  const user = await findUserById(ctx.pool, claims.sub);
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist');
  let session: SessionRow | null = null;
  const sessionId = claims.session_id;
  if (sessionId && sessionId !== ZERO_UUID) {
    if (!isUuid(sessionId)) throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID');
    session = await findSession(ctx.pool, sessionId);
    if (!session) throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist');
  }
  if (isBanned(user)) throw forbidden('user_banned', 'User is banned');
  return { claims, user, session };
}

/** User routes: a valid user JWT whose user and session still exist. */
export function requireUser(ctx: AuthContext): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    c.set('principal', await loadPrincipal(ctx, await verifiedClaims(c)));
    await next();
  };
}

/** Admin routes (`/admin/*`, `/invite`): the JWT's role must be an admin role. */
export function requireAdmin(ctx: AuthContext): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const claims = await verifiedClaims(c);
    const role = typeof claims.role === 'string' ? claims.role : '';
    if (!ctx.settings.adminRoles.includes(role)) throw forbidden('not_admin', 'User not allowed');
    c.set('admin', { id: ZERO_UUID, email: role });
    await next();
  };
}

/** Anonymous users may not manage MFA factors. */
export function requireNotAnonymous(): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (c.get('principal').claims.is_anonymous === true) {
      throw forbidden('no_authorization', 'Anonymous user not allowed to perform these actions');
    }
    await next();
  };
}
