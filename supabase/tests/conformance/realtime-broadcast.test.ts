import { afterEach, describe, expect, it } from 'vitest';
import { IS_LOCAL } from '../helpers/env.ts';
import { closeAll, Inbox, realtimeClient, sql, subscribed, uniqueName } from './realtime-fixtures.ts';

type Broadcast = { type: string; event: string; payload: Record<string, unknown>; meta?: { id?: string } };

const alice = realtimeClient();
const bob = realtimeClient();

afterEach(() => closeAll(alice, bob));

function listen(channel: ReturnType<typeof alice.channel>, event = '*') {
  const inbox = new Inbox<Broadcast>();
  channel.on('broadcast', { event }, (message) => inbox.push(message as Broadcast));
  return inbox;
}

describe('Realtime broadcast', () => {
  it('delivers a message to the other members but not back to the sender by default', async () => {
    const room = uniqueName('room');
    const sender = alice.channel(room);
    const senderInbox = listen(sender);
    const receiver = bob.channel(room);
    const receiverInbox = listen(receiver, 'cursor');
    await subscribed(sender);
    await subscribed(receiver);

    expect(await sender.send({ type: 'broadcast', event: 'cursor', payload: { x: 1, y: 2 } })).toBe('ok');

    const received = await receiverInbox.next();
    expect(received).toMatchObject({ type: 'broadcast', event: 'cursor', payload: { x: 1, y: 2 } });
    expect(await senderInbox.settle()).toEqual([]);
  });

  it('echoes to the sender with self: true and acknowledges with ack: true', async () => {
    const room = uniqueName('room');
    const channel = alice.channel(room, { config: { broadcast: { self: true, ack: true } } });
    const inbox = listen(channel, 'ping');
    await subscribed(channel);

    expect(await channel.send({ type: 'broadcast', event: 'ping', payload: { n: 1 } })).toBe('ok');
    expect((await inbox.next()).payload).toEqual({ n: 1 });
  });

  it('carries binary payloads to vsn 2.0.0 clients', async () => {
    const room = uniqueName('room');
    const sender = alice.channel(room);
    const receiver = bob.channel(room);
    const inbox = new Inbox<{ payload: ArrayBuffer }>();
    receiver.on('broadcast', { event: 'blob' }, (message) => inbox.push(message as unknown as { payload: ArrayBuffer }));
    await subscribed(sender);
    await subscribed(receiver);

    await sender.send({ type: 'broadcast', event: 'blob', payload: new Uint8Array([1, 2, 3, 255]).buffer });
    expect([...new Uint8Array((await inbox.next()).payload)]).toEqual([1, 2, 3, 255]);
  });

  it('accepts httpSend on the REST endpoint and delivers it to subscribers', async () => {
    const room = uniqueName('room');
    const receiver = bob.channel(room);
    const inbox = listen(receiver, 'note');
    await subscribed(receiver);

    const result = await alice.channel(room).httpSend('note', { text: 'over http' });
    expect(result).toEqual({ success: true });
    expect((await inbox.next()).payload).toEqual({ text: 'over http' });
  });

  it('falls back to the batch REST endpoint when sending before joining', async () => {
    const room = uniqueName('room');
    const receiver = bob.channel(room);
    const inbox = listen(receiver, 'early');
    await subscribed(receiver);

    const unjoined = alice.channel(room);
    const warn = console.warn;
    console.warn = () => undefined; // realtime-js warns that the implicit REST fallback is deprecated
    try {
      expect(await unjoined.send({ type: 'broadcast', event: 'early', payload: { via: 'rest' } })).toBe('ok');
    } finally {
      console.warn = warn;
    }
    expect((await inbox.next()).payload).toEqual({ via: 'rest' });
  });

  it('refuses an oversized payload with an error and keeps serving the connection', async () => {
    const room = uniqueName('room');
    const channel = alice.channel(room, { config: { broadcast: { self: true, ack: true } } });
    const inbox = listen(channel, 'big');
    await subscribed(channel);

    expect(await channel.send({ type: 'broadcast', event: 'big', payload: { blob: 'x'.repeat(3_200_000) } })).toBe('error');
    expect(await channel.send({ type: 'broadcast', event: 'big', payload: { blob: 'small' } })).toBe('ok');
    expect((await inbox.next()).payload).toEqual({ blob: 'small' });
  });
});

describe.runIf(IS_LOCAL)('Realtime broadcast from the database', () => {
  it('delivers realtime.send() messages in commit order, each with meta.id', async () => {
    const room = uniqueName('room');
    const channel = alice.channel(room);
    const inbox = listen(channel, 'db');
    await subscribed(channel);

    const send = (n: number) => `select realtime.send('{"n":${n}}', 'db', '${room}', false);`;
    await sql(`begin; ${send(1)} ${send(2)} commit;`);
    await sql(`select realtime.send($1::jsonb, 'db', $2, false)`, [JSON.stringify({ n: 3 }), room]);

    await inbox.next((m) => m.payload.n === 3);
    expect(inbox.items.map((m) => m.payload.n)).toEqual([1, 2, 3]);
    for (const message of inbox.items) expect(message.meta?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('does not deliver messages sent to the private topic of the same name to public members', async () => {
    const room = uniqueName('room');
    const channel = alice.channel(room);
    const inbox = listen(channel, 'db');
    await subscribed(channel);

    await sql(`select realtime.send('{"secret":true}', 'db', $1, true)`, [room]);
    await sql(`select realtime.send('{"secret":false}', 'db', $1, false)`, [room]);
    await inbox.next();
    expect((await inbox.settle(300)).map((m) => m.payload.secret)).toEqual([false]);
  });
});
