/**
 * Phoenix channel framing as realtime-js speaks it: vsn 1.0.0 (JSON objects) and vsn 2.0.0 (JSON
 * arrays plus the binary "user broadcast push" (kind 3, client → server) and "user broadcast"
 * (kind 4, server → client) frames). The client decodes no other binary kind, so everything that
 * is not a user broadcast goes out as text.
 */
import type { Json, JsonObject } from './json.ts';

export type Vsn = '1.0.0' | '2.0.0';
export const SUPPORTED_VSNS: readonly Vsn[] = ['1.0.0', '2.0.0'];

export type EncodedPayload = { encoding: 'json'; text: string } | { encoding: 'binary'; bytes: Buffer };

/** A broadcast as it travels between members of a topic: the user's event, payload and metadata. */
export interface BroadcastBody {
  event: string;
  payload: EncodedPayload;
  meta?: JsonObject;
}

export interface InboundFrame {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  /** Decoded JSON payload of a text frame. */
  payload: Json;
  /** Set instead of `payload` for a binary user broadcast push (kind 3). */
  broadcast?: BroadcastBody;
}

export interface OutboundMessage {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: Json;
}

/** The frame could not be read at all; the connection that sent it is closed with this reason. */
export class FrameError extends Error {}

const USER_BROADCAST_PUSH = 3;
const USER_BROADCAST = 4;
const JSON_ENCODING = 1;
const BINARY_ENCODING = 0;
const MAX_HEADER_FIELD = 255;

function refField(value: unknown, name: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new FrameError(`${name} must be a string or null`);
}

function textField(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new FrameError(`${name} must be a non-empty string`);
  return value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new FrameError('frame is not valid JSON');
  }
}

export function decodeText(vsn: Vsn, text: string): InboundFrame {
  const parsed = parseJson(text);
  if (vsn === '2.0.0') {
    if (!Array.isArray(parsed) || parsed.length < 5) {
      throw new FrameError('expected a V2 array [join_ref, ref, topic, event, payload]');
    }
    const [joinRef, ref, topic, event, payload] = parsed as unknown[];
    return frame(joinRef, ref, topic, event, payload);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new FrameError('expected a V1 object {join_ref, ref, topic, event, payload}');
  }
  const object = parsed as Record<string, unknown>;
  return frame(object.join_ref, object.ref, object.topic, object.event, object.payload);
}

function frame(joinRef: unknown, ref: unknown, topic: unknown, event: unknown, payload: unknown): InboundFrame {
  return {
    joinRef: refField(joinRef, 'join_ref'),
    ref: refField(ref, 'ref'),
    topic: textField(topic, 'topic'),
    event: textField(event, 'event'),
    payload: (payload ?? {}) as Json,
  };
}

/** Decodes a kind-3 user broadcast push; any other binary kind is refused. */
export function decodeBinary(vsn: Vsn, bytes: Buffer): InboundFrame {
  if (vsn !== '2.0.0') throw new FrameError('binary frames require vsn 2.0.0');
  if (bytes.length < 7 || bytes[0] !== USER_BROADCAST_PUSH) {
    throw new FrameError(`unsupported binary frame kind ${bytes[0] ?? 'none'}`);
  }
  const lengths = [bytes[1], bytes[2], bytes[3], bytes[4], bytes[5]];
  const encoding = bytes[6];
  if (encoding !== JSON_ENCODING && encoding !== BINARY_ENCODING) throw new FrameError('unknown payload encoding');
  let offset = 7;
  const [joinRef, ref, topic, event, metadata] = lengths.map((length) => {
    if (offset + length > bytes.length) throw new FrameError('binary frame is shorter than its header says');
    const field = bytes.subarray(offset, offset + length).toString('utf8');
    offset += length;
    return field;
  });
  const payload = bytes.subarray(offset);
  return {
    joinRef: joinRef || null,
    ref: ref || null,
    topic: textField(topic, 'topic'),
    event: 'broadcast',
    payload: {},
    broadcast: {
      event: textField(event, 'event'),
      payload: encoding === JSON_ENCODING ? { encoding: 'json', text: payload.toString('utf8') } : { encoding: 'binary', bytes: Buffer.from(payload) },
      meta: metadata ? metadataObject(metadata) : undefined,
    },
  };
}

function metadataObject(text: string): JsonObject {
  const parsed = parseJson(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new FrameError('metadata must be a JSON object');
  return parsed as JsonObject;
}

export function encodeText(vsn: Vsn, message: OutboundMessage): string {
  const { joinRef, ref, topic, event, payload } = message;
  if (vsn === '2.0.0') return JSON.stringify([joinRef, ref, topic, event, payload]);
  return JSON.stringify({ join_ref: joinRef, ref, topic, event, payload });
}

/** The client-visible broadcast payload `{type, event, payload, meta?}` as JSON text. */
function broadcastEnvelope(body: BroadcastBody, payloadText: string): string {
  const meta = body.meta ? `,"meta":${JSON.stringify(body.meta)}` : '';
  return `{"type":"broadcast","event":${JSON.stringify(body.event)},"payload":${payloadText}${meta}}`;
}

/**
 * Encodes a broadcast for one serializer; null when that serializer cannot carry it (binary
 * payloads over vsn 1.0.0, or header fields longer than the binary frame allows).
 */
export function encodeBroadcast(vsn: Vsn, topic: string, body: BroadcastBody): string | Buffer | null {
  if (vsn === '2.0.0') {
    const frame = userBroadcastFrame(topic, body);
    if (frame) return frame;
  }
  if (body.payload.encoding === 'binary') return null;
  const envelope = broadcastEnvelope(body, body.payload.text);
  if (vsn === '2.0.0') return `[null,null,${JSON.stringify(topic)},"broadcast",${envelope}]`;
  return `{"join_ref":null,"ref":null,"topic":${JSON.stringify(topic)},"event":"broadcast","payload":${envelope}}`;
}

function userBroadcastFrame(topic: string, body: BroadcastBody): Buffer | null {
  const topicBytes = Buffer.from(topic, 'utf8');
  const eventBytes = Buffer.from(body.event, 'utf8');
  const metaBytes = Buffer.from(body.meta ? JSON.stringify(body.meta) : '', 'utf8');
  if ([topicBytes, eventBytes, metaBytes].some((field) => field.length > MAX_HEADER_FIELD)) return null;
  const payload = body.payload.encoding === 'json' ? Buffer.from(body.payload.text, 'utf8') : body.payload.bytes;
  const header = Buffer.from([
    USER_BROADCAST,
    topicBytes.length,
    eventBytes.length,
    metaBytes.length,
    body.payload.encoding === 'json' ? JSON_ENCODING : BINARY_ENCODING,
  ]);
  return Buffer.concat([header, topicBytes, eventBytes, metaBytes, payload]);
}

export function payloadSize(payload: EncodedPayload): number {
  return payload.encoding === 'json' ? Buffer.byteLength(payload.text) : payload.bytes.length;
}
