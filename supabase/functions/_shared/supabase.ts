import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { HttpError, requireEnv } from './http.ts';

const SERVER_AUTH = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };

/**
 * A client acting as the caller: their Authorization header is forwarded, so Row Level
 * Security applies exactly as it would in the browser.
 */
export function userClient(req: Request): SupabaseClient {
  const authorization = req.headers.get('Authorization');
  if (!authorization) throw new HttpError(401, 'missing_authorization', 'Authorization header required');
  return createClient(requireEnv('SUPABASE_URL'), requireEnv('SUPABASE_ANON_KEY'), {
    global: { headers: { Authorization: authorization } },
    auth: SERVER_AUTH,
  });
}

/** A service-role client that bypasses RLS: only for work the function has authorised itself. */
export function adminClient(): SupabaseClient {
  return createClient(requireEnv('SUPABASE_URL'), requireEnv('SUPABASE_SERVICE_ROLE_KEY'), { auth: SERVER_AUTH });
}

