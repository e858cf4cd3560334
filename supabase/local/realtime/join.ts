/**
 * `phx_join`: validate the topic, payload, limits and token; authorize private channels; start
 * broadcast, presence and postgres_changes delivery; then reply (echoing the bindings with ids)
 * and send what follows a join: replayed messages, the postgres_changes status, presence_state.
 */
import { randomUUID } from 'node:crypto';
import { authorizeRead, installCredentials } from './channel-auth.ts';
import { Channel } from './channel.ts';
import type { Connection } from './connection.ts';
import { carriedToken, parseJoinPayload, type JoinPayload } from './join-payload.ts';
import { subscribeToChanges } from './join-changes.ts';
import type { InboundFrame } from './protocol/serializer.ts';
import { SETTINGS } from './settings.ts';
import { replayStored, type Replay } from './stored-broadcasts.ts';
import { checkToken, type TokenCheck } from './tokens.ts';

const TOPIC_PREFIX = 'realtime:';

type Refusal = { reason: string; disconnect?: boolean };

function limitRefusal(connection: Connection): Refusal | null {
  if (connection.channels.size >= SETTINGS.maxChannelsPerClient) return { reason: 'ChannelRateLimitReached: Too many channels' };
  if (!connection.context.joinRate.tryAcquire()) {
    return { reason: 'ClientJoinRateLimitReached: Too many joins per second', disconnect: true };
  }
  return null;
}

function presenceKey(join: JoinPayload): string {
  const key = join.config.presence.key;
  return key === null || key === undefined || key === '' ? randomUUID() : String(key);
}

function createChannel(connection: Connection, frame: InboundFrame, join: JoinPayload, token: Extract<TokenCheck, { ok: true }>) {
  const { config } = join;
  const channel = new Channel(connection, connection.context, {
    address: { subTopic: frame.topic.slice(TOPIC_PREFIX.length), isPrivate: config.private },
    joinRef: frame.joinRef,
    token: token.token,
    claims: token.claims,
    selfBroadcast: config.broadcast.self,
    ackBroadcast: config.broadcast.ack,
    presenceKey: presenceKey(join),
    presenceEnabled: config.presence.enabled,
  });
  connection.channels.set(frame.topic, channel);
  return channel;
}

export async function joinChannel(connection: Connection, frame: InboundFrame) {
  const refuse = refuser(connection, frame);
  if (!frame.topic.startsWith(TOPIC_PREFIX)) return connection.reply(frame, 'error', { reason: 'unmatched topic' });
  if (frame.topic === TOPIC_PREFIX) return refuse({ reason: 'TopicNameRequired: You must provide a topic name' });
  connection.channels.get(frame.topic)?.close();

  const parsed = parseJoinPayload(frame.payload);
  if (!parsed.ok) return refuse({ reason: parsed.reason });
  const { join } = parsed;
  const limited = limitRefusal(connection);
  if (limited) return refuse(limited);
  if (join.config.broadcast.replay && !join.config.private) {
    return refuse({ reason: 'UnableToReplayMessages: Replay is not allowed for public channels' });
  }
  const token = await checkToken(carriedToken(join) ?? connection.credentials.token);
  if (!token.ok) return refuse({ reason: `${token.code}: ${token.message}` });
  if (!connection.isOpen) return;

  const channel = createChannel(connection, frame, join, token);
  try {
    await startChannel(connection, frame, join, channel);
  } catch (error) {
    channel.terminate();
    throw error;
  }
}

function refuser(connection: Connection, frame: InboundFrame) {
  return ({ reason, disconnect }: Refusal) => {
    connection.reply(frame, 'error', { reason });
    if (disconnect) connection.close(1008, reason);
  };
}

/** Authorizes the new channel, starts its deliveries and replies; live broadcasts wait for the reply. */
async function startChannel(connection: Connection, frame: InboundFrame, join: JoinPayload, channel: Channel) {
  const refuse = (reason: string) => {
    channel.terminate();
    refuser(connection, frame)({ reason });
  };
  const read = await authorizeRead(channel);
  if (channel.closed) return;
  if (!read.ok) return refuse(`${read.code}: ${read.message}`);
  const replay = join.config.broadcast.replay;
  if (replay && !channel.access.broadcastRead) {
    return refuse(`Unauthorized: You do not have permissions to read from this Channel topic: ${channel.address.subTopic}`);
  }

  channel.holdBroadcasts();
  connection.context.hub.join(channel.address, channel);
  let replayed: Replay = { bodies: [], ids: new Set() };
  if (replay) {
    try {
      const { pool, progress } = connection.context;
      replayed = await replayStored(pool, channel.address.subTopic, replay.since, replay.limit, progress.lastXid);
    } catch (err) {
      connection.context.log.warn('replaying stored broadcasts failed', { err, topic: frame.topic });
      return refuse('UnableToReplayMessages: Realtime was unable to replay messages');
    }
  }
  const changes = await subscribeToChanges(channel, join);
  if (channel.closed) return;
  if (changes.refusal) return refuse(changes.refusal);

  installCredentials(channel, channel.token, channel.claims);
  connection.reply(frame, 'ok', { postgres_changes: changes.replyBindings });
  channel.releaseReplay(replayed.bodies, replayed.ids);
  changes.announce();
  if (channel.presenceEnabled && channel.access.presenceRead === true) {
    channel.push('presence_state', connection.context.presence.state(channel.address));
  }
}
