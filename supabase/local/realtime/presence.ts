/**
 * Presence per topic, shaped like Phoenix.Presence: a state `{key: {metas: [...]}}` where every
 * meta carries a unique `phx_ref`, and `presence_diff` messages `{joins, leaves}` to every member.
 * Each joined channel tracks at most one meta under its presence key.
 */
import { randomBytes } from 'node:crypto';
import type { Hub, TopicAddress } from './hub.ts';
import { topicKey } from './hub.ts';
import type { JsonObject } from './protocol/json.ts';

interface Tracked {
  key: string;
  meta: JsonObject;
  payloadText: string;
}

const newRef = () => randomBytes(8).toString('base64');

function group(entries: Iterable<{ key: string; meta: JsonObject }>): JsonObject {
  const grouped: Record<string, { metas: JsonObject[] }> = {};
  for (const { key, meta } of entries) (grouped[key] ??= { metas: [] }).metas.push(meta);
  return grouped;
}

export class PresenceRegistry {
  private readonly topics = new Map<string, Map<object, Tracked>>();

  constructor(private readonly hub: Hub) {}

  /** Tracks or updates `owner`'s meta; false when the payload is unchanged (nothing to announce). */
  track(address: TopicAddress, owner: object, key: string, payload: JsonObject): boolean {
    const entries = this.entries(address, true);
    const previous = entries.get(owner);
    const payloadText = JSON.stringify(payload);
    if (previous?.payloadText === payloadText) return false;
    const meta: JsonObject = { ...payload, phx_ref: newRef() };
    if (previous) meta.phx_ref_prev = previous.meta.phx_ref;
    entries.set(owner, { key, meta, payloadText });
    const leaves = previous ? group([previous]) : {};
    this.hub.presenceDiff(address, { joins: group([{ key, meta }]), leaves });
    return true;
  }

  untrack(address: TopicAddress, owner: object) {
    const entries = this.entries(address, false);
    const previous = entries?.get(owner);
    if (!entries || !previous) return;
    entries.delete(owner);
    if (entries.size === 0) this.topics.delete(topicKey(address));
    this.hub.presenceDiff(address, { joins: {}, leaves: group([previous]) });
  }

  state(address: TopicAddress): JsonObject {
    return group(this.entries(address, false)?.values() ?? []);
  }

  private entries(address: TopicAddress, create: true): Map<object, Tracked>;
  private entries(address: TopicAddress, create: false): Map<object, Tracked> | undefined;
  private entries(address: TopicAddress, create: boolean) {
    const key = topicKey(address);
    let entries = this.topics.get(key);
    if (!entries && create) this.topics.set(key, (entries = new Map()));
    return entries;
  }
}
