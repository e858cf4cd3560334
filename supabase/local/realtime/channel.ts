/**
 * One joined topic on one socket: its credentials, what it may read and write, and delivery to
 * the client. Broadcasts that arrive while the join is completing (stored messages being read for
 * replay) are held back, then released after the replayed ones and without them, so a rejoin sees
 * neither gaps nor duplicates.
 */
import type { AuthorizationContext } from './authorization.ts';
import type { ChangeSubscriber } from './changes/registry.ts';
import type { RealtimeContext } from './context.ts';
import { clientTopic, type TopicAddress, type TopicMember } from './hub.ts';
import type { Json, JsonObject } from './protocol/json.ts';
import { encodeBroadcast, encodeText, type BroadcastBody, type InboundFrame, type Vsn } from './protocol/serializer.ts';
import { FixedWindowLimit } from './rate-limits.ts';
import { SETTINGS } from './settings.ts';
import { recheckDelayMs, type RealtimeClaims } from './tokens.ts';

/** The socket side a channel needs. */
export interface ChannelHost {
  readonly vsn: Vsn;
  readonly headers: Record<string, string>;
  send(data: string | Buffer): void;
  release(channel: Channel): void;
}

export interface ChannelAccess {
  broadcastRead: boolean;
  /** null: not checked yet (private channel joined without presence). */
  presenceRead: boolean | null;
  broadcastWrite: boolean | null;
  presenceWrite: boolean | null;
}

export const PUBLIC_ACCESS: ChannelAccess = { broadcastRead: true, presenceRead: true, broadcastWrite: true, presenceWrite: true };

export interface ChannelOptions {
  address: TopicAddress;
  joinRef: string | null;
  token: string;
  claims: RealtimeClaims;
  selfBroadcast: boolean;
  ackBroadcast: boolean;
  presenceKey: string;
  presenceEnabled: boolean;
}

export class Channel implements TopicMember, ChangeSubscriber {
  readonly topic: string;
  readonly address: TopicAddress;
  readonly joinRef: string | null;
  readonly selfBroadcast: boolean;
  readonly ackBroadcast: boolean;
  readonly presenceKey: string;
  readonly presenceLimit = new FixedWindowLimit(SETTINGS.maxClientPresenceCalls, SETTINGS.clientPresenceWindowMs);
  presenceEnabled: boolean;
  access: ChannelAccess = PUBLIC_ACCESS;
  token: string;
  claims: RealtimeClaims;
  closed = false;
  private heldBack: BroadcastBody[] | null = null;
  private inbound: Promise<void> = Promise.resolve();
  private replayedIds = new Set<string>();
  private tokenTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly host: ChannelHost,
    readonly context: RealtimeContext,
    options: ChannelOptions,
  ) {
    this.address = options.address;
    this.topic = clientTopic(options.address.subTopic);
    this.joinRef = options.joinRef;
    this.token = options.token;
    this.claims = options.claims;
    this.selfBroadcast = options.selfBroadcast;
    this.ackBroadcast = options.ackBroadcast;
    this.presenceKey = options.presenceKey;
    this.presenceEnabled = options.presenceEnabled;
  }

  /** Runs client events one after another, so a broadcast waiting on a policy check keeps its place. */
  enqueue(work: () => Promise<void>): Promise<void> {
    const done = this.inbound.then(work);
    this.inbound = done.catch(() => undefined);
    return done;
  }

  get vsn(): Vsn {
    return this.host.vsn;
  }

  get authorization(): AuthorizationContext {
    return { subTopic: this.address.subTopic, claims: this.claims, headers: this.host.headers };
  }

  /** Replaces the credentials and schedules the next check of the token (at expiry, at most 5 min away). */
  setCredentials(token: string, claims: RealtimeClaims, onRecheck: () => void) {
    this.token = token;
    this.claims = claims;
    if (this.tokenTimer) clearTimeout(this.tokenTimer);
    this.tokenTimer = setTimeout(onRecheck, recheckDelayMs(claims, SETTINGS.tokenRecheckMs));
  }

  push(event: string, payload: Json, joinRef: string | null = this.joinRef) {
    if (this.closed) return;
    this.host.send(encodeText(this.vsn, { joinRef, ref: null, topic: this.topic, event, payload }));
  }

  reply(frame: InboundFrame, status: 'ok' | 'error', response: JsonObject = {}) {
    if (this.closed) return;
    this.host.send(encodeText(this.vsn, { joinRef: frame.joinRef, ref: frame.ref, topic: this.topic, event: 'phx_reply', payload: { status, response } }));
  }

  pushSystem(extension: 'system' | 'postgres_changes', status: 'ok' | 'error', message: string) {
    this.push('system', { extension, status, message, channel: this.address.subTopic });
  }

  receiveBroadcast(body: BroadcastBody, encoded: () => string | Buffer | null) {
    if (this.closed || this.access.broadcastRead !== true) return;
    if (this.heldBack) {
      this.heldBack.push(body);
      return;
    }
    const id = body.meta?.id;
    if (typeof id === 'string' && this.replayedIds.delete(id)) return;
    const frame = encoded();
    if (frame !== null) this.host.send(frame);
  }

  receivePresenceDiff(encoded: string) {
    if (!this.closed && this.access.presenceRead === true) this.host.send(encoded);
  }

  pushChange(payload: JsonObject) {
    this.push('postgres_changes', payload, null);
  }

  /** Holds live broadcasts back until `releaseReplay` (while the join completes). */
  holdBroadcasts() {
    this.heldBack = [];
  }

  /** Sends the replayed messages, then the held-back live ones that were not among them. */
  releaseReplay(replayed: BroadcastBody[], replayedIds: Set<string>) {
    const held = this.heldBack ?? [];
    this.heldBack = null;
    for (const body of replayed) this.sendBroadcast(body);
    this.replayedIds = replayedIds;
    for (const body of held) this.receiveBroadcast(body, () => encodeBroadcast(this.vsn, this.topic, body));
  }

  private sendBroadcast(body: BroadcastBody) {
    const frame = encodeBroadcast(this.vsn, this.topic, body);
    if (frame !== null && !this.closed) this.host.send(frame);
  }

  /** Sends a `system` error and closes the channel, as Realtime does on expired or revoked access. */
  shutdown(message: string) {
    this.context.log.info('channel shut down', { topic: this.topic, reason: message });
    this.pushSystem('system', 'error', message);
    this.close();
  }

  close() {
    if (this.closed) return;
    const { joinRef, topic } = this;
    this.host.send(encodeText(this.vsn, { joinRef, ref: joinRef, topic, event: 'phx_close', payload: {} }));
    this.terminate();
  }

  /** Leaves every registry; the client is not told (the socket is gone or the reply says it all). */
  terminate() {
    if (this.closed) return;
    this.closed = true;
    if (this.tokenTimer) clearTimeout(this.tokenTimer);
    this.context.hub.leave(this.address, this);
    this.context.presence.untrack(this.address, this);
    this.context.changes.registry.remove(this);
    this.host.release(this);
  }
}
