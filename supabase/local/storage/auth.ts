import type { IncomingMessage } from 'node:http';
import { bearerToken, JwtError, verifyJwt, type Claims } from '../keys.ts';
import { errors } from './errors.ts';

/** Who a request acts as: the verified JWT's role and subject, or nobody. */
export interface Caller {
  authenticated: boolean;
  /** Database role the request's queries run as. */
  role: string;
  /** JWT `sub`: becomes the owner of what the caller creates. */
  sub?: string;
  claims: Claims;
  jwt: string;
}

export const ANONYMOUS: Caller = { authenticated: false, role: 'anon', claims: { role: 'anon' }, jwt: '' };

/** Elevated rights for work Storage does on someone's behalf (signed uploads), like its superuser path. */
export function serviceCaller(owner?: string): Caller {
  const claims: Claims = { role: 'service_role', ...(owner ? { sub: owner } : {}) };
  return { authenticated: true, role: 'service_role', sub: owner, claims, jwt: '' };
}

/**
 * Verifies `Authorization: Bearer <jwt>` (after the gateway's key translation). A bad or missing
 * token is the 403 AccessDenied shape; with `optional`, it makes the request anonymous instead.
 */
export async function authenticate(req: IncomingMessage, optional: boolean): Promise<Caller> {
  const token = bearerToken(req.headers.authorization);
  try {
    const claims = await verifyJwt(token);
    if (typeof claims.role !== 'string' || !claims.role) throw new JwtError('JWT has no role claim', 'invalid');
    const sub = typeof claims.sub === 'string' && claims.sub ? claims.sub : undefined;
    return { authenticated: true, role: claims.role, sub, claims, jwt: token ?? '' };
  } catch (error) {
    if (optional) return ANONYMOUS;
    if (error instanceof JwtError) throw errors.accessDenied(error.message);
    throw error;
  }
}
