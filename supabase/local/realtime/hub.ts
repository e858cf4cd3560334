/**
 * Who is joined to which topic, and fan-out to them. Public and private channels of the same name
 * are different topics. Each message is encoded at most once per serializer, however many
 * members receive it.
 */
import type { Json } from './protocol/json.ts';
import { encodeBroadcast, encodeText, type BroadcastBody, type Vsn } from './protocol/serializer.ts';

export interface TopicAddress {
  subTopic: string;
  isPrivate: boolean;
}

export interface TopicMember {
  readonly vsn: Vsn;
  /** `encoded` returns the frame for this member's serializer (null when it cannot carry it). */
  receiveBroadcast(body: BroadcastBody, encoded: () => string | Buffer | null): void;
  receivePresenceDiff(encoded: string): void;
}

export const topicKey = ({ subTopic, isPrivate }: TopicAddress) => `${isPrivate ? 'private' : 'public'}:${subTopic}`;
export const clientTopic = (subTopic: string) => `realtime:${subTopic}`;

function perSerializer<T>(encode: (vsn: Vsn) => T): (vsn: Vsn) => T {
  const cache = new Map<Vsn, T>();
  return (vsn) => {
    if (!cache.has(vsn)) cache.set(vsn, encode(vsn));
    return cache.get(vsn) as T;
  };
}

export class Hub {
  private readonly topics = new Map<string, Set<TopicMember>>();

  join(address: TopicAddress, member: TopicMember) {
    const key = topicKey(address);
    let members = this.topics.get(key);
    if (!members) this.topics.set(key, (members = new Set()));
    members.add(member);
  }

  leave(address: TopicAddress, member: TopicMember) {
    const key = topicKey(address);
    const members = this.topics.get(key);
    members?.delete(member);
    if (members?.size === 0) this.topics.delete(key);
  }

  memberCount(address: TopicAddress): number {
    return this.topics.get(topicKey(address))?.size ?? 0;
  }

  broadcast(address: TopicAddress, body: BroadcastBody, except?: TopicMember) {
    const members = this.topics.get(topicKey(address));
    if (!members) return;
    const encodedFor = perSerializer((vsn) => encodeBroadcast(vsn, clientTopic(address.subTopic), body));
    for (const member of members) {
      if (member !== except) member.receiveBroadcast(body, () => encodedFor(member.vsn));
    }
  }

  presenceDiff(address: TopicAddress, diff: Json) {
    const members = this.topics.get(topicKey(address));
    if (!members) return;
    const topic = clientTopic(address.subTopic);
    const encodedFor = perSerializer((vsn) =>
      encodeText(vsn, { joinRef: null, ref: null, topic, event: 'presence_diff', payload: diff }),
    );
    for (const member of members) member.receivePresenceDiff(encodedFor(member.vsn));
  }
}
