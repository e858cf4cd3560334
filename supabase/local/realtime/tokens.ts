/**
 * Token checks with Realtime's own vocabulary: the same JWT verification as the rest of the stack
 * (keys.ts), but failures carry the error codes and messages Realtime puts in join replies and
 * `system` messages, and `role` plus `exp` are both required.
 */
import { decodeJwt } from 'jose';
import { JwtError, verifyJwt, type Claims } from '../keys.ts';

export interface RealtimeClaims extends Claims {
  role: string;
  exp: number;
}

export type TokenFailure =
  | { kind: 'missing'; code: 'InvalidJWTToken'; message: string }
  | { kind: 'expired'; code: 'InvalidJWTToken'; message: string }
  | { kind: 'missing_claims'; code: 'InvalidJWTToken'; message: string }
  | { kind: 'malformed'; code: 'MalformedJWT'; message: string }
  | { kind: 'signature'; code: 'JwtSignatureError'; message: string };

export type TokenCheck = { ok: true; token: string; claims: RealtimeClaims } | ({ ok: false } & TokenFailure);

const MISSING_CLAIMS = 'Fields `role` and `exp` are required in JWT';

/** Realtime URI-decodes tokens and strips whitespace before verifying them. */
function cleanToken(token: string): string | null {
  try {
    return decodeURIComponent(token).replace(/\s/g, '');
  } catch {
    return null;
  }
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export async function checkToken(raw: string | null | undefined): Promise<TokenCheck> {
  if (!raw) return { ok: false, kind: 'missing', code: 'InvalidJWTToken', message: 'API key is missing' };
  const token = cleanToken(raw);
  let peeked: ReturnType<typeof decodeJwt>;
  try {
    if (!token) throw new Error('undecodable');
    peeked = decodeJwt(token);
  } catch {
    return { ok: false, kind: 'malformed', code: 'MalformedJWT', message: 'The token provided is not a valid JWT' };
  }
  try {
    const claims = await verifyJwt(token);
    if (typeof claims.role !== 'string' || !claims.role || typeof claims.exp !== 'number') {
      return { ok: false, kind: 'missing_claims', code: 'InvalidJWTToken', message: MISSING_CLAIMS };
    }
    return { ok: true, token, claims: claims as RealtimeClaims };
  } catch (error) {
    if (error instanceof JwtError && error.reason === 'expired' && typeof peeked.exp === 'number') {
      const ago = nowSeconds() - peeked.exp;
      return { ok: false, kind: 'expired', code: 'InvalidJWTToken', message: `Token has expired ${ago} seconds ago` };
    }
    return { ok: false, kind: 'signature', code: 'JwtSignatureError', message: 'Failed to validate JWT signature' };
  }
}

/** The `{"error": …}` body Realtime answers a refused WebSocket upgrade with (always HTTP 401). */
export function upgradeErrorMessage(failure: TokenFailure): string {
  switch (failure.kind) {
    case 'missing':
      return 'API key is missing';
    case 'expired':
      return 'Token has expired';
    case 'missing_claims':
      return MISSING_CLAIMS;
    case 'malformed':
      return 'The token provided is not a valid JWT';
    case 'signature':
      return 'Failed to validate JWT signature';
  }
}

/** Milliseconds until the token must be checked again: at its expiry, at most every five minutes. */
export function recheckDelayMs(claims: RealtimeClaims, maxMs: number): number {
  const untilExpiry = (claims.exp - Date.now() / 1000) * 1000;
  return Math.max(0, Math.min(maxMs, untilExpiry + 50));
}
