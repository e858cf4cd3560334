import type { IncomingHttpHeaders } from 'node:http';
import { ACCEPTED_API_KEYS, translateApiKey } from '../keys.ts';

export type ApiKeyCheck = { ok: true; apiKey: string | null } | { ok: false; status: 401; body: object };

/** The apikey of a request: the `apikey` header, else the `apikey` query parameter. */
export function findApiKey(headers: IncomingHttpHeaders, url: URL): string | null {
  const header = headers.apikey;
  const value = Array.isArray(header) ? header[0] : header;
  return value ?? url.searchParams.get('apikey');
}

/** Supabase's gateway rule: a missing or unknown key is refused with its exact bodies. */
export function checkApiKey(apiKey: string | null, required: boolean): ApiKeyCheck {
  if (!required) return { ok: true, apiKey };
  if (!apiKey) {
    return {
      ok: false,
      status: 401,
      body: { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' },
    };
  }
  if (!ACCEPTED_API_KEYS.has(apiKey)) {
    return {
      ok: false,
      status: 401,
      body: { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' },
    };
  }
  return { ok: true, apiKey };
}

/**
 * The Authorization header sent upstream (protocols §2.2): a real bearer passes through; an
 * `sb_` bearer or a missing header is replaced by the JWT the apikey stands for.
 */
export function upstreamAuthorization(authorization: string | undefined, apiKey: string | null): string | undefined {
  if (authorization && !/^Bearer\s+sb_/i.test(authorization)) return authorization;
  if (apiKey) return `Bearer ${translateApiKey(apiKey)}`;
  return undefined;
}
