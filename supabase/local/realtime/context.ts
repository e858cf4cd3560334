import type pg from 'pg';
import type { Logger } from '../log.ts';
import type { ChangesContext } from './changes/subscribe.ts';
import type { Hub } from './hub.ts';
import type { PresenceRegistry } from './presence.ts';
import type { SlidingRateLimit } from './rate-limits.ts';
import type { StreamStatus } from './replication/stream.ts';

/** How far the replication stream has delivered: the last transaction whose changes went out. */
export interface StreamProgress {
  lastXid: number | null;
}

/** Everything the channels of all connections share. */
export interface RealtimeContext {
  pool: pg.Pool;
  hub: Hub;
  presence: PresenceRegistry;
  changes: ChangesContext;
  /** Joins per second across the whole stack (Realtime limits them per project). */
  joinRate: SlidingRateLimit;
  progress: StreamProgress;
  /** State of the logical replication stream (`streaming` when changes flow). */
  replicationStatus(): StreamStatus;
  log: Logger;
}
