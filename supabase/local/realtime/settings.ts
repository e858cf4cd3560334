/**
 * Limits and timings of the local Realtime service. Defaults are those of the Realtime server the
 * Supabase CLI runs (tenant defaults in supabase/realtime's runtime config); each can be overridden
 * with an environment variable, e.g. to reproduce a Cloud plan's quotas locally.
 */
function fromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

export const SETTINGS = {
  /** Channels one WebSocket may have joined at once (`ChannelRateLimitReached`). */
  maxChannelsPerClient: fromEnv('REALTIME_MAX_CHANNELS_PER_CLIENT', 100),
  /** Joins per second across the stack, averaged over `joinRateWindowMs` (`ClientJoinRateLimitReached`). */
  maxJoinsPerSecond: fromEnv('REALTIME_MAX_JOINS_PER_SECOND', 100),
  joinRateWindowMs: 10_000,
  /** Largest broadcast/presence payload; Supabase allows the size in KB × 1000 plus 500 bytes of framing. */
  maxPayloadBytes: fromEnv('REALTIME_MAX_PAYLOAD_KB', 3000) * 1000 + 500,
  /** Presence track/untrack calls one channel may make per window before it is shut down. */
  maxClientPresenceCalls: fromEnv('REALTIME_CLIENT_PRESENCE_MAX_CALLS', 5),
  clientPresenceWindowMs: fromEnv('REALTIME_CLIENT_PRESENCE_WINDOW_MS', 30_000),
  /** A socket that sends nothing (not even heartbeats) for this long is closed, as Phoenix does. */
  idleTimeoutMs: fromEnv('REALTIME_IDLE_TIMEOUT_MS', 60_000),
  /** Upper bound between two re-validations of a channel's access token. */
  tokenRecheckMs: 5 * 60_000,
  /** Server-side cap on `postgres_changes_options.timeout`. */
  maxSubscribeWaitMs: 20_000,
  defaultSubscribeWaitMs: 15_000,
  /** Records above this size keep only values of at most 64 bytes (`Error 413`). */
  maxRecordBytes: 1024 * 1024,
  /** Replay returns at most this many stored messages. */
  maxReplayMessages: 25,
  /** Largest WebSocket frame accepted at all; bigger frames close the socket (1009). */
  maxFrameBytes: 16 * 1024 * 1024,
};

/** Connection pool size for authorization checks, subscriptions and RLS filtering. */
export const DB_POOL_SIZE = 5;
