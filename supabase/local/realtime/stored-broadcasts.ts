/**
 * Broadcasts stored in realtime.messages (by realtime.send() and realtime.broadcast_changes()):
 * delivered live from logical replication in commit order, and replayed to private channels that
 * join with `config.broadcast.replay`. Either way the message carries `meta.id`.
 */
import type pg from 'pg';
import type { RawRow } from './changes/filters.ts';
import type { TopicAddress } from './hub.ts';
import type { BroadcastBody } from './protocol/serializer.ts';
import { SETTINGS } from './settings.ts';

export interface StoredBroadcast {
  address: TopicAddress;
  body: BroadcastBody;
}

/** A replicated realtime.messages row as a broadcast; null for rows that are not broadcasts. */
export function storedBroadcast(row: RawRow): StoredBroadcast | null {
  const { id, topic, event, payload, extension } = row;
  if (extension !== 'broadcast' || !id || !topic || !event || !payload) return null;
  return {
    address: { subTopic: topic, isPrivate: row.private === 't' },
    body: { event, payload: { encoding: 'json', text: payload }, meta: { id } },
  };
}

export interface Replay {
  bodies: BroadcastBody[];
  ids: Set<string>;
}

/**
 * The newest `limit` (1–25) broadcasts stored for a private topic since `sinceMs` (Unix ms),
 * oldest first. Rows of one transaction share `inserted_at`; their physical order breaks the tie.
 * It first waits until the last transaction the stream delivered is visible, so that a message
 * delivered live just before the channel joined cannot be missing from the replay too.
 */
export async function replayStored(pool: pg.Pool, subTopic: string, sinceMs: number, limit: number, lastXid: number | null): Promise<Replay> {
  const boundedLimit = Math.max(1, Math.min(limit, SETTINGS.maxReplayMessages));
  if (lastXid !== null) await pool.query('select realtime.await_transaction($1)', [lastXid]);
  const { rows } = await pool.query<{ id: string; event: string | null; payload: string | null }>(
    `select id, event, payload::text as payload
       from realtime.messages
      where topic = $1 and private is true and extension = 'broadcast'
        and inserted_at >= (to_timestamp($2::float8 / 1000) at time zone 'utc')
        and inserted_at < (now() at time zone 'utc') + interval '1 minute'
      order by inserted_at desc, ctid desc
      limit $3`,
    [subTopic, sinceMs, boundedLimit],
  );
  const bodies = rows
    .reverse()
    .filter((row) => row.event !== null && row.payload !== null)
    .map((row): BroadcastBody => ({
      event: row.event as string,
      payload: { encoding: 'json', text: row.payload as string },
      meta: { replayed: true, id: row.id },
    }));
  return { bodies, ids: new Set(rows.map((row) => row.id)) };
}
