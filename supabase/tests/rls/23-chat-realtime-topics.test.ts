import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../helpers/env.ts';
import { chatOrg, otherOrgOwner, reply, send, visitorWithConversation, type ChatOrg } from '../helpers/chat.ts';
import { joinPrivate, type Broadcast } from '../helpers/realtime.ts';

type Who = 'owner' | 'admin' | 'agent' | 'customer' | 'other org' | 'visitor A' | 'visitor B' | 'anon';
type Topic = 'visitor' | 'staff' | 'inbox' | 'agents';

describe('chat over Realtime: private topics for the conversation\'s visitor and the organization\'s staff', () => {
  let org: ChatOrg;
  let a: Awaited<ReturnType<typeof visitorWithConversation>>;
  let as: Record<Who, SupabaseClient>;
  let topics: Record<Topic, string>;

  beforeAll(async () => {
    org = await chatOrg('chat-realtime');
    const other = await otherOrgOwner('chat-realtime');
    a = await visitorWithConversation(org);
    const b = await visitorWithConversation(org);
    as = {
      owner: org.members.owner.supabase, admin: org.members.admin.supabase, agent: org.members.agent.supabase,
      customer: org.members.customer.supabase, 'other org': other.supabase,
      'visitor A': a.supabase, 'visitor B': b.supabase, anon: client(),
    };
    topics = {
      visitor: `conversation:${a.conversation.id}`,
      staff: `conversation:${a.conversation.id}:staff`,
      inbox: `org:${org.orgId}:inbox`,
      agents: `org:${org.orgId}:agents`,
    };
  });

  afterAll(async () => {
    await Promise.all(Object.values(as).map((supabase) => supabase.removeAllChannels()));
  });

  const none = { visitor: false, staff: false, inbox: false, agents: false };
  const all = { visitor: true, staff: true, inbox: true, agents: true };
  const expected: Record<Who, Record<Topic, boolean>> = {
    owner: all, admin: all, agent: all, customer: none, 'other org': none,
    'visitor A': { ...none, visitor: true }, 'visitor B': none, anon: none,
  };

  it.each(Object.keys(expected) as Who[])('%s joins exactly the topics they may read', async (who) => {
    const outcomes = await Promise.all((Object.keys(topics) as Topic[]).map(async (topic) => {
      const joined = await joinPrivate(as[who], topics[topic]);
      await as[who].removeChannel(joined.channel);
      if (joined.status !== 'SUBSCRIBED') expect(joined.error, `${who} on ${topic}`).toContain('Unauthorized');
      return [topic, joined.status === 'SUBSCRIBED'] as const;
    }));
    expect(Object.fromEntries(outcomes)).toEqual(expected[who]);
  });

  it('visitor A receives replies live with visitor-safe fields only, and never the private note', async () => {
    const visitorSide = await joinPrivate(as['visitor A'], topics.visitor);
    const staffSide = await joinPrivate(as.agent, topics.staff);
    expect([visitorSide.status, staffSide.status]).toEqual(['SUBSCRIBED', 'SUBSCRIBED']);

    await reply(org.members.agent, a.conversation.id, 'Refund is on its way', true);
    await reply(org.members.agent, a.conversation.id, 'Your parcel left the warehouse');

    const delivered = await visitorSide.messages.next((m) => m.event === 'message_created');
    expect(delivered.payload).toMatchObject({ content: 'Your parcel left the warehouse', sender_type: 'agent' });
    expect(Object.keys(delivered.payload).sort()).toEqual([
      'attachments', 'client_message_id', 'content', 'conversation_id', 'created_at', 'delivered_at', 'id', 'read_at',
      'sender_name', 'sender_type',
    ]);
    const note = await staffSide.messages.next((m) => m.event === 'message_created' && m.payload.is_private === true);
    expect(note.payload.content).toBe('Refund is on its way');
    expect(JSON.stringify(await visitorSide.messages.settle())).not.toContain('Refund');
  });

  it('visitor and agents exchange typing broadcasts on the visitor topic', async () => {
    const visitorSide = await joinPrivate(as['visitor A'], topics.visitor);
    const agentSide = await joinPrivate(as.agent, topics.visitor);
    await visitorSide.channel.send({ type: 'broadcast', event: 'typing', payload: { typing: true } });
    expect((await agentSide.messages.next((m: Broadcast) => m.event === 'typing')).payload).toEqual({ typing: true });
    await agentSide.channel.send({ type: 'broadcast', event: 'typing', payload: { typing: 'agent' } });
    expect((await visitorSide.messages.next((m: Broadcast) => m.payload.typing === 'agent')).event).toBe('typing');
  });

  it('the inbox hears about new conversations and messages; the agents topic about availability', async () => {
    const inbox = await joinPrivate(as.agent, topics.inbox);
    const agents = await joinPrivate(as.admin, topics.agents);
    const c = await visitorWithConversation(org);
    const created = await inbox.messages.next((m) => m.event === 'conversation_changed' && m.payload.operation === 'INSERT');
    expect((created.payload.conversation as { id: string }).id).toBe(c.conversation.id);
    await send(c, c.conversation.id, 'Anyone there?');
    await inbox.messages.next((m) => m.payload.operation === 'UPDATE'
      && (m.payload.conversation as { agent_unread_count: number }).agent_unread_count === 1);

    await org.members.manager.supabase.from('memberships').update({ availability: 'away' }).eq('user_id', org.members.manager.userId);
    const changed = await agents.messages.next((m) => m.event === 'availability_changed');
    expect(changed.payload).toMatchObject({ user_id: org.members.manager.userId, availability: 'away' });
  });
});
