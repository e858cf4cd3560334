/**
 * Realtime latency, each figure next to a baseline measured in the same run:
 *   - postgres_changes: insert → subscriber, on a table with RLS (the row check runs per change);
 *     baseline: the same insert firing pg_notify from a trigger → a LISTENing client.
 *   - broadcast from the database: realtime.send() on a private channel authorized by an RLS policy
 *     → 100 and 1,000 subscribers (one socket each); baseline: a plain `ws` server fanning out to as
 *     many plain clients.
 * Needs a running stack at STACK_PORT_OFFSET; creates and drops its own table and policy; joins
 * are paced below Realtime's join rate limit; bounded (fixed rounds, 3-minute cap).
 *   STACK_PORT_OFFSET=200 STACK_DATA_DIR=/tmp/stack-realtime npx tsx supabase/bench/realtime.ts
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { RealtimeClient } from '@supabase/supabase-js';
import pg from 'pg';
import WebSocket, { WebSocketServer } from 'ws';
import { loadConfig } from '../local/config.ts';
import { ANON_KEY, signJwt } from '../local/keys.ts';
import { percentile, printTable, runWhenMain } from './report.ts';

const CHANGE_ROUNDS = 200;
const BROADCAST_ROUNDS = 30;
const JOINS_PER_SECOND = 80;
const TIME_CAP_MS = 180_000;
const ROUND_TIMEOUT_MS = 10_000;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `expected` samples have arrived in `samples` (or the round times out). */
async function collected(samples: number[], expected: number) {
  const deadline = Date.now() + ROUND_TIMEOUT_MS;
  while (samples.length < expected) {
    if (Date.now() > deadline) throw new Error(`only ${samples.length} of ${expected} deliveries arrived`);
    await sleep(1);
  }
}

async function userToken(id: string) {
  const issuedAt = Math.floor(Date.now() / 1000);
  return signJwt({ sub: id, role: 'authenticated', aud: 'authenticated', iat: issuedAt, exp: issuedAt + 3600 });
}

function realtimeSubscriber(token: string) {
  return new RealtimeClient(`${loadConfig().api.url.replace(/^http/, 'ws')}/realtime/v1`, {
    params: { apikey: ANON_KEY },
    transport: WebSocket as never,
    accessToken: async () => token,
  });
}

function subscribe(channel: ReturnType<RealtimeClient['channel']>): Promise<void> {
  return new Promise((resolve, reject) =>
    channel.subscribe((status, error) => (status === 'SUBSCRIBED' ? resolve() : status !== 'CLOSED' && reject(error ?? new Error(status)))),
  );
}

async function postgresChanges(db: pg.Client, table: string, ownerId: string, token: string) {
  const latencies: number[] = [];
  const client = realtimeSubscriber(token);
  await client.setAuth();
  const channel = client.channel(`bench-${randomUUID()}`, { config: { postgres_changes_options: { wait: true } } } as never);
  channel.on('postgres_changes', { event: 'INSERT', schema: 'public', table: table.split('.')[1] }, (change) => {
    latencies.push(now() - Number((change.new as { sent_at: number }).sent_at));
  });
  await subscribe(channel);
  for (let round = 0; round < CHANGE_ROUNDS + 10; round++) {
    await db.query(`insert into ${table} (owner_id, sent_at) values ($1, $2)`, [ownerId, now()]);
    await collected(latencies, round + 1);
  }
  await client.removeAllChannels();
  return latencies.slice(10);
}

async function listenNotify(db: pg.Client, listener: pg.Client, table: string) {
  const latencies: number[] = [];
  listener.on('notification', (message) => latencies.push(now() - Number(message.payload)));
  await listener.query('listen bench_realtime');
  for (let round = 0; round < CHANGE_ROUNDS + 10; round++) {
    await db.query(`insert into ${table} (sent_at) values ($1)`, [now()]);
    await collected(latencies, round + 1);
  }
  return latencies.slice(10);
}

/** Adds subscribers to the private topic until there are `count`, paced below the join rate limit. */
async function growAudience(audience: RealtimeClient[], count: number, topic: string, token: string, samples: number[]) {
  while (audience.length < count) {
    const client = realtimeSubscriber(token);
    await client.setAuth();
    const channel = client.channel(topic, { config: { private: true } });
    channel.on('broadcast', { event: 'tick' }, (message) => samples.push(now() - Number(message.payload.sent_at)));
    await subscribe(channel);
    audience.push(client);
    await sleep(1000 / JOINS_PER_SECOND);
  }
}

async function databaseBroadcast(db: pg.Client, topic: string, audienceSize: number, samples: number[]) {
  samples.length = 0;
  for (let round = 0; round < BROADCAST_ROUNDS; round++) {
    await db.query(`select realtime.send(jsonb_build_object('sent_at', $1::float8), 'tick', $2, true)`, [now(), topic]);
    await collected(samples, (round + 1) * audienceSize);
  }
  return [...samples];
}

async function plainFanOut(audienceSize: number) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const samples: number[] = [];
  const clients = await Promise.all(
    Array.from({ length: audienceSize }, async () => {
      const socket = new WebSocket(url);
      socket.on('message', (data) => samples.push(now() - Number(JSON.parse(data.toString()).sent_at)));
      await new Promise((resolve) => socket.once('open', resolve));
      return socket;
    }),
  );
  for (let round = 0; round < BROADCAST_ROUNDS; round++) {
    const frame = JSON.stringify({ sent_at: now() });
    for (const peer of server.clients) peer.send(frame);
    await collected(samples, (round + 1) * audienceSize);
  }
  for (const socket of clients) socket.terminate();
  await new Promise((resolve) => server.close(resolve));
  return samples;
}

async function measure(db: pg.Client, listener: pg.Client) {
  const suffix = Date.now().toString(36);
  const changesTable = `public.bench_rt_changes_${suffix}`;
  const notifyTable = `public.bench_rt_notify_${suffix}`;
  const topic = `bench-room-${suffix}`;
  const policy = `bench realtime ${suffix}`;
  const ownerId = randomUUID();
  const token = await userToken(ownerId);
  await db.query(`create table ${changesTable} (id bigserial primary key, owner_id uuid not null, sent_at float8 not null);
    alter table ${changesTable} enable row level security;
    create policy "owner reads" on ${changesTable} for select to authenticated using ((select auth.uid()) = owner_id);
    grant select on ${changesTable} to authenticated;
    alter publication supabase_realtime add table ${changesTable};
    create table ${notifyTable} (id bigserial primary key, sent_at float8 not null);
    create function ${notifyTable}_notify() returns trigger language plpgsql as $$
      begin perform pg_notify('bench_realtime', new.sent_at::text); return null; end $$;
    create trigger notify after insert on ${notifyTable} for each row execute function ${notifyTable}_notify();
    create policy "${policy}" on realtime.messages for select to authenticated using ((select realtime.topic()) = '${topic}');`);
  const audience: RealtimeClient[] = [];
  try {
    const changes = await postgresChanges(db, changesTable, ownerId, token);
    const notify = await listenNotify(db, listener, notifyTable);
    const samples: number[] = [];
    const atScale = async (size: number) => {
      await growAudience(audience, size, topic, token, samples);
      return { database: await databaseBroadcast(db, topic, size, samples), plain: await plainFanOut(size) };
    };
    return { changes, notify, hundred: await atScale(100), thousand: await atScale(1000) };
  } finally {
    await Promise.all(audience.map((client) => client.removeAllChannels()));
    await db.query(`drop table ${changesTable}; drop table ${notifyTable}; drop function ${notifyTable}_notify();
      drop policy "${policy}" on realtime.messages; delete from realtime.messages where topic = '${topic}'`);
  }
}

export async function run() {
  const url = `postgresql://postgres:postgres@127.0.0.1:${loadConfig().db.port}/postgres`;
  const [db, listener] = [new pg.Client(url), new pg.Client(url)];
  await Promise.all([db.connect(), listener.connect()]);
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`realtime benchmark exceeded ${TIME_CAP_MS / 1000} s`)), TIME_CAP_MS);
  });
  try {
    const r = await Promise.race([measure(db, listener), cap]);
    const row = (label: string, values: number[]) => [label, percentile(values, 50).toFixed(1), percentile(values, 95).toFixed(1), String(values.length)];
    printTable('Realtime latency (ms)', [
      ['', 'p50', 'p95', 'samples'],
      row('postgres_changes insert → subscriber (RLS table)', r.changes),
      row('  baseline: insert → trigger pg_notify → LISTEN client', r.notify),
      row('broadcast from database → 100 subscribers (private, RLS)', r.hundred.database),
      row('  baseline: plain ws server → 100 clients', r.hundred.plain),
      row('broadcast from database → 1,000 subscribers (private, RLS)', r.thousand.database),
      row('  baseline: plain ws server → 1,000 clients', r.thousand.plain),
    ]);
  } finally {
    clearTimeout(timer);
    await Promise.all([db.end(), listener.end()]);
  }
}

runWhenMain(import.meta.url, run);
