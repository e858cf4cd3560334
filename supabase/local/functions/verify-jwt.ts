import { verifyJwt } from '../keys.ts';

/** The bodies `supabase functions serve` answers with when `verify_jwt = true` rejects a call (§8.2). */
export const JWT_ERRORS = {
  missing: { msg: 'Error: Missing authorization header' },
  scheme: { msg: "Error: Auth header is not 'Bearer {token}'" },
  invalid: { msg: 'Invalid JWT' },
} as const;

/**
 * Checks the Authorization header like the CLI's functions router: exactly `Bearer <jwt>`
 * (case-sensitive scheme), signed by the project and not expired. Returns the rejection, or null.
 */
export async function jwtRejection(header: string | undefined): Promise<(typeof JWT_ERRORS)[keyof typeof JWT_ERRORS] | null> {
  if (!header) return JWT_ERRORS.missing;
  const [scheme, token] = header.split(' ');
  if (scheme !== 'Bearer') return JWT_ERRORS.scheme;
  try {
    await verifyJwt(token);
    return null;
  } catch {
    return JWT_ERRORS.invalid;
  }
}
