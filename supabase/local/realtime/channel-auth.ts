/**
 * A channel's credentials over its lifetime: the read check of private channels (at join and at
 * every new token), `access_token` refreshes, and the periodic re-validation that closes the
 * channel once its token has expired.
 */
import { checkReadAccess, checkWriteAccess, type Extension } from './authorization.ts';
import type { Channel } from './channel.ts';
import type { InboundFrame } from './protocol/serializer.ts';
import { checkToken, type RealtimeClaims } from './tokens.ts';

const DATABASE_UNAVAILABLE = 'Realtime was unable to connect to the project database';
const cannotRead = (subTopic: string) => `You do not have permissions to read from this Channel topic: ${subTopic}`;

export function installCredentials(channel: Channel, token: string, claims: RealtimeClaims) {
  channel.setCredentials(token, claims, () => void recheckToken(channel));
}

async function recheckToken(channel: Channel) {
  if (channel.closed) return;
  const check = await checkToken(channel.token);
  if (!check.ok) return channel.shutdown(check.message);
  installCredentials(channel, check.token, check.claims);
}

export type ReadCheck = { ok: true } | { ok: false; code: 'Unauthorized' | 'UnableToSetPolicies'; message: string };

/** Private channels: (re)evaluates read access; public channels may always read. */
export async function authorizeRead(channel: Channel): Promise<ReadCheck> {
  if (!channel.address.isPrivate) return { ok: true };
  try {
    const read = await checkReadAccess(channel.context.pool, channel.authorization, channel.presenceEnabled);
    channel.access = { broadcastRead: read.broadcast, presenceRead: read.presence, broadcastWrite: null, presenceWrite: null };
    if (read.broadcast || read.presence) return { ok: true };
    return { ok: false, code: 'Unauthorized', message: cannotRead(channel.address.subTopic) };
  } catch (err) {
    channel.context.log.warn('private channel read check failed', { err, topic: channel.topic });
    return { ok: false, code: 'UnableToSetPolicies', message: DATABASE_UNAVAILABLE };
  }
}

/** Write access, checked lazily at the first broadcast or track and then remembered. */
export async function mayWrite(channel: Channel, extension: Extension): Promise<boolean> {
  if (!channel.address.isPrivate) return true;
  const known = extension === 'broadcast' ? channel.access.broadcastWrite : channel.access.presenceWrite;
  if (known !== null) return known;
  const allowed = await checkWriteAccess(channel.context.pool, channel.authorization, extension).catch((err) => {
    channel.context.log.warn('private channel write check failed', { err, topic: channel.topic });
    return false;
  });
  channel.access = { ...channel.access, [extension === 'broadcast' ? 'broadcastWrite' : 'presenceWrite']: allowed };
  return allowed;
}

/** Presence enabled by a track after joining: its read access was not checked at join. */
export async function ensurePresenceRead(channel: Channel) {
  if (!channel.address.isPrivate || channel.access.presenceRead !== null) return;
  const read = await checkReadAccess(channel.context.pool, channel.authorization, true).catch(() => null);
  channel.access = { ...channel.access, presenceRead: read?.presence ?? false };
}

/**
 * `access_token` pushed by the client: unchanged, null or opaque `sb_` keys are ignored; an
 * invalid token, or one that no longer grants read access, closes the channel with a system error.
 */
export async function refreshAccessToken(channel: Channel, frame: InboundFrame) {
  const payload = frame.payload;
  const token = payload && typeof payload === 'object' && !Array.isArray(payload) ? payload.access_token : undefined;
  if (typeof token !== 'string' || token.startsWith('sb_') || token === channel.token) return;
  const check = await checkToken(token);
  if (channel.closed) return;
  if (!check.ok) return channel.shutdown(check.message);
  const before = channel.access;
  installCredentials(channel, check.token, check.claims);
  const read = await authorizeRead(channel);
  if (channel.closed) return;
  if (!read.ok) return channel.shutdown(read.message);
  const after = channel.access;
  const revoked = (was: boolean | null, now: boolean | null) => was === true && now === false;
  if (revoked(before.broadcastRead, after.broadcastRead) || revoked(before.presenceRead, after.presenceRead)) {
    channel.shutdown(`You no longer have permission to read from this Channel topic: ${channel.address.subTopic}`);
  }
}
