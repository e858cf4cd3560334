import bcrypt from 'bcryptjs';
import { badRequest, weakPassword } from './http/errors.ts';
import type { AuthSettings } from './settings.ts';

/** bcrypt only reads the first 72 bytes; GoTrue refuses longer passwords outright. */
export const MAX_PASSWORD_BYTES = 72;
const BCRYPT_COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

/** Accepts $2a$/$2b$/$2y$ hashes, including pgcrypto's `crypt(pw, gen_salt('bf'))` from SQL seeds. */
export async function passwordMatches(password: string, hash: string | null): Promise<boolean> {
  if (!hash || !/^\$2[aby]\$\d\d\$/.test(hash)) return false;
  return bcrypt.compare(password, hash.replace(/^\$2y\$/, '$2b$'));
}

export interface PasswordWeakness {
  reasons: string[];
  message: string;
}

/** GoTrue's strength rules (`minimum_password_length`, `password_requirements`); null when strong. */
export function passwordWeakness(password: string, settings: AuthSettings): PasswordWeakness | null {
  const reasons: string[] = [];
  const messages: string[] = [];
  if (Buffer.byteLength(password) < settings.minimumPasswordLength) {
    reasons.push('length');
    messages.push(`Password should be at least ${settings.minimumPasswordLength} characters.`);
  }
  const missesASet = settings.requiredCharacters.some((set) => ![...set].some((char) => password.includes(char)));
  if (missesASet) {
    reasons.push('characters');
    messages.push(`Password should contain at least one character of each: ${settings.requiredCharacters.join(', ')}.`);
  }
  return reasons.length ? { reasons, message: messages.join(' ') } : null;
}

/** Throws 422 weak_password listing every failed rule, or 400 for over-long passwords. */
export function assertStrongPassword(password: string, settings: AuthSettings): void {
  if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) {
    throw badRequest('validation_failed', `Password cannot be longer than ${MAX_PASSWORD_BYTES} characters`);
  }
  const weakness = passwordWeakness(password, settings);
  if (weakness) throw weakPassword(weakness.message, weakness.reasons);
}
