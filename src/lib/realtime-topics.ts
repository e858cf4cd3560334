import type { RealtimeChannel } from '@supabase/supabase-js';
import { supabase } from './supabase.ts';

type Listener = (event: string, payload: Record<string, unknown>) => void;

interface Joined {
  channel: RealtimeChannel;
  listeners: Set<Listener>;
  ready: Promise<RealtimeChannel>;
}

/**
 * supabase-js keeps one channel per topic, so components that listen to the same private topic share
 * it: the first listener joins, the last one to leave closes it (a moment later, so that a remount
 * keeps the channel instead of re-joining).
 */
const joined = new Map<string, Joined>();

function join(topic: string): Joined {
  const channel = supabase.channel(topic, { config: { private: true } });
  const listeners = new Set<Listener>();
  channel.on('broadcast', { event: '*' }, (message) => {
    for (const listener of listeners) listener(message.event, (message.payload ?? {}) as Record<string, unknown>);
  });
  const ready = supabase.realtime.setAuth().then(
    () =>
      new Promise<RealtimeChannel>((resolve) => {
        channel.subscribe((status) => {
          if (status === 'SUBSCRIBED') resolve(channel);
        });
      }),
  );
  return { channel, listeners, ready };
}

/** Listens to a private topic; returns the joined channel (for sending) and a function that stops listening. */
export function listen(topic: string, listener: Listener): { ready: Promise<RealtimeChannel>; stop: () => void } {
  const entry = joined.get(topic) ?? join(topic);
  joined.set(topic, entry);
  entry.listeners.add(listener);
  return {
    ready: entry.ready,
    stop: () => {
      entry.listeners.delete(listener);
      setTimeout(() => {
        if (entry.listeners.size || joined.get(topic) !== entry) return;
        joined.delete(topic);
        void supabase.removeChannel(entry.channel);
      }, 1000);
    },
  };
}
