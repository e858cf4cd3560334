import type { RealtimeChannel, RealtimePresenceJoinPayload, RealtimePresenceLeavePayload } from '@supabase/supabase-js';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, Inbox, realtimeClient, subscribed, uniqueName } from './realtime-fixtures.ts';

type Presence = { presence_ref: string; [key: string]: unknown };
type Join = RealtimePresenceJoinPayload<Record<string, unknown>>;
type Leave = RealtimePresenceLeavePayload<Record<string, unknown>>;

const alice = realtimeClient();
const bob = realtimeClient();

afterEach(() => closeAll(alice, bob));

function watch(channel: RealtimeChannel) {
  const syncs = new Inbox<Record<string, Presence[]>>();
  const joins = new Inbox<Join>();
  const leaves = new Inbox<Leave>();
  channel
    .on('presence', { event: 'sync' }, () => syncs.push(channel.presenceState() as Record<string, Presence[]>))
    .on('presence', { event: 'join' }, (payload) => joins.push(payload as Join))
    .on('presence', { event: 'leave' }, (payload) => leaves.push(payload as Leave));
  return { syncs, joins, leaves };
}

describe('Realtime presence', () => {
  it('sends the presence state right after joining, even when nobody is tracked', async () => {
    const channel = alice.channel(uniqueName('room'));
    const { syncs } = watch(channel);
    await subscribed(channel);
    expect(await syncs.next()).toEqual({});
  });

  it('announces track, update and untrack to the other members', async () => {
    const room = uniqueName('room');
    const tracker = alice.channel(room, { config: { presence: { key: 'alice' } } });
    const observer = bob.channel(room, { config: { presence: { key: 'bob' } } });
    const seen = watch(observer);
    await subscribed(tracker);
    await subscribed(observer);

    expect(await tracker.track({ status: 'online' })).toBe('ok');
    const joined = await seen.joins.next((j) => j.key === 'alice');
    expect(joined.newPresences).toEqual([expect.objectContaining({ status: 'online', presence_ref: expect.any(String) })]);
    await seen.syncs.next((state) => state.alice?.length === 1);

    expect(await tracker.track({ status: 'away' })).toBe('ok');
    await seen.syncs.next((state) => state.alice?.[0]?.status === 'away');
    expect(observer.presenceState().alice).toHaveLength(1);

    expect(await tracker.untrack()).toBe('ok');
    const left = await seen.leaves.next((l) => l.key === 'alice' && l.leftPresences[0]?.status === 'away');
    expect(left.currentPresences).toEqual([]);
    await seen.syncs.next((state) => !state.alice);
  });

  it('gives each tracked client its own presence_ref under a shared key', async () => {
    const room = uniqueName('room');
    const first = alice.channel(room, { config: { presence: { key: 'agent' } } });
    const second = bob.channel(room, { config: { presence: { key: 'agent' } } });
    const seen = watch(second);
    await subscribed(first);
    await subscribed(second);

    await first.track({ tab: 1 });
    await second.track({ tab: 2 });
    const state = await seen.syncs.next((s) => s.agent?.length === 2);
    const refs = state.agent.map((meta) => meta.presence_ref);
    expect(new Set(refs).size).toBe(2);
  });

  it('untracks a client whose channel is removed', async () => {
    const room = uniqueName('room');
    const leaving = alice.channel(room, { config: { presence: { key: 'alice' } } });
    const observer = bob.channel(room);
    const seen = watch(observer);
    await subscribed(leaving);
    await subscribed(observer);
    await leaving.track({ status: 'online' });
    await seen.joins.next((j) => j.key === 'alice');

    expect(await alice.removeChannel(leaving)).toBe('ok');
    expect((await seen.leaves.next((l) => l.key === 'alice')).leftPresences).toHaveLength(1);
  });
});
