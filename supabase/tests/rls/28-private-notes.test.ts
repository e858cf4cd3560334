import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Inbox } from '../conformance/realtime-fixtures.ts';
import { chatOrg, reply, visitorWithConversation, type ChatOrg } from '../helpers/chat.ts';
import { joinPrivate, type Broadcast } from '../helpers/realtime.ts';

const NOTE = 'NOTE: refund abuse suspected';

describe('private notes never reach the visitor: not by REST, Realtime or Storage', () => {
  let org: ChatOrg;
  let a: Awaited<ReturnType<typeof visitorWithConversation>>;
  let noteFile: string;
  const startedAt = Date.now();

  beforeAll(async () => {
    org = await chatOrg('chat-notes');
    a = await visitorWithConversation(org);
    noteFile = `${org.orgId}/${a.conversation.id}/${crypto.randomUUID()}-evidence.png`;
    const uploaded = await org.members.agent.supabase.storage.from('chat-attachments')
      .upload(noteFile, new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }));
    if (uploaded.error) throw uploaded.error;
    await reply(org.members.agent, a.conversation.id, 'Happy to help!');
    const note = await org.members.agent.supabase.from('messages')
      .insert({ conversation_id: a.conversation.id, sender_type: 'agent', is_private: true, content: NOTE, attachments: [{ path: noteFile }] });
    if (note.error) throw note.error;
  });

  afterAll(async () => {
    await a.supabase.removeAllChannels();
  });

  it('REST: no filter, embedding or count shows the visitor a note', async () => {
    const all = await a.supabase.from('messages').select('content, is_private').eq('conversation_id', a.conversation.id);
    expect(all.data).toEqual([{ content: 'Happy to help!', is_private: false }]);
    expect((await a.supabase.from('messages').select('id').eq('is_private', true)).data).toEqual([]);
    const embedded = await a.supabase.from('messages').select('content, conversation:conversations(messages(content))').eq('conversation_id', a.conversation.id);
    expect(embedded.data).toEqual([{ content: 'Happy to help!', conversation: null }]);
    const counted = await a.supabase.from('messages').select('*', { count: 'exact', head: true }).eq('conversation_id', a.conversation.id);
    expect(counted.count).toBe(1);
    const staffView = await org.members.agent.supabase.from('messages').select('content').eq('conversation_id', a.conversation.id);
    expect(staffView.data?.map((m) => m.content)).toContain(NOTE);
  });

  it('REST: a note changes nothing the visitor sees on the conversation', async () => {
    const seen = async () => (await a.supabase.rpc('visitor_conversations', { conversation_id: a.conversation.id })).data;
    const before = await seen();
    await reply(org.members.agent, a.conversation.id, 'Second note', true);
    expect(before).toHaveLength(1);
    expect(await seen()).toEqual(before);
  });

  it('Realtime: live on the visitor topic, and in its replay, only the reply arrives', async () => {
    const live = await joinPrivate(a.supabase, `conversation:${a.conversation.id}`);
    expect(live.status).toBe('SUBSCRIBED');
    await reply(org.members.agent, a.conversation.id, 'Another note', true);
    await reply(org.members.agent, a.conversation.id, 'Anything else?');
    await live.messages.next((m) => m.payload.content === 'Anything else?');
    const received = JSON.stringify(await live.messages.settle());
    expect(received).not.toContain('Another note');
    expect(received).not.toContain(NOTE);
    await a.supabase.removeChannel(live.channel);

    const replayed = new Inbox<Broadcast>();
    const channel = a.supabase.channel(`conversation:${a.conversation.id}`, {
      config: { private: true, broadcast: { replay: { since: startedAt, limit: 25 } } },
    });
    channel.on('broadcast', { event: '*' }, (m) => replayed.push(m as unknown as Broadcast));
    await new Promise((resolve) => channel.subscribe((status) => status === 'SUBSCRIBED' && resolve(status)));
    await replayed.next((m) => m.payload.content === 'Happy to help!');
    const contents = (await replayed.settle()).map((m) => m.payload.content).filter(Boolean);
    expect(contents).toEqual(['Happy to help!', 'Anything else?']);
    await a.supabase.removeChannel(channel);
  });

  it('Storage: the note\'s file stays with staff', async () => {
    expect((await a.supabase.storage.from('chat-attachments').download(noteFile)).data).toBeNull();
    const signed = await a.supabase.storage.from('chat-attachments').createSignedUrl(noteFile, 60);
    expect(signed.data).toBeNull();
    const listed = await a.supabase.storage.from('chat-attachments').list(`${org.orgId}/${a.conversation.id}`);
    expect(listed.data?.map((f) => f.name) ?? []).not.toContain(noteFile.split('/').pop());
    expect((await org.members.agent.supabase.storage.from('chat-attachments').download(noteFile)).data).not.toBeNull();
  });
});
