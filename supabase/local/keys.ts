import { SignJWT, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';

/**
 * The demo secrets every `supabase start` uses. They are public knowledge and only ever
 * valid against a local stack; Supabase Cloud projects have their own.
 */
export const JWT_SECRET =
  process.env.STACK_JWT_SECRET ?? 'super-secret-jwt-token-with-at-least-32-characters-long';
export const ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';
export const SERVICE_ROLE_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';
export const PUBLISHABLE_KEY = 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH';
export const SECRET_KEY = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz';

const secretBytes = new TextEncoder().encode(JWT_SECRET);

/** JWKS handed to verifiers that want one (PostgREST, functions): the HS256 secret as an `oct` key. */
export const JWKS = {
  keys: [{ kty: 'oct', k: Buffer.from(JWT_SECRET).toString('base64url'), alg: 'HS256' }],
};

export interface Claims extends JWTPayload {
  role?: string;
  session_id?: string;
  is_anonymous?: boolean;
  aal?: string;
  email?: string;
  [claim: string]: unknown;
}

export class JwtError extends Error {
  constructor(
    message: string,
    readonly reason: 'missing' | 'expired' | 'invalid',
  ) {
    super(message);
  }
}

/** Signs claims with the stack's HS256 secret. */
export async function signJwt(claims: Claims): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secretBytes);
}

/**
 * Verifies an HS256 JWT signed with the stack's secret. `alg: none`, other algorithms,
 * bad signatures and expired tokens are all refused with a JwtError.
 */
export async function verifyJwt(token: string | undefined | null): Promise<Claims> {
  if (!token) throw new JwtError('No JWT provided', 'missing');
  try {
    const { payload } = await jwtVerify(token, secretBytes, { algorithms: ['HS256'] });
    return payload as Claims;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new JwtError('JWT expired', 'expired');
    throw new JwtError(`Invalid JWT: ${(error as Error).message}`, 'invalid');
  }
}

/** Maps an opaque `sb_` key to the JWT it stands for; other values are returned unchanged. */
export function translateApiKey(key: string): string {
  if (key === SECRET_KEY) return SERVICE_ROLE_KEY;
  if (key === PUBLISHABLE_KEY) return ANON_KEY;
  return key;
}

/** The API keys the gateway accepts in `apikey`. */
export const ACCEPTED_API_KEYS = new Set([ANON_KEY, SERVICE_ROLE_KEY, PUBLISHABLE_KEY, SECRET_KEY]);

/** Reads `Authorization: Bearer <token>`; null when absent or not a bearer header. */
export function bearerToken(header: string | undefined | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}
