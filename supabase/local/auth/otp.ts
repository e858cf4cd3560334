import { createHash, randomInt } from 'node:crypto';

/** A numeric one-time code of `length` digits. */
export function generateOtp(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += String(randomInt(10));
  return code;
}

/** GoTrue's stored form of an emailed token: hex SHA-224 of the address followed by the code. */
export function tokenHash(address: string, otp: string): string {
  return createHash('sha224').update(address + otp).digest('hex');
}

export const PKCE_PREFIX = 'pkce_';

/** PKCE-flow tokens carry a `pkce_` prefix so GET /verify knows to answer with `?code=`. */
export function withFlowPrefix(hash: string, pkce: boolean): string {
  return pkce ? PKCE_PREFIX + hash : hash;
}

/** A stored token matches the presented hash with or without the PKCE prefix (GoTrue's isOtpValid). */
export function storedTokenMatches(stored: string | null, presentedHash: string): boolean {
  if (!stored) return false;
  return stored === presentedHash || stored === PKCE_PREFIX + presentedHash;
}

export function isExpired(sentAt: string | null, lifetimeSeconds: number, now = Date.now()): boolean {
  return !sentAt || Date.parse(sentAt) + lifetimeSeconds * 1000 < now;
}
