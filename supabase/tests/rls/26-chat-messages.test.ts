import { beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../helpers/env.ts';
import { chatOrg, messagesOf, reply, send, visitorWithConversation, type ChatOrg } from '../helpers/chat.ts';

describe('sending chat messages: size, idempotent retries, text stored verbatim, counters', () => {
  let org: ChatOrg;
  beforeAll(async () => {
    org = await chatOrg('chat-send');
  });

  const conversationRow = async (id: string) => (await admin().from('conversations').select('*').eq('id', id).single()).data!;

  it('refuses a message over 10,000 characters with a readable error and stores nothing', async () => {
    const a = await visitorWithConversation(org);
    const { data, error } = await send(a, a.conversation.id, 'x'.repeat(10_001));
    expect(data).toBeNull();
    expect(error).toMatchObject({ code: 'P0001', message: 'A message can be at most 10,000 characters.' });
    expect(error?.hint).toContain('10001 characters');
    expect(await messagesOf(a.conversation.id)).toEqual([]);
    expect((await send(a, a.conversation.id, 'y'.repeat(10_000))).error).toBeNull();
    const tooLongReply = await reply(org.members.agent, a.conversation.id, 'z'.repeat(10_001));
    expect(tooLongReply.error?.message).toBe('A message can be at most 10,000 characters.');
  });

  it('refuses an empty message', async () => {
    const a = await visitorWithConversation(org);
    expect((await send(a, a.conversation.id, ' \n ')).error?.message).toBe('A message needs text or an attachment.');
  });

  it('a retried send with the same client_message_id stores one message and counts once', async () => {
    const a = await visitorWithConversation(org);
    const clientMessageId = crypto.randomUUID();
    const first = await send(a, a.conversation.id, 'Is this thing on?', { client_message_id: clientMessageId });
    const retry = await send(a, a.conversation.id, 'Is this thing on?', { client_message_id: clientMessageId });
    expect(first.data).toHaveLength(1);
    expect(retry).toMatchObject({ error: null, data: [] });
    const upserted = await a.supabase.from('messages')
      .upsert({ conversation_id: a.conversation.id, sender_type: 'visitor', content: 'Is this thing on?', client_message_id: clientMessageId },
        { onConflict: 'conversation_id,client_message_id', ignoreDuplicates: true });
    expect(upserted.error).toBeNull();
    expect(await messagesOf(a.conversation.id)).toHaveLength(1);
    expect((await conversationRow(a.conversation.id)).agent_unread_count).toBe(1);
  });

  it('stores markup as typed text: <script> round-trips verbatim to visitor and agent', async () => {
    const a = await visitorWithConversation(org);
    const markup = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" \'single\'';
    await send(a, a.conversation.id, markup);
    await reply(org.members.agent, a.conversation.id, markup);
    for (const supabase of [a.supabase, org.members.agent.supabase]) {
      const { data } = await supabase.from('messages').select('content').eq('conversation_id', a.conversation.id);
      expect(data).toEqual([{ content: markup }, { content: markup }]);
    }
  });

  it('keeps counters, last message time and first response time; a visitor\'s message reopens the chat', async () => {
    const a = await visitorWithConversation(org);
    await send(a, a.conversation.id, 'Hello?');
    await send(a, a.conversation.id, 'Anyone?');
    let row = await conversationRow(a.conversation.id);
    expect(row).toMatchObject({ agent_unread_count: 2, visitor_unread_count: 0, first_response_at: null });
    const lastVisible = row.last_message_at;

    await reply(org.members.agent, a.conversation.id, 'Note to self', true);
    row = await conversationRow(a.conversation.id);
    expect(row).toMatchObject({ visitor_unread_count: 0, first_response_at: null, last_message_at: lastVisible });

    const { data: answer } = await reply(org.members.agent, a.conversation.id, 'Hi! How can I help?');
    row = await conversationRow(a.conversation.id);
    expect(row).toMatchObject({ visitor_unread_count: 1, first_response_at: answer![0].created_at });
    expect(answer![0].sender_name).toBe('Support');

    expect((await org.members.agent.supabase.rpc('mark_conversation_read', { conversation_id: a.conversation.id })).data).toBe(2);
    expect((await a.supabase.rpc('mark_conversation_read', { conversation_id: a.conversation.id })).data).toBe(1);
    row = await conversationRow(a.conversation.id);
    expect(row).toMatchObject({ agent_unread_count: 0, visitor_unread_count: 0 });
    const readByVisitor = (await messagesOf(a.conversation.id)).filter((m) => m.read_at !== null).map((m) => m.content);
    expect(readByVisitor.sort()).toEqual(['Anyone?', 'Hello?', 'Hi! How can I help?']);

    await org.members.agent.supabase.from('conversations').update({ status: 'resolved' }).eq('id', a.conversation.id);
    await send(a, a.conversation.id, 'One more thing');
    expect(await conversationRow(a.conversation.id)).toMatchObject({ status: 'open', resolved_at: null });
  });

  it('read receipts are only for the conversation\'s own visitor and staff', async () => {
    const a = await visitorWithConversation(org);
    const b = await visitorWithConversation(org);
    for (const supabase of [b.supabase, org.members.customer.supabase]) {
      const { error } = await supabase.rpc('mark_conversation_read', { conversation_id: a.conversation.id });
      expect(error?.message).toBe('You cannot read this conversation.');
    }
  });
});
