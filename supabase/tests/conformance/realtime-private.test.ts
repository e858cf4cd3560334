import type { RealtimeChannel, RealtimeSystemPayload, SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IS_LOCAL } from '../helpers/env.ts';
import {
  closeAll,
  Inbox,
  mintUser,
  sql,
  userRealtimeClient,
  subscribed,
  subscribeOutcome,
  uniqueName,
  subscribeWatching,
  type TestUser,
} from './realtime-fixtures.ts';

type Broadcast = { event: string; payload: Record<string, unknown>; meta?: { id: string; replayed?: boolean } };

// Policies on realtime.messages are created as the superuser: local stack only.
describe.runIf(IS_LOCAL)('Realtime private channels', () => {
  const members = `public.${uniqueName('rt_test_members')}`;
  const readPolicy = uniqueName('rt test members read');
  const writePolicy = uniqueName('rt test writers send');
  const clients: SupabaseClient[] = [];

  beforeAll(async () => {
    await sql(`create table ${members} (user_id uuid, topic text, can_write bool default false, primary key (user_id, topic))`);
    await sql(`grant select on ${members} to authenticated`);
    await sql(`create policy "${readPolicy}" on realtime.messages for select to authenticated using (
      exists (select 1 from ${members} m where m.user_id = (select auth.uid()) and m.topic = (select realtime.topic())))`);
    await sql(`create policy "${writePolicy}" on realtime.messages for insert to authenticated with check (
      exists (select 1 from ${members} m where m.user_id = (select auth.uid()) and m.topic = (select realtime.topic()) and m.can_write))`);
  });

  afterAll(async () => {
    await closeAll(...clients);
    await sql(`drop policy "${readPolicy}" on realtime.messages; drop policy "${writePolicy}" on realtime.messages; drop table ${members}`);
  });

  async function member(topic: string, canWrite = false): Promise<TestUser> {
    const user = await mintUser();
    await sql(`insert into ${members} values ($1, $2, $3)`, [user.id, topic, canWrite]);
    return user;
  }

  async function clientFor(user: TestUser) {
    let token = user.token;
    const supabase = await userRealtimeClient(() => token);
    clients.push(supabase);
    return { supabase, setToken: (next: string) => (token = next) };
  }

  function privateChannel(supabase: SupabaseClient, topic: string, config: Record<string, unknown> = {}) {
    const channel = supabase.channel(topic, { config: { private: true, ...config } });
    const messages = new Inbox<Broadcast>();
    const system = new Inbox<RealtimeSystemPayload>();
    channel.on('broadcast', { event: '*' }, (message) => messages.push(message as unknown as Broadcast));
    channel.on('system', {}, (payload: RealtimeSystemPayload) => system.push(payload));
    return { channel, messages, system };
  }

  it('joins when a policy on realtime.messages allows reading the topic, and refuses otherwise', async () => {
    const topic = uniqueName('private');
    const allowed = privateChannel((await clientFor(await member(topic))).supabase, topic);
    const denied = privateChannel((await clientFor(await mintUser())).supabase, topic);

    await subscribed(allowed.channel);
    const { status, error } = await subscribeOutcome(denied.channel);
    expect(status).toBe('CHANNEL_ERROR');
    expect(error?.message).toContain(`Unauthorized: You do not have permissions to read from this Channel topic: ${topic}`);
    await denied.channel.unsubscribe();
  });

  it('delivers realtime.send() and broadcast_changes() to authorized subscribers', async () => {
    const topic = uniqueName('private');
    const table = `public.${uniqueName('rt_test_tickets')}`;
    await sql(`create table ${table} (id int primary key, subject text)`);
    await sql(`create function ${table}_changed() returns trigger language plpgsql security definer set search_path = '' as $$
      begin
        perform realtime.broadcast_changes('${topic}', tg_op, tg_op, tg_table_name, tg_table_schema, new, old);
        return null;
      end $$`);
    await sql(`create trigger changed after insert on ${table} for each row execute function ${table}_changed()`);
    try {
      const { channel, messages } = privateChannel((await clientFor(await member(topic))).supabase, topic);
      await subscribed(channel);
      await sql(`select realtime.send('{"text":"hello"}', 'chat', $1)`, [topic]);
      await sql(`insert into ${table} values (1, 'Printer on fire')`);

      const chat = await messages.next((m) => m.event === 'chat');
      expect(chat.payload).toMatchObject({ text: 'hello' });
      expect(chat.meta?.id).toMatch(/^[0-9a-f-]{36}$/);
      const change = await messages.next((m) => m.event === 'INSERT');
      expect(change.payload).toMatchObject({ operation: 'INSERT', schema: 'public', record: { id: 1, subject: 'Printer on fire' }, old_record: null });
    } finally {
      await sql(`drop table ${table}; drop function ${table}_changed()`);
    }
  });

  it('drops broadcasts from members without write permission and relays those from writers', async () => {
    const topic = uniqueName('private');
    const reader = privateChannel((await clientFor(await member(topic))).supabase, topic);
    const writer = privateChannel((await clientFor(await member(topic, true))).supabase, topic, { presence: { key: 'writer' } });
    await subscribed(reader.channel);
    await subscribed(writer.channel);

    await reader.channel.send({ type: 'broadcast', event: 'note', payload: { from: 'reader' } });
    await writer.channel.send({ type: 'broadcast', event: 'note', payload: { from: 'writer' } });
    expect((await reader.messages.next()).payload).toEqual({ from: 'writer' });
    expect(await writer.messages.settle(300)).toEqual([]);
    expect(await writer.channel.track({ online: true })).toBe('ok');
  });

  it('closes the channel when a new token no longer grants access', async () => {
    const topic = uniqueName('private');
    const user = await member(topic);
    const { supabase, setToken } = await clientFor(user);
    const { channel, messages, system } = privateChannel(supabase, topic);
    const statuses = subscribeWatching(channel);
    await statuses.next((o) => o.status === 'SUBSCRIBED');

    await sql(`delete from ${members} where user_id = $1`, [user.id]);
    await sql(`select realtime.send('{"n":1}', 'still-cached', $1)`, [topic]);
    await messages.next((m) => m.event === 'still-cached');

    setToken((await mintUser({ id: user.id })).token);
    await supabase.realtime.setAuth();
    const error = await system.next((p) => p.status === 'error');
    expect(error.message).toBe(`You do not have permissions to read from this Channel topic: ${topic}`);
    await statuses.next((o) => o.status === 'CLOSED');
    await sql(`select realtime.send('{"n":2}', 'after-revoke', $1)`, [topic]);
    expect((await messages.settle(300)).map((m) => m.event)).toEqual(['still-cached']);
  });

  it('refuses a join with an expired token and closes a channel whose token expires', async () => {
    const topic = uniqueName('private');
    const expired = await mintUser({ expiresInSeconds: -5 });
    await sql(`insert into ${members} values ($1, $2, false)`, [expired.id, topic]);
    const refused = await subscribeOutcome(privateChannel((await clientFor(expired)).supabase, topic).channel);
    expect(refused.status).toBe('CHANNEL_ERROR');
    expect(refused.error?.message).toMatch(/InvalidJWTToken: Token has expired \d+ seconds ago/);

    const shortLived = await mintUser({ expiresInSeconds: 2 });
    await sql(`insert into ${members} values ($1, $2, false)`, [shortLived.id, topic]);
    const { channel, system } = privateChannel((await clientFor(shortLived)).supabase, topic);
    const statuses = subscribeWatching(channel);
    await statuses.next((o) => o.status === 'SUBSCRIBED');
    expect((await system.next((p) => p.extension === 'system', 5000)).message).toMatch(/^Token has expired \d+ seconds ago$/);
    await statuses.next((o) => o.status === 'CLOSED');
  });

  it('replays stored messages on join and leaves no gap or duplicate across a reconnect', async () => {
    const topic = uniqueName('private');
    const since = Date.now() - 1000;
    const send = async (n: number) => (await sql<{ id: string }>(
      `insert into realtime.messages (topic, extension, event, payload, private) values ($1, 'broadcast', 'msg', $2, true) returning id`,
      [topic, { n }],
    ))[0].id;
    const stored = [await send(1), await send(2)];

    const { supabase } = await clientFor(await member(topic));
    const { channel, messages } = privateChannel(supabase, topic, { broadcast: { replay: { since, limit: 10 } } });
    const idsPerJoin: string[][] = [[], []];
    const joinsSoFar = () => statuses.items.filter((o) => o.status === 'SUBSCRIBED').length;
    channel.on('broadcast', { event: 'msg' }, (m) => idsPerJoin[joinsSoFar() - 1]?.push((m as unknown as Broadcast).meta?.id ?? ''));
    const statuses = subscribeWatching(channel);
    const joined = (count: number) => statuses.next(() => joinsSoFar() === count, 10_000);
    await joined(1);
    await messages.next((m) => m.payload.n === 2);
    expect(messages.items.slice(0, 2).map((m) => [m.payload.n, m.meta?.replayed])).toEqual([[1, true], [2, true]]);
    stored.push(await send(3));
    await messages.next((m) => m.payload.n === 3);

    dropConnection(channel);
    stored.push(await send(4), await send(5));
    await joined(2);
    await messages.next((m) => m.payload.n === 5 && m.meta?.replayed === true);
    stored.push(await send(6));
    await messages.next((m) => m.payload.n === 6);

    expect(new Set(messages.items.map((m) => m.meta?.id))).toEqual(new Set(stored));
    for (const ids of idsPerJoin) expect(new Set(ids).size).toBe(ids.length);
    expect(idsPerJoin[1]).toEqual(expect.arrayContaining(stored.slice(3, 6)));
  });
});

/** Cuts the client's socket the way a network drop would; realtime-js reconnects and rejoins. */
function dropConnection(channel: RealtimeChannel) {
  const socket = (channel.socket as unknown as { socketAdapter: { getSocket(): { conn: { close(): void } | null } } }).socketAdapter.getSocket();
  socket.conn?.close();
}
