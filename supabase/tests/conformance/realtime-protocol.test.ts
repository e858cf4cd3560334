import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { INTERNAL_PORTS } from '../../local/config.ts';
import { ANON, IS_LOCAL, SUPABASE_URL } from '../helpers/env.ts';
import { closeAll, Inbox, mintUser, realtimeClient, subscribed, subscribeOutcome, uniqueName } from './realtime-fixtures.ts';

type Frame = [string | null, string | null, string, string, Record<string, unknown>];

const SOCKET_URL = `${SUPABASE_URL.replace(/^http/, 'ws')}/realtime/v1/websocket`;
const sockets: WebSocket[] = [];
const v1 = realtimeClient({ vsn: '1.0.0' });
const v2 = realtimeClient();

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await closeAll(v1, v2);
});

/** A bare Phoenix client (vsn 2.0.0 JSON arrays), to send what realtime-js never would. */
async function rawSocket(url = `${SOCKET_URL}?apikey=${ANON}&vsn=2.0.0`) {
  const socket = new WebSocket(url);
  sockets.push(socket);
  const frames = new Inbox<Frame>();
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on('message', (data) => frames.push(JSON.parse(data.toString()) as Frame));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const send = (frame: unknown[]) => socket.send(JSON.stringify(frame));
  const reply = (ref: string) => frames.next((f) => f[1] === ref && f[3] === 'phx_reply');
  return { socket, frames, closed, send, reply };
}

function refusedUpgrade(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    socket.on('open', () => reject(new Error('the upgrade was accepted')));
  });
}

describe('Realtime protocol', () => {
  it('serves the vsn 1.0.0 JSON protocol: broadcast and presence', async () => {
    const room = uniqueName('room');
    const channel = v1.channel(room, { config: { broadcast: { self: true }, presence: { key: 'v1' } } });
    const messages = new Inbox<unknown>();
    const syncs = new Inbox<Record<string, unknown[]>>();
    channel
      .on('broadcast', { event: 'hello' }, (m) => messages.push(m.payload))
      .on('presence', { event: 'sync' }, () => syncs.push(channel.presenceState()));
    await subscribed(channel);

    await channel.send({ type: 'broadcast', event: 'hello', payload: { over: 'json' } });
    expect(await messages.next()).toEqual({ over: 'json' });
    await channel.track({ online: true });
    await syncs.next((state) => state.v1?.length === 1);
  });

  it('relays between vsn 1.0.0 and vsn 2.0.0 clients', async () => {
    const room = uniqueName('room');
    const older = v1.channel(room);
    const newer = v2.channel(room);
    const received = new Inbox<unknown>();
    older.on('broadcast', { event: 'mixed' }, (m) => received.push(m.payload));
    await subscribed(older);
    await subscribed(newer);
    await newer.send({ type: 'broadcast', event: 'mixed', payload: { from: 'binary frame' } });
    expect(await received.next()).toEqual({ from: 'binary frame' });
  });

  it('answers heartbeats and leaves with a reply followed by phx_close', async () => {
    const raw = await rawSocket();
    raw.send([null, '1', 'phoenix', 'heartbeat', {}]);
    expect(await raw.reply('1')).toEqual([null, '1', 'phoenix', 'phx_reply', { status: 'ok', response: {} }]);

    raw.send(['2', '2', 'realtime:lobby', 'phx_join', { config: {} }]);
    expect((await raw.reply('2'))[4]).toEqual({ status: 'ok', response: { postgres_changes: [] } });
    raw.send(['2', '3', 'realtime:lobby', 'phx_leave', {}]);
    expect((await raw.reply('3'))[4]).toEqual({ status: 'ok', response: {} });
    expect(await raw.frames.next((f) => f[3] === 'phx_close')).toEqual(['2', '2', 'realtime:lobby', 'phx_close', {}]);
  });

  it('refuses topics outside realtime:, empty topic names and malformed join payloads', async () => {
    const raw = await rawSocket();
    raw.send(['1', '1', 'lobby', 'phx_join', {}]);
    expect((await raw.reply('1'))[4]).toEqual({ status: 'error', response: { reason: 'unmatched topic' } });
    raw.send(['2', '2', 'realtime:not-joined', 'broadcast', { type: 'broadcast', event: 'x', payload: {} }]);
    expect((await raw.reply('2'))[4]).toEqual({ status: 'error', response: { reason: 'unmatched topic' } });
    raw.send(['3', '3', 'realtime:room', 'phx_join', { config: { broadcast: { self: 'maybe' } } }]);
    expect(((await raw.reply('3'))[4].response as { reason: string }).reason).toMatch(/^InvalidJoinPayload: config\.broadcast\.self/);

    const { status, error } = await subscribeOutcome(v2.channel(''));
    expect(status).toBe('CHANNEL_ERROR');
    expect(error?.message).toContain('TopicNameRequired: You must provide a topic name');
  });

  it('refuses a join whose access_token is forged', async () => {
    const raw = await rawSocket();
    const { token } = await mintUser();
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    raw.send(['1', '1', 'realtime:room', 'phx_join', { config: {}, access_token: forged }]);
    expect((await raw.reply('1'))[4]).toEqual({ status: 'error', response: { reason: 'JwtSignatureError: Failed to validate JWT signature' } });
  });

  it('closes only the socket that sends an unreadable frame', async () => {
    const room = uniqueName('room');
    const bystander = v2.channel(room, { config: { broadcast: { self: true } } });
    const received = new Inbox<unknown>();
    bystander.on('broadcast', { event: 'after' }, (m) => received.push(m.payload));
    await subscribed(bystander);

    const raw = await rawSocket();
    raw.socket.send('this is not json');
    const closed = await raw.closed;
    expect(closed.code).toBe(1007);
    expect(closed.reason).toContain('Malformed message');

    await bystander.send({ type: 'broadcast', event: 'after', payload: { still: 'working' } });
    expect(await received.next()).toEqual({ still: 'working' });
  });

  it('refuses a WebSocket upgrade with an unknown API key', async () => {
    const refused = await refusedUpgrade(`${SOCKET_URL}?apikey=not-a-key&vsn=2.0.0`);
    expect(refused.status).toBe(401);
  });

  it.runIf(IS_LOCAL)('answers a refused upgrade with Realtime\'s JSON error', async () => {
    const expired = await mintUser({ expiresInSeconds: -10 });
    const direct = `ws://127.0.0.1:${INTERNAL_PORTS.realtime}/socket/websocket?vsn=2.0.0&apikey=`;
    expect(await refusedUpgrade(direct + expired.token)).toEqual({ status: 401, body: '{"error":"Token has expired"}' });
    expect(await refusedUpgrade(direct)).toEqual({ status: 401, body: '{"error":"API key is missing"}' });
  });

  it.runIf(IS_LOCAL)('reports its health, including the replication stream', async () => {
    const response = await fetch(`http://127.0.0.1:${INTERNAL_PORTS.realtime}/healthcheck`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', replication: 'streaming' });
  });

  it.runIf(IS_LOCAL)('refuses channels beyond the per-socket limit with ChannelRateLimitReached', async () => {
    const channels = Array.from({ length: 100 }, (_, i) => v2.channel(`${uniqueName('many')}-${i}`));
    await Promise.all(channels.map(subscribed));
    const { status, error } = await subscribeOutcome(v2.channel(uniqueName('one-too-many')));
    expect(status).toBe('CHANNEL_ERROR');
    expect(error?.message).toContain('ChannelRateLimitReached: Too many channels');
  });
});
