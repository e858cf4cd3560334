import { GoTrueClient } from '@supabase/supabase-js';
import { decodeJwt, SignJWT } from 'jose';
import type { StackConfig } from '../../local/config.ts';
import { ANON, SERVICE, SUPABASE_URL } from '../helpers/env.ts';

/** Helpers shared by the auth-*.test.ts specs. */

export const AUTH_URL = `${SUPABASE_URL}/auth/v1`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A private client address, so IP rate limits hit by one spec never starve another. */
export function freshIp(): string {
  const octet = () => 1 + Math.floor(Math.random() * 250);
  return `10.${octet()}.${octet()}.${octet()}`;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown> | null;
}

export interface RawRequest {
  method?: string;
  body?: unknown;
  /** Sent verbatim instead of JSON.stringify(body). */
  rawBody?: string;
  token?: string;
  ip?: string;
  apiVersion?: string | null;
  headers?: Record<string, string>;
}

/** A request to the Auth API without supabase-js, for shapes the client does not expose. */
export async function authFetch(path: string, request: RawRequest = {}): Promise<RawResponse> {
  const headers: Record<string, string> = { apikey: ANON, 'content-type': 'application/json', ...request.headers };
  if (request.apiVersion !== null) headers['x-supabase-api-version'] = request.apiVersion ?? '2024-01-01';
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.ip) headers['x-forwarded-for'] = request.ip;
  const hasBody = request.rawBody !== undefined || request.body !== undefined;
  const response = await fetch(`${AUTH_URL}${path}`, {
    method: request.method ?? (hasBody ? 'POST' : 'GET'),
    headers,
    body: request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
    redirect: 'manual',
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** Status and error code GET /user answers for an access token. */
export async function userLookup(token: string): Promise<{ status: number; code: unknown }> {
  const response = await authFetch('/user', { token });
  return { status: response.status, code: response.body?.code };
}

export const claimsOf = (accessToken: string) => decodeJwt(accessToken);

/** Signs claims with an arbitrary HS256 secret (to forge tokens). */
export function signWith(secret: string, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}

/** An unsigned token (`alg: none`) carrying the given claims. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

/** The official auth client pointed straight at an Auth service (no /auth/v1 prefix). */
export function directAuthClient(url: string, key = ANON): GoTrueClient {
  const headers: Record<string, string> = { apikey: key };
  if (key === SERVICE) headers.authorization = `Bearer ${SERVICE}`;
  return new GoTrueClient({ url, headers, persistSession: false, autoRefreshToken: false, detectSessionInUrl: false });
}

/**
 * Local only: a second Auth service on a free port, over the same database and inbox, with
 * config changes that would otherwise need a different config.toml (timeboxes, hooks, …).
 */
export async function privateAuthService(configure: (config: StackConfig) => StackConfig, env: NodeJS.ProcessEnv = {}) {
  const { loadConfig } = await import('../../local/config.ts');
  const { startAuthServer } = await import('../../local/auth/server.ts');
  const config = configure(loadConfig());
  const urlFor = (role: string) => `postgresql://${role}:postgres@127.0.0.1:${config.db.port}/postgres`;
  return startAuthServer({ config, databaseUrl: urlFor('postgres'), databaseUrlFor: urlFor }, { port: 0, env });
}
