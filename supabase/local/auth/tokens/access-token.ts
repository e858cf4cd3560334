import { signJwt, type Claims } from '../../keys.ts';
import type { AuthContext } from '../context.ts';
import type { Queryable } from '../db/pool.ts';
import { listAmrClaims, type AmrClaimRow, type SessionRow } from '../db/sessions.ts';
import type { UserRow } from '../db/users.ts';
import { runAccessTokenHook } from './access-token-hook.ts';

/** Methods whose presence in a session's claims makes it aal2. */
const SECOND_FACTOR_METHODS = new Set(['totp', 'mfa/phone', 'mfa/webauthn']);

export interface SignedAccessToken {
  token: string;
  expiresAt: number;
  expiresIn: number;
}

/** aal and amr of a session, newest method first (GoTrue's CalculateAALAndAMR). */
export function assuranceOf(claims: AmrClaimRow[]) {
  const aal = claims.some((claim) => SECOND_FACTOR_METHODS.has(claim.authentication_method)) ? 'aal2' : 'aal1';
  const amr = claims
    .map((claim) => ({ method: claim.authentication_method, timestamp: Math.floor(Date.parse(claim.updated_at) / 1000) }))
    .sort((a, b) => b.timestamp - a.timestamp);
  return { aal, amr };
}

/**
 * Signs an access token for a session (protocols §1.2), passing it through the custom access
 * token hook when one is configured. `method` is the authentication method the hook is told about.
 */
export async function signAccessToken(
  tx: Queryable,
  ctx: AuthContext,
  user: UserRow,
  session: SessionRow,
  method: string,
): Promise<SignedAccessToken> {
  const { settings } = ctx;
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = issuedAt + settings.jwtExpiry;
  const { aal, amr } = assuranceOf(await listAmrClaims(tx, session.id));
  let claims: Claims = {
    aud: user.aud ?? settings.audience,
    exp: expiresAt,
    iat: issuedAt,
    iss: settings.externalUrl,
    sub: user.id,
    email: user.email ?? '',
    phone: user.phone ?? '',
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    role: user.role || settings.defaultRole,
    aal,
    amr,
    session_id: session.id,
    is_anonymous: user.is_anonymous,
  };
  if (settings.customAccessTokenHook) {
    claims = await runAccessTokenHook(tx, settings.customAccessTokenHook, {
      user_id: user.id,
      claims,
      authentication_method: method,
    });
  }
  return { token: await signJwt(claims), expiresAt, expiresIn: expiresAt - issuedAt };
}
