import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { ANON_KEY, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY } from '../../local/keys.ts';

/**
 * Where the suite points. Unset: the local stack (started by the global setup when it is not
 * running). Set SUPABASE_URL and the keys to run the same specs against a Supabase Cloud project.
 */
export const SUPABASE_URL = process.env.SUPABASE_URL ?? `http://127.0.0.1:${54321 + Number(process.env.STACK_PORT_OFFSET ?? 0)}`;
export const ANON = process.env.SUPABASE_ANON_KEY ?? ANON_KEY;
export const SERVICE = process.env.SUPABASE_SERVICE_ROLE_KEY ?? SERVICE_ROLE_KEY;
export const PUBLISHABLE = process.env.SUPABASE_PUBLISHABLE_KEY ?? PUBLISHABLE_KEY;
export const SECRET = process.env.SUPABASE_SECRET_KEY ?? SECRET_KEY;
/** True when the suite runs against the local stack (some specs inspect local-only surfaces). */
export const IS_LOCAL = !process.env.SUPABASE_URL;
export const INBOX_URL =
  process.env.SUPABASE_INBOX_URL ?? `http://127.0.0.1:${54324 + Number(process.env.STACK_PORT_OFFSET ?? 0)}`;

/**
 * Locally, every test client presents its own client address, as real users do: the suite signs in
 * hundreds of users, and Auth's per-IP limits (config.toml [auth.rate_limit]) must not see them as one
 * crowd behind 127.0.0.1. (Addresses from 198.18.0.0/15, the range reserved for benchmarks.)
 */
function testClientAddress(): Record<string, string> {
  if (!IS_LOCAL) return {};
  const octet = () => Math.floor(Math.random() * 256);
  return { 'x-forwarded-for': `198.${18 + Math.floor(Math.random() * 2)}.${octet()}.${octet()}` };
}

/** A supabase-js client as an app would build it; Node 20 needs `ws` as the Realtime transport. */
export function client(key = ANON, options: { persist?: boolean } = {}): SupabaseClient {
  return createClient(SUPABASE_URL, key, {
    global: { headers: testClientAddress() },
    auth: { persistSession: options.persist ?? false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  });
}

/** The service-role client (bypasses RLS): for arranging fixtures only. */
export const admin = () => client(SERVICE);

/** A unique, valid email for one test. */
export function uniqueEmail(tag = 'user'): string {
  return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

export const PASSWORD = 'correct-horse-42';

/** Creates a confirmed user through the admin API and returns a client signed in as them. */
export async function signedInUser(tag = 'user') {
  const email = uniqueEmail(tag);
  const { data, error } = await admin().auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
  if (error) throw error;
  const supabase = client();
  const signIn = await supabase.auth.signInWithPassword({ email, password: PASSWORD });
  if (signIn.error) throw signIn.error;
  return { supabase, user: data.user, email, session: signIn.data.session };
}
