/** Events a client sends on a joined channel: broadcast, presence, access_token, phx_leave. */
import { ensurePresenceRead, mayWrite, refreshAccessToken } from './channel-auth.ts';
import type { Channel } from './channel.ts';
import { isJsonObject, type JsonObject } from './protocol/json.ts';
import { payloadSize, type BroadcastBody, type InboundFrame } from './protocol/serializer.ts';
import { SETTINGS } from './settings.ts';

const PAYLOAD_TOO_LARGE = `PayloadTooLarge: Payload size exceeds the limit of ${SETTINGS.maxPayloadBytes} bytes`;

export async function handleChannelEvent(channel: Channel, frame: InboundFrame) {
  switch (frame.event) {
    case 'broadcast':
      return handleBroadcast(channel, frame);
    case 'presence':
      return handlePresence(channel, frame);
    case 'access_token':
      return refreshAccessToken(channel, frame);
    case 'phx_leave':
      channel.reply(frame, 'ok');
      return channel.close();
    default:
      channel.reply(frame, 'error', { reason: `UnknownEvent: Unexpected message from client of type \`${frame.event}\`` });
  }
}

/** The body of a broadcast push, from a binary frame or a `{type, event, payload}` text payload. */
function broadcastBody(frame: InboundFrame): BroadcastBody | string {
  if (frame.broadcast) {
    const { payload } = frame.broadcast;
    if (payload.encoding === 'json') {
      try {
        JSON.parse(payload.text);
      } catch {
        return 'InvalidBroadcastPayload: payload is not valid JSON';
      }
    }
    return { event: frame.broadcast.event, payload };
  }
  const { payload } = frame;
  if (!isJsonObject(payload) || typeof payload.event !== 'string' || payload.event === '') {
    return 'InvalidBroadcastPayload: expected {"type": "broadcast", "event": <string>, "payload": <any>}';
  }
  return { event: payload.event, payload: { encoding: 'json', text: JSON.stringify(payload.payload ?? {}) } };
}

async function handleBroadcast(channel: Channel, frame: InboundFrame) {
  const body = broadcastBody(frame);
  if (typeof body === 'string') return channel.reply(frame, 'error', { reason: body });
  if (payloadSize(body.payload) > SETTINGS.maxPayloadBytes) return channel.reply(frame, 'error', { reason: PAYLOAD_TOO_LARGE });
  // Like Realtime: a private-channel broadcast without write permission is dropped without a reply.
  if (!(await mayWrite(channel, 'broadcast')) || channel.closed) return;
  channel.context.hub.broadcast(channel.address, body, channel.selfBroadcast ? undefined : channel);
  if (channel.ackBroadcast) channel.reply(frame, 'ok');
}

async function handlePresence(channel: Channel, frame: InboundFrame) {
  const message = isJsonObject(frame.payload) ? frame.payload : {};
  if (typeof message.event !== 'string') return channel.reply(frame, 'ok');
  if (!channel.presenceLimit.tryAcquire()) return channel.shutdown('Client presence rate limit exceeded');
  const event = message.event.toLowerCase();
  const { presence } = channel.context;
  if (event === 'untrack') {
    presence.untrack(channel.address, channel);
    return channel.reply(frame, 'ok');
  }
  if (event !== 'track') return channel.reply(frame, 'error', { reason: `UnknownPresenceEvent: ${message.event}` });
  const payload = message.payload ?? {};
  if (!isJsonObject(payload)) return channel.reply(frame, 'error', { reason: 'Presence track payload must be a map' });
  if (Buffer.byteLength(JSON.stringify(payload)) > SETTINGS.maxPayloadBytes) return channel.shutdown('Track message size exceeded');
  await ensurePresenceRead(channel);
  if (!(await mayWrite(channel, 'presence'))) return channel.reply(frame, 'error', { reason: 'Unauthorized: You do not have permissions to track presence on this Channel topic' });
  if (channel.closed) return;
  channel.presenceEnabled = true;
  presence.track(channel.address, channel, channel.presenceKey, payload as JsonObject);
  channel.reply(frame, 'ok');
}
