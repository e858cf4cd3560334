/**
 * The postgres_changes part of a join. With `postgres_changes_options.wait` the join reply waits
 * until the subscription is live (or fails it); without, the reply goes out promptly and a `system`
 * message reports the outcome, "Subscribed to PostgreSQL" or the reason it failed.
 */
import { prepareBindings, replyBindings, subscribeChanges } from './changes/subscribe.ts';
import type { Channel } from './channel.ts';
import { describeDatabaseError } from './database.ts';
import type { JoinPayload } from './join-payload.ts';
import type { JsonObject } from './protocol/json.ts';
import { SETTINGS } from './settings.ts';

/** Without `wait`, how long the reply may wait for a (normally instant) subscription. */
const PROMPT_REPLY_MS = 3000;

export interface ChangesJoin {
  replyBindings: JsonObject[];
  /** Set when the join must be refused (only with `wait`). */
  refusal?: string;
  /** Sends the subscription's `system` message, now or once it settles. */
  announce(): void;
}

/** A subscription is live once registered and replication is streaming (it restarts after failures). */
async function untilReplicating(channel: Channel) {
  while (channel.context.replicationStatus() !== 'streaming' && !channel.closed) await new Promise((resolve) => setTimeout(resolve, 50));
}

type Settled<T> = { settled: true; value: T } | { settled: false };

function within<T>(promise: Promise<T>, ms: number): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Settled<T>>((resolve) => (timer = setTimeout(() => resolve({ settled: false }), ms)));
  const settled = promise.then((value): Settled<T> => ({ settled: true, value }));
  return Promise.race([settled, timeout]).finally(() => clearTimeout(timer));
}

export async function subscribeToChanges(channel: Channel, join: JoinPayload): Promise<ChangesJoin> {
  const prepared = prepareBindings(join.config.postgres_changes);
  if (prepared.length === 0) return { replyBindings: [], announce: () => undefined };
  const { registry } = channel.context.changes;
  const problem = subscribeChanges(channel.context.changes, channel, prepared)
    .catch((err: unknown) => `Unable to subscribe to changes with given parameters. Exception: ${describeDatabaseError(err)}`)
    .then(async (outcome) => {
      if (!outcome) await untilReplicating(channel);
      if (channel.closed) registry.remove(channel);
      return outcome;
    });
  const options = join.config.postgres_changes_options;
  const wait = options?.wait === true;
  const waitMs = Math.min(options?.timeout ?? SETTINGS.defaultSubscribeWaitMs, SETTINGS.maxSubscribeWaitMs);
  const outcome = await within(problem, wait ? waitMs : PROMPT_REPLY_MS);
  const report = (message: string | null) =>
    channel.pushSystem('postgres_changes', message ? 'error' : 'ok', message ?? 'Subscribed to PostgreSQL');
  const joined: ChangesJoin = {
    replyBindings: replyBindings(prepared),
    announce: () => (outcome.settled ? report(outcome.value) : void problem.then(report)),
  };
  if (wait && !outcome.settled) {
    joined.refusal = `PostgresChangesSubscribeTimeout: Subscribing to database changes took longer than ${waitMs} ms`;
  } else if (wait && outcome.settled && outcome.value) {
    joined.refusal = `RealtimeDisabledForConfiguration: ${outcome.value}`;
  }
  return joined;
}
