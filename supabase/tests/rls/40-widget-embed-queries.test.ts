import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonChat, chatOrg, reply, send, visitor, visitorWithConversation, type ChatOrg } from '../helpers/chat.ts';
import { IS_LOCAL } from '../helpers/env.ts';
import { joinPrivate } from '../helpers/realtime.ts';

/**
 * The exact reads and writes the chat frame (src/embed) makes as a visitor, each shown to work for the
 * conversation's visitor and to give nothing to another visitor: resuming the latest conversation,
 * starting one, catching up from a time after a reconnect, sending with the stored row returned,
 * retrying a send, signing attachment URLs and typing on the conversation topic.
 */
const png = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: 'image/png' });

describe('the chat frame\'s queries as a visitor', () => {
  let org: ChatOrg;
  let a: Awaited<ReturnType<typeof visitorWithConversation>>;
  let b: Awaited<ReturnType<typeof visitorWithConversation>>;

  beforeAll(async () => {
    org = await chatOrg('embed-queries');
    a = await visitorWithConversation(org);
    b = await visitorWithConversation(org);
  });
  afterAll(async () => {
    await Promise.all([a, b, org.members.agent].map((who) => who.supabase.removeAllChannels()));
  });

  const latestFor = async (who: { supabase: typeof a.supabase }) =>
    (await who.supabase.rpc('visitor_conversations', { widget_id: org.widget.id }).order('created_at', { ascending: false }).limit(1))
      .data?.map(({ id, org_id, status }) => ({ id, org_id, status }));

  it('resumes only the visitor\'s own latest conversation of the widget', async () => {
    expect(await latestFor(a)).toEqual([{ id: a.conversation.id, org_id: org.orgId, status: 'open' }]);
    expect(await latestFor(b)).toEqual([{ id: b.conversation.id, org_id: org.orgId, status: 'open' }]);
    expect(await latestFor(await visitor())).toEqual([]);
  });

  it('starts a conversation and gets it back in the visitor\'s shape', async () => {
    const started = await a.supabase.rpc('start_conversation', { widget_id: org.widget.id, contact_id: a.contactId });
    expect(started.data).toMatchObject({ org_id: org.orgId, status: 'open', offline: false, visitor_unread_count: 0 });
    expect(await latestFor(a)).toEqual([{ id: started.data!.id, org_id: org.orgId, status: 'open' }]);
  });

  it('catches up from the newest message it has, without private notes, and nothing of other conversations', async () => {
    await send(a, a.conversation.id, 'first');
    const { data: [boundary] } = await send(a, a.conversation.id, 'second') as { data: { created_at: string }[] };
    await reply(org.members.agent, a.conversation.id, 'a reply while you were away');
    await reply(org.members.agent, a.conversation.id, 'internal: VIP customer', true);
    const catchUp = (who: typeof a) => who.supabase.from('messages').select('content')
      .eq('conversation_id', a.conversation.id).gte('created_at', boundary.created_at).order('created_at');
    expect((await catchUp(a)).data).toEqual([{ content: 'second' }, { content: 'a reply while you were away' }]);
    expect((await catchUp(b)).data).toEqual([]);
  });

  it('returns the stored message on send, and nothing new for a retried send', async () => {
    const clientMessageId = crypto.randomUUID();
    const first = await send(a, a.conversation.id, 'sent once', { client_message_id: clientMessageId });
    expect(first.data).toMatchObject([{ content: 'sent once', sender_type: 'visitor', client_message_id: clientMessageId }]);
    const retry = await send(a, a.conversation.id, 'sent once', { client_message_id: clientMessageId });
    expect(retry.error).toBeNull();
    expect(retry.data).toEqual([]);
    const intrusion = await send(b, a.conversation.id, 'hello from B', { client_message_id: crypto.randomUUID() });
    expect(intrusion.error?.code).toBe('42501');
  });

  it('signs attachment URLs for the conversation\'s visitor only', async () => {
    const path = `${org.orgId}/${a.conversation.id}/${crypto.randomUUID()}-photo.png`;
    expect((await a.supabase.storage.from('chat-attachments').upload(path, png())).error).toBeNull();
    expect((await send(a, a.conversation.id, '', { attachments: [{ path }] })).error).toBeNull();
    const signed = await a.supabase.storage.from('chat-attachments').createSignedUrl(path, 60);
    expect(signed.error).toBeNull();
    expect((await fetch(signed.data!.signedUrl)).status).toBe(200);
    expect((await b.supabase.storage.from('chat-attachments').createSignedUrl(path, 60)).error).not.toBeNull();
    expect((await anonChat().storage.from('chat-attachments').createSignedUrl(path, 60)).error).not.toBeNull();
  });

  it('carries typing both ways on the conversation topic, and lets no other visitor listen', async () => {
    const topic = `conversation:${a.conversation.id}`;
    const visitorSide = await joinPrivate(a.supabase, topic);
    const agentSide = await joinPrivate(org.members.agent.supabase, topic);
    expect([visitorSide.status, agentSide.status]).toEqual(['SUBSCRIBED', 'SUBSCRIBED']);
    await visitorSide.channel.send({ type: 'broadcast', event: 'typing', payload: { typing: true, sender_type: 'visitor' } });
    expect((await agentSide.messages.next((m) => m.event === 'typing')).payload).toMatchObject({ typing: true, sender_type: 'visitor' });
    await agentSide.channel.send({ type: 'broadcast', event: 'typing', payload: { typing: true, sender_type: 'agent' } });
    expect((await visitorSide.messages.next((m) => m.event === 'typing')).payload).toMatchObject({ sender_type: 'agent' });
    expect((await joinPrivate(b.supabase, topic)).status).not.toBe('SUBSCRIBED');
  });

  it.runIf(IS_LOCAL)('seeds the demo site\'s widget for Acme, allowed on 127.0.0.1 and localhost', async () => {
    const { data } = await anonChat().rpc('get_widget_config', { widget_key: 'wk_demo_acme_website_chat' });
    expect(data).toMatchObject([{ org_name: 'Acme Support', allowed_domains: expect.arrayContaining(['127.0.0.1', 'localhost']) }]);
    expect(data![0].prechat_fields).toEqual([
      { key: 'name', label: 'Your name', type: 'text', required: false },
      { key: 'email', label: 'Your email', type: 'email', required: true },
    ]);
  });
});
