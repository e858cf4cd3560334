/**
 * Live chat under load: VISITORS widget visitors (anonymous users, each from its own forwarded address,
 * with a widget session and a conversation) connected on their private conversation topics, each
 * sending a message every 10 s for CHAT_LOAD_SECONDS (default 120), while one agent connection on the
 * organization's inbox topic (org:<id>:inbox) receives every conversation update.
 *   - every message must reach the agent exactly once: the inbox payload's (conversation id,
 *     last_message_at) is matched to each inserted message's (conversation id, created_at);
 *   - delivery latency, visitor's insert (sent) → agent's receipt, p50/p95 under load; baseline: the
 *     same round trip with nothing else going on, measured in the same run before the load.
 * Needs a running stack at STACK_PORT_OFFSET; creates its own organization, users and widget and
 * deletes them afterwards; joins are paced below Realtime's join rate limit; bounded by a time cap.
 *   STACK_PORT_OFFSET=200 STACK_DATA_DIR=/tmp/stack-chat npx tsx supabase/bench/chat-load.ts
 */
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { loadConfig } from '../local/config.ts';
import { chatOrg, contactFor, send, startConversation, visitor, type ChatOrg, type Visitor } from '../tests/helpers/chat.ts';
import { joinPrivate } from '../tests/helpers/realtime.ts';
import { percentile, printTable, runWhenMain } from './report.ts';

const VISITORS = Number(process.env.CHAT_LOAD_VISITORS || 1000);
const DURATION_MS = Number(process.env.CHAT_LOAD_SECONDS || 120) * 1000;
const INTERVAL_MS = 10_000;
const BASELINE_ROUNDS = 40;
const SETUP_CONCURRENCY = 16;
const JOINS_PER_SECOND = 80;
const DRAIN_MS = 15_000;
const TIME_CAP_MS = DURATION_MS + 8 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ChatVisitor extends Visitor {
  conversationId: string;
}

interface Sent {
  conversationId: string;
  createdAt: number;
  sentAt: number;
}

/** Conversation updates the agent received, keyed by conversation and message time. */
class AgentInbox {
  readonly receipts = new Map<string, number[]>();
  private readonly waiters = new Map<string, () => void>();

  static key = (conversationId: string, at: number) => `${conversationId}@${at}`;

  readonly receive = (payload: { conversation: { id: string; last_message_at: string | null } }) => {
    const receivedAt = performance.timeOrigin + performance.now();
    const { id, last_message_at: last } = payload.conversation;
    if (!last) return;
    const key = AgentInbox.key(id, Date.parse(last));
    this.receipts.set(key, [...(this.receipts.get(key) ?? []), receivedAt]);
    this.waiters.get(key)?.();
  };

  /** Resolves once the update for a message has arrived (or fails after 10 s). */
  arrival(key: string): Promise<void> {
    if (this.receipts.has(key)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the agent never received ${key}`)), 10_000);
      this.waiters.set(key, () => (clearTimeout(timer), this.waiters.delete(key), resolve()));
    });
  }
}

/** Runs `work` over `items`, `concurrency` at a time. */
async function inBatches<T, R>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  }));
  return results;
}

async function chatVisitor(org: ChatOrg): Promise<ChatVisitor> {
  const who = await visitor();
  const contactId = await contactFor(who, org.widget.widget_key);
  const conversation = await startConversation(who, org.widget.id, contactId);
  return { ...who, conversationId: conversation.id };
}

/** Joins each visitor's conversation topic, paced below Realtime's join rate limit. */
async function connect(visitors: ChatVisitor[]) {
  for (const who of visitors) {
    const joined = await joinPrivate(who.supabase as unknown as SupabaseClient, `conversation:${who.conversationId}`);
    if (joined.status !== 'SUBSCRIBED') throw new Error(`visitor join refused: ${joined.status} ${joined.error ?? ''}`);
    await sleep(1000 / JOINS_PER_SECOND);
  }
}

async function subscribeAgent(org: ChatOrg, inbox: AgentInbox): Promise<RealtimeChannel> {
  const agent = org.members.agent.supabase;
  await agent.realtime.setAuth();
  const channel = agent.channel(`org:${org.orgId}:inbox`, { config: { private: true } });
  channel.on('broadcast', { event: 'conversation_changed' }, (message) => inbox.receive(message.payload as never));
  await new Promise<void>((resolve, reject) =>
    channel.subscribe((status, error) => (status === 'SUBSCRIBED' ? resolve() : status !== 'CLOSED' && reject(error ?? new Error(status)))));
  return channel;
}

/** Sends one visitor message; returns its identity as the inbox reports it. */
async function sendMessage(who: ChatVisitor, content: string): Promise<Sent> {
  const sentAt = performance.timeOrigin + performance.now();
  const { data, error } = await send(who, who.conversationId, content);
  if (error) throw new Error(`send refused: ${error.message}`);
  return { conversationId: who.conversationId, createdAt: Date.parse(data[0].created_at), sentAt };
}

/** Idle round trips: one message at a time, each awaited at the agent. */
async function idleRoundTrips(visitors: ChatVisitor[], inbox: AgentInbox): Promise<number[]> {
  const latencies: number[] = [];
  for (let round = 0; round < BASELINE_ROUNDS; round++) {
    const sent = await sendMessage(visitors[round % visitors.length], `Idle round trip ${round}`);
    const key = AgentInbox.key(sent.conversationId, sent.createdAt);
    await inbox.arrival(key);
    latencies.push(inbox.receipts.get(key)![0] - sent.sentAt);
    await sleep(50);
  }
  return latencies;
}

/** Every visitor sends every INTERVAL_MS (start times spread over the interval) for DURATION_MS. */
async function load(visitors: ChatVisitor[]) {
  const sent: Sent[] = [];
  const failures: string[] = [];
  const rounds = Math.max(1, Math.floor(DURATION_MS / INTERVAL_MS));
  const start = performance.now();
  await Promise.all(visitors.map(async (who, index) => {
    for (let round = 0; round < rounds; round++) {
      const due = start + (index / visitors.length) * INTERVAL_MS + round * INTERVAL_MS;
      await sleep(Math.max(0, due - performance.now()));
      try {
        sent.push(await sendMessage(who, `Load message ${round} from visitor ${index}`));
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
  }));
  return { sent, failures, seconds: (performance.now() - start) / 1000 };
}

function tally(sent: Sent[], inbox: AgentInbox, baselineKeys: Set<string>) {
  const expected = new Set(sent.map((message) => AgentInbox.key(message.conversationId, message.createdAt)));
  const latencies: number[] = [];
  let lost = 0;
  let duplicated = 0;
  for (const message of sent) {
    const receipts = inbox.receipts.get(AgentInbox.key(message.conversationId, message.createdAt));
    if (!receipts) lost++;
    else latencies.push(receipts[0] - message.sentAt);
    if (receipts && receipts.length > 1) duplicated++;
  }
  const unexpected = [...inbox.receipts.keys()].filter((key) => !expected.has(key) && !baselineKeys.has(key)).length;
  const perVisitor = new Map<string, number>();
  for (const message of sent) perVisitor.set(message.conversationId, (perVisitor.get(message.conversationId) ?? 0) + 1);
  const received = new Map<string, number>();
  for (const [key, receipts] of inbox.receipts) {
    if (!expected.has(key)) continue;
    const conversationId = key.split('@')[0];
    received.set(conversationId, (received.get(conversationId) ?? 0) + receipts.length);
  }
  const visitorsShort = [...perVisitor].filter(([id, count]) => (received.get(id) ?? 0) !== count).length;
  return { latencies, lost, duplicated, unexpected, visitorsShort };
}

/** Fills `visitors` as they are created, so that whatever was created is removed even after a failure. */
async function measure(org: ChatOrg, visitors: ChatVisitor[]) {
  const setupStarted = performance.now();
  await inBatches(Array.from({ length: VISITORS }), SETUP_CONCURRENCY, async () => visitors.push(await chatVisitor(org)));
  const inbox = new AgentInbox();
  const channel = await subscribeAgent(org, inbox);
  await connect(visitors);
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  try {
    const baseline = await idleRoundTrips(visitors, inbox);
    const baselineKeys = new Set(inbox.receipts.keys());
    const run = await load(visitors);
    await sleep(DRAIN_MS);
    return { baseline, run, setupSeconds, ...tally(run.sent, inbox, baselineKeys) };
  } finally {
    await org.members.agent.supabase.removeChannel(channel);
    await Promise.all(visitors.map((who) => who.supabase.removeAllChannels()));
  }
}

/** Removes the benchmark's organization and users. */
async function cleanUp(orgId: string, userIds: string[]) {
  const db = new pg.Client(`postgresql://postgres:postgres@127.0.0.1:${loadConfig().db.port}/postgres`);
  await db.connect();
  try {
    await db.query('delete from public.organizations where id = $1', [orgId]);
    await db.query('delete from auth.users where id = any ($1)', [userIds]);
  } finally {
    await db.end();
  }
}

function report(r: Awaited<ReturnType<typeof measure>>) {
  const row = (label: string, values: number[], count: string) =>
    [label, percentile(values, 50).toFixed(1), percentile(values, 95).toFixed(1), count];
  printTable(`Live chat: ${VISITORS} visitors sending every ${INTERVAL_MS / 1000} s for ${r.run.seconds.toFixed(0)} s, one agent on the inbox topic (ms)`, [
    ['', 'p50', 'p95', 'samples'],
    row('visitor insert → agent receipt, under load', r.latencies, String(r.latencies.length)),
    row('  baseline: the same round trip, idle', r.baseline, String(r.baseline.length)),
  ]);
  printTable('Delivery check (every message exactly once at the agent)', [
    ['sent', String(r.run.sent.length)],
    ['send failures', String(r.run.failures.length) + (r.run.failures.length ? ` (first: ${r.run.failures[0]})` : '')],
    ['lost', String(r.lost)],
    ['duplicated', String(r.duplicated)],
    ['unexpected updates', String(r.unexpected)],
    ['visitors with a count mismatch', String(r.visitorsShort)],
    ['throughput', `${(r.run.sent.length / r.run.seconds).toFixed(1)} messages/s`],
    ['setup (sign-ins, sessions, conversations, joins)', `${r.setupSeconds.toFixed(1)} s`],
  ]);
}

export async function run() {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`chat load benchmark exceeded ${TIME_CAP_MS / 1000} s`)), TIME_CAP_MS);
  });
  const org = await chatOrg('bench-chat');
  const visitors: ChatVisitor[] = [];
  try {
    report(await Promise.race([measure(org, visitors), cap]));
  } finally {
    clearTimeout(timer);
    await cleanUp(org.orgId, [...visitors.map((who) => who.userId), ...Object.values(org.members).map((member) => member.userId)]);
  }
}

runWhenMain(import.meta.url, run);
