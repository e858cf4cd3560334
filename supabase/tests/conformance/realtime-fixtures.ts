/**
 * Shared fixtures of the realtime-*.test.ts specs: supabase-js clients per user and protocol
 * version, subscribing, collecting events, and published tables created as the superuser.
 */
import { randomUUID } from 'node:crypto';
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { signJwt } from '../../local/keys.ts';
import { ANON, SUPABASE_URL } from '../helpers/env.ts';
import { superuserSql } from '../helpers/sql.ts';
import { Inbox } from '../helpers/realtime.ts';

export { Inbox };

export const sql = superuserSql;

export const uniqueName = (tag: string) => `${tag}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export interface TestUser {
  id: string;
  token: string;
}

/** A user access token signed like Auth signs them (local stack only: it needs the JWT secret). */
export async function mintUser(options: { id?: string; role?: string; expiresInSeconds?: number } = {}): Promise<TestUser> {
  const id = options.id ?? randomUUID();
  const now = Math.floor(Date.now() / 1000);
  const token = await signJwt({
    sub: id,
    role: options.role ?? 'authenticated',
    aud: 'authenticated',
    iat: now,
    exp: now + (options.expiresInSeconds ?? 3600),
    session_id: randomUUID(),
    is_anonymous: false,
  });
  return { id, token };
}

/**
 * A supabase-js client as an app builds it. With `token`, Realtime authenticates with whatever
 * that function returns (supabase-js's `accessToken` option); `realtime.setAuth()` re-sends it.
 */
export function realtimeClient(options: { token?: () => string; vsn?: '1.0.0' | '2.0.0'; key?: string } = {}): SupabaseClient {
  const { token, vsn } = options;
  return createClient(SUPABASE_URL, options.key ?? ANON, {
    ...(token ? { accessToken: async () => token() } : { auth: { persistSession: false, autoRefreshToken: false } }),
    realtime: { transport: WebSocket as never, ...(vsn ? { vsn } : {}) },
  });
}

/**
 * A client whose Realtime connection is authenticated as a user before it is used: supabase-js
 * applies the `accessToken` asynchronously, and a channel joined before that would join as anon.
 */
export async function userRealtimeClient(token: () => string, vsn?: '1.0.0' | '2.0.0'): Promise<SupabaseClient> {
  const supabase = realtimeClient({ token, vsn });
  await supabase.realtime.setAuth();
  return supabase;
}

export interface Outcome {
  status: string;
  error?: Error;
}

/** The channel's first settled subscribe status (SUBSCRIBED, CHANNEL_ERROR, TIMED_OUT or CLOSED). */
export function subscribeOutcome(channel: RealtimeChannel): Promise<Outcome> {
  return new Promise((resolve) => channel.subscribe((status, error) => resolve({ status, error })));
}

export async function subscribed(channel: RealtimeChannel): Promise<RealtimeChannel> {
  const { status, error } = await subscribeOutcome(channel);
  if (status !== 'SUBSCRIBED') throw new Error(`${channel.topic}: ${status} ${error?.message ?? ''}`);
  return channel;
}

/** Subscribes and records every status the channel goes through (rejoins included). */
export function subscribeWatching(channel: RealtimeChannel): Inbox<Outcome> {
  const statuses = new Inbox<Outcome>();
  channel.subscribe((status, error) => statuses.push({ status, error }));
  return statuses;
}


/**
 * Creates `public.<name>` and adds it to the supabase_realtime publication; API roles may select
 * it (policies decide rows when `rls` is set). Returns the qualified name.
 */
export async function publishedTable(name: string, columns: string, options: { rls?: boolean; replicaFull?: boolean } = {}) {
  const table = `public.${name}`;
  await sql(`create table ${table} (${columns})`);
  await sql(`grant select, insert, update, delete on ${table} to anon, authenticated, service_role`);
  if (options.rls) await sql(`alter table ${table} enable row level security`);
  if (options.replicaFull) await sql(`alter table ${table} replica identity full`);
  await sql(`alter publication supabase_realtime add table ${table}`);
  return table;
}

export async function dropTable(table: string) {
  await sql(`drop table if exists ${table}`);
}

export async function closeAll(...clients: SupabaseClient[]) {
  await Promise.all(clients.map((supabase) => supabase.removeAllChannels()));
}
