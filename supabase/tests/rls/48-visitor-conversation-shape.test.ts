import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chatOrg, contactFor, createWidget, reply, send, startConversation, visitor, visitorWithConversation, type ChatOrg,
} from '../helpers/chat.ts';
import { admin } from '../helpers/env.ts';
import { joinPrivate } from '../helpers/realtime.ts';

/**
 * Visitors read their conversations only in the widget's shape (public.visitor_conversations and
 * start_conversation; the same shape on their Realtime topic), never the columns agents triage with,
 * on any REST path; staff read the table as before.
 */
const VISITOR_KEYS = ['created_at', 'csat_rating', 'id', 'last_message_at', 'offline', 'org_id', 'resolved_at', 'status', 'visitor_unread_count'];
const LABEL = 'triage-only-label';

describe('what a visitor sees of a conversation', () => {
  let org: ChatOrg;
  let otherWidgetId: string;
  let teamId: string;
  let a: Awaited<ReturnType<typeof visitorWithConversation>>;
  let b: Awaited<ReturnType<typeof visitorWithConversation>>;
  /** Internal values no visitor response may contain. */
  let triage: string[];

  beforeAll(async () => {
    org = await chatOrg('visitor-shape');
    otherWidgetId = (await createWidget(org.members.admin, org.orgId, { name: 'Other chat' })).id;
    a = await visitorWithConversation(org);
    b = await visitorWithConversation(org);
    const team = await org.members.admin.supabase.from('teams').insert({ org_id: org.orgId, name: 'Escalations' }).select('id').single();
    teamId = team.data!.id;
    await send(a, a.conversation.id, 'Where is my parcel?');
    await reply(org.members.agent, a.conversation.id, 'Checking now.');
    const triaged = await org.members.agent.supabase.from('conversations')
      .update({ assignee_id: org.members.agent.userId, team_id: teamId, priority: 'urgent', labels: [LABEL] })
      .eq('id', a.conversation.id);
    if (triaged.error) throw triaged.error;
    triage = [LABEL, teamId, 'urgent', 'agent_unread_count', 'first_response_at', 'assignee_id'];
  });
  afterAll(async () => {
    await a.supabase.removeAllChannels();
  });

  const leaksNothing = (response: unknown) => {
    const text = JSON.stringify(response);
    for (const value of triage) expect(text, value).not.toContain(value);
  };

  it('a visitor gets no row from the table, not even their own or one they insert; staff still read every column', async () => {
    const all = await a.supabase.from('conversations').select('*');
    expect(all.data).toEqual([]);
    expect((await a.supabase.from('conversations').select('id', { count: 'exact', head: true })).count).toBe(0);
    const returned = await a.supabase.from('conversations').insert({ widget_id: org.widget.id, contact_id: a.contactId }).select();
    expect(returned.error?.code).toBe('42501');
    const staff = await org.members.agent.supabase.from('conversations').select('*').eq('id', a.conversation.id).single();
    expect(staff.data).toMatchObject({
      assignee_id: org.members.agent.userId, team_id: teamId, priority: 'urgent', labels: [LABEL], agent_unread_count: 1,
      contact_id: a.contactId, first_response_at: expect.any(String),
    });
  });

  it('visitor_conversations gives exactly the visitor keys, of the caller\'s own conversations only', async () => {
    const own = await a.supabase.rpc('visitor_conversations', { widget_id: org.widget.id });
    expect(own.data).toHaveLength(1);
    expect(Object.keys(own.data![0]).sort()).toEqual(VISITOR_KEYS);
    const stored = (await admin().from('conversations').select(VISITOR_KEYS.join(', ')).eq('id', a.conversation.id).single()).data;
    expect(own.data![0]).toEqual(stored);
    leaksNothing(own);

    expect((await a.supabase.rpc('visitor_conversations', { conversation_id: a.conversation.id })).data?.map((c) => c.id)).toEqual([a.conversation.id]);
    expect((await a.supabase.rpc('visitor_conversations', { conversation_id: b.conversation.id })).data).toEqual([]);
    expect((await a.supabase.rpc('visitor_conversations', { widget_id: otherWidgetId })).data).toEqual([]);
    expect((await b.supabase.rpc('visitor_conversations')).data?.map((c) => c.id)).toEqual([b.conversation.id]);
    expect((await (await visitor()).supabase.rpc('visitor_conversations')).data).toEqual([]);
  });

  it('no filter on the RPC reaches a column outside the visitor keys', async () => {
    const probe = await a.supabase.rpc('visitor_conversations').eq('priority' as never, 'urgent');
    expect(probe.error?.code).toBe('42703');
    expect(probe.data).toBeNull();
  });

  it('embedding from messages or contacts shows no conversation column', async () => {
    const messages = await a.supabase.from('messages').select('*, conversation:conversations(*)').eq('conversation_id', a.conversation.id);
    expect(messages.data?.map((m) => m.conversation)).toEqual([null, null]);
    leaksNothing(messages);
    const contacts = await a.supabase.from('contacts').select('*, conversations(*)');
    expect(contacts.data?.map((c) => [c.id, c.conversations])).toEqual([[a.contactId, []]]);
    leaksNothing(contacts);
    const inner = await a.supabase.from('contacts').select('id, conversations!inner(id)');
    expect(inner.data).toEqual([]);
  });

  it('the visitor still starts, continues, reads, rates, and gets each change live in the same shape', async () => {
    const who = await visitor();
    const contactId = await contactFor(who, org.widget.widget_key);
    const conversation = await startConversation(who, org.widget.id, contactId);
    expect(Object.keys(conversation).sort()).toEqual(VISITOR_KEYS);
    const live = await joinPrivate(who.supabase, `conversation:${conversation.id}`);
    expect(live.status).toBe('SUBSCRIBED');

    expect((await send(who, conversation.id, 'Hello?')).error).toBeNull();
    expect((await reply(org.members.agent, conversation.id, 'Hi there!')).error).toBeNull();
    const unread = await live.messages.next((m) => m.event === 'conversation_changed' && m.payload.visitor_unread_count === 1);
    expect(Object.keys(unread.payload).sort()).toEqual(VISITOR_KEYS);
    expect((await who.supabase.rpc('mark_conversation_read', { conversation_id: conversation.id })).data).toBe(1);

    await org.members.agent.supabase.from('conversations').update({ status: 'resolved', labels: [LABEL] }).eq('id', conversation.id);
    const resolved = await live.messages.next((m) => m.event === 'conversation_changed' && m.payload.status === 'resolved');
    expect(Object.keys(resolved.payload).sort()).toEqual(VISITOR_KEYS);
    expect((await who.supabase.rpc('submit_csat', { conversation_id: conversation.id, rating: 5, comment: 'Thanks' })).error).toBeNull();
    const [seen] = (await who.supabase.rpc('visitor_conversations', { conversation_id: conversation.id })).data!;
    expect(seen).toMatchObject({ status: 'resolved', csat_rating: 5, visitor_unread_count: 0, resolved_at: expect.any(String) });
    leaksNothing(await live.messages.settle());
    await who.supabase.removeAllChannels();
  });
});
