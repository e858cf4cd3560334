import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';

/** Private-channel subscriptions for the RLS specs, with the broadcasts each one received. */

export interface Broadcast {
  event: string;
  payload: Record<string, unknown>;
}

/** Collects events and waits for the ones a test expects. */
export class Inbox<T> {
  readonly items: T[] = [];
  private readonly waiters: { predicate: (item: T) => boolean; resolve: (item: T) => void }[] = [];

  readonly push = (item: T) => {
    this.items.push(item);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(item)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(item);
      }
    }
  };

  next(predicate: (item: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
    const seen = this.items.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.items)}`)), timeoutMs);
      this.waiters.push({ predicate, resolve: (item) => (clearTimeout(timer), resolve(item)) });
    });
  }

  /** Everything received after waiting `ms` (to show that something did not arrive). */
  async settle(ms = 700): Promise<T[]> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return this.items;
  }
}

export interface Subscription {
  channel: RealtimeChannel;
  messages: Inbox<Broadcast>;
  /** SUBSCRIBED, or CHANNEL_ERROR with the server's reason. */
  status: string;
  error?: string;
}

/**
 * Joins a private topic with the client's current session and reports how the join went. A client
 * keeps one channel per topic, so an earlier subscription to the same topic is left first.
 */
export async function joinPrivate(supabase: SupabaseClient, topic: string): Promise<Subscription> {
  await supabase.realtime.setAuth();
  const earlier = supabase.getChannels().find((channel) => channel.topic === `realtime:${topic}`);
  if (earlier) await supabase.removeChannel(earlier);
  const channel = supabase.channel(topic, { config: { private: true } });
  const messages = new Inbox<Broadcast>();
  channel.on('broadcast', { event: '*' }, (message) => messages.push(message as unknown as Broadcast));
  const outcome = await new Promise<{ status: string; error?: Error }>((resolve) =>
    channel.subscribe((status, error) => resolve({ status, error })),
  );
  if (outcome.status !== 'SUBSCRIBED') await supabase.removeChannel(channel);
  return { channel, messages, status: outcome.status, error: outcome.error?.message };
}
