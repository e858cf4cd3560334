/**
 * One client WebSocket: decodes frames, answers heartbeats, routes channel events and closes the
 * socket when it goes silent. A frame that cannot be read closes only this socket, with a reason.
 */
import type { WebSocket } from 'ws';
import type { Channel, ChannelHost } from './channel.ts';
import { handleChannelEvent } from './channel-events.ts';
import type { RealtimeContext } from './context.ts';
import { joinChannel } from './join.ts';
import type { JsonObject } from './protocol/json.ts';
import { decodeBinary, decodeText, encodeText, FrameError, type InboundFrame, type Vsn } from './protocol/serializer.ts';
import { SETTINGS } from './settings.ts';
import type { RealtimeClaims } from './tokens.ts';

/** Close codes: 1007 for unreadable frames (RFC 6455 "invalid frame payload data"), 1000 for idle. */
const INVALID_FRAME = 1007;
const NORMAL = 1000;

export interface SocketCredentials {
  token: string;
  claims: RealtimeClaims;
}

export class Connection implements ChannelHost {
  readonly channels = new Map<string, Channel>();
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ws: WebSocket,
    readonly vsn: Vsn,
    readonly credentials: SocketCredentials,
    readonly headers: Record<string, string>,
    readonly context: RealtimeContext,
  ) {
    ws.on('message', (data, isBinary) => this.receive(toBuffer(data), isBinary));
    ws.on('close', () => this.closed());
    ws.on('error', (err) => context.log.debug('socket error', { err }));
    this.resetIdleTimer();
  }

  get isOpen(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  send(data: string | Buffer) {
    if (this.isOpen) this.ws.send(data);
  }

  reply(frame: InboundFrame, status: 'ok' | 'error', response: JsonObject = {}) {
    const { joinRef, ref, topic } = frame;
    this.send(encodeText(this.vsn, { joinRef, ref, topic, event: 'phx_reply', payload: { status, response } }));
  }

  release(channel: Channel) {
    if (this.channels.get(channel.topic) === channel) this.channels.delete(channel.topic);
  }

  close(code: number, reason: string) {
    this.ws.close(code, reason.slice(0, 120));
  }

  private receive(data: Buffer, isBinary: boolean) {
    this.resetIdleTimer();
    let frame: InboundFrame;
    try {
      frame = isBinary ? decodeBinary(this.vsn, data) : decodeText(this.vsn, data.toString('utf8'));
    } catch (error) {
      const reason = error instanceof FrameError ? error.message : 'the frame could not be decoded';
      this.context.log.info('closing a socket that sent an unreadable frame', { reason });
      this.close(INVALID_FRAME, `Malformed message: ${reason}`);
      return;
    }
    this.route(frame).catch((err) => {
      this.context.log.error('handling a message failed', { err, topic: frame.topic, event: frame.event });
      this.reply(frame, 'error', { reason: 'UnknownErrorOnChannel: Unknown Error on Channel' });
    });
  }

  private async route(frame: InboundFrame) {
    if (frame.topic === 'phoenix') {
      if (frame.event === 'heartbeat') this.reply(frame, 'ok');
      else this.reply(frame, 'error', { reason: 'unmatched topic' });
      return;
    }
    if (frame.event === 'phx_join') return joinChannel(this, frame);
    const channel = this.channels.get(frame.topic);
    if (!channel) return this.reply(frame, 'error', { reason: 'unmatched topic' });
    await channel.enqueue(() => handleChannelEvent(channel, frame));
  }

  private resetIdleTimer() {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close(NORMAL, 'idle timeout'), SETTINGS.idleTimeoutMs);
  }

  private closed() {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const channel of [...this.channels.values()]) channel.terminate();
  }
}

function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}
