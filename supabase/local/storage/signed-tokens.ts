import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { JWT_SECRET } from '../keys.ts';
import { errors } from './errors.ts';

export type TokenScope = 'download' | 'upload';

/** Claims of a signed URL token: which object, for what, and (uploads) on whose behalf. */
export interface SignedTokenClaims {
  url: string;
  scope: TokenScope;
  owner?: string;
  upsert?: boolean;
}

/** Signed upload URLs live two hours, as on Supabase. */
export const SIGNED_UPLOAD_LIFETIME_SECONDS = 2 * 60 * 60;

const secret = new TextEncoder().encode(JWT_SECRET);

/** Signs a token bound to `<bucket>/<key>` and one scope, like Supabase (HS256 with the project secret). */
export function signObjectToken(claims: SignedTokenClaims, expiresInSeconds: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(secret);
}

/** Checks signature, expiry, scope and that the token names exactly this object. */
export async function verifyObjectToken(
  token: string | null,
  url: string,
  scope: TokenScope,
): Promise<SignedTokenClaims> {
  if (!token) throw errors.missingParameter('token');
  let payload: Partial<SignedTokenClaims>;
  try {
    ({ payload } = await jwtVerify<Partial<SignedTokenClaims>>(token, secret, { algorithms: ['HS256'] }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw errors.expiredToken();
    throw errors.invalidJwt((error as Error).message);
  }
  if (payload.scope !== scope) throw errors.invalidSignature(`Token is not scoped for ${scope}`);
  if (payload.url !== url) throw errors.invalidSignature();
  return payload as SignedTokenClaims;
}
