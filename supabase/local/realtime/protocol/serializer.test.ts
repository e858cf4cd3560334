import Serializer from '@supabase/realtime-js/dist/module/lib/serializer.js';
import { describe, expect, it } from 'vitest';
import { decodeBinary, decodeText, encodeBroadcast, encodeText, FrameError } from './serializer.ts';

/** realtime-js's own serializer: what the client sends and how it reads what we send. */
const client = new Serializer();

function clientEncode(message: Record<string, unknown>): Buffer | string {
  let encoded: ArrayBuffer | string = '';
  client.encode(message as never, (result: ArrayBuffer | string) => (encoded = result));
  return typeof encoded === 'string' ? encoded : Buffer.from(encoded);
}

function clientDecode(data: Buffer | string): Record<string, unknown> {
  let decoded: Record<string, unknown> = {};
  const raw = typeof data === 'string' ? data : data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  client.decode(raw as never, (result: Record<string, unknown>) => (decoded = result));
  return decoded;
}

describe('realtime serializer', () => {
  it('reads the binary user broadcast push realtime-js sends, metadata included', () => {
    const pushed = clientEncode({
      join_ref: '1',
      ref: '7',
      topic: 'realtime:room',
      event: 'broadcast',
      payload: { type: 'broadcast', event: 'cursor', payload: { x: 1 }, persist: true },
    });
    const frame = decodeBinary('2.0.0', pushed as Buffer);
    expect(frame).toMatchObject({ joinRef: '1', ref: '7', topic: 'realtime:room', event: 'broadcast' });
    expect(frame.broadcast).toEqual({ event: 'cursor', payload: { encoding: 'json', text: '{"x":1}' }, meta: { persist: true } });
  });

  it('writes user broadcasts realtime-js decodes, for JSON and binary payloads', () => {
    const json = encodeBroadcast('2.0.0', 'realtime:room', { event: 'e', payload: { encoding: 'json', text: '{"a":[1]}' }, meta: { id: 'x' } });
    expect(clientDecode(json as Buffer)).toEqual({
      join_ref: null,
      ref: null,
      topic: 'realtime:room',
      event: 'broadcast',
      payload: { type: 'broadcast', event: 'e', payload: { a: [1] }, meta: { id: 'x' } },
    });
    const binary = encodeBroadcast('2.0.0', 'realtime:room', { event: 'b', payload: { encoding: 'binary', bytes: Buffer.from([9, 8]) } });
    const decoded = clientDecode(binary as Buffer) as { payload: { payload: ArrayBuffer } };
    expect([...new Uint8Array(decoded.payload.payload)]).toEqual([9, 8]);
  });

  it('sends vsn 1.0.0 clients JSON objects and drops binary payloads they cannot carry', () => {
    const text = encodeBroadcast('1.0.0', 'realtime:r', { event: 'e', payload: { encoding: 'json', text: '{}' } }) as string;
    expect(JSON.parse(text)).toEqual({ join_ref: null, ref: null, topic: 'realtime:r', event: 'broadcast', payload: { type: 'broadcast', event: 'e', payload: {} } });
    expect(encodeBroadcast('1.0.0', 'realtime:r', { event: 'e', payload: { encoding: 'binary', bytes: Buffer.alloc(1) } })).toBeNull();
    expect(JSON.parse(encodeText('1.0.0', { joinRef: '1', ref: '2', topic: 't', event: 'phx_reply', payload: {} }))).toEqual({
      join_ref: '1',
      ref: '2',
      topic: 't',
      event: 'phx_reply',
      payload: {},
    });
  });

  it.each([
    ['2.0.0', 'not json'],
    ['2.0.0', '{"topic":"t"}'],
    ['2.0.0', '[null,null,"",{}]'],
    ['2.0.0', '[null,null,"t",5,{}]'],
    ['1.0.0', '["1","1","t","e",{}]'],
  ] as const)('refuses the malformed %s frame %s', (vsn, text) => {
    expect(() => decodeText(vsn, text)).toThrow(FrameError);
  });

  it('refuses binary frames of other kinds, truncated ones and any over vsn 1.0.0', () => {
    expect(() => decodeBinary('2.0.0', Buffer.from([4, 0, 0, 0, 1]))).toThrow('unsupported binary frame kind 4');
    expect(() => decodeBinary('2.0.0', Buffer.from([3, 5, 0, 1, 1, 0, 1, 65]))).toThrow('shorter than its header');
    expect(() => decodeBinary('1.0.0', Buffer.from([3]))).toThrow('binary frames require vsn 2.0.0');
  });
});
