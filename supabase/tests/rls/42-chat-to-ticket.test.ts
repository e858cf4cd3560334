import { beforeAll, describe, expect, it } from 'vitest';
import { anonChat, chatOrg, messagesOf, otherOrgOwner, reply, send, visitorWithConversation, type ChatOrg } from '../helpers/chat.ts';
import { admin } from '../helpers/env.ts';
import type { RoleKey } from '../helpers/org.ts';

const NOTE = 'NOTE: VIP, refund approved by finance';
const XSS = '<img src=x onerror=alert(1)> my order #42 never arrived';

type Visit = Awaited<ReturnType<typeof visitorWithConversation>>;

async function chatWithNote(org: ChatOrg): Promise<Visit> {
  const visit = await visitorWithConversation(org);
  await send(visit, visit.conversation.id, XSS);
  await reply(org.members.agent, visit.conversation.id, 'Sorry about that, checking now.');
  const note = await reply(org.members.agent, visit.conversation.id, NOTE, true);
  if (note.error) throw note.error;
  return visit;
}

const convert = (who: { supabase: Visit['supabase'] }, conversationId: string, extra: { subject?: string; priority?: 'low' | 'medium' | 'high' | 'urgent' } = {}) =>
  who.supabase.rpc('convert_conversation_to_ticket', { conversation_id: conversationId, ...extra }).maybeSingle();

describe('turning a chat into a ticket', () => {
  let org: ChatOrg;
  let visit: Visit;

  beforeAll(async () => {
    org = await chatOrg('chat-ticket');
    visit = await chatWithNote(org);
  });

  it('creates the ticket from the public transcript, with the notes as an internal note, linked both ways', async () => {
    const { data: ticket, error } = await convert(org.members.agent, visit.conversation.id, { priority: 'high' });
    expect(error).toBeNull();
    expect(ticket).toMatchObject({
      org_id: org.orgId, priority: 'high', subject: XSS, source_conversation_id: visit.conversation.id,
      contact_id: visit.contactId, requester_id: org.members.agent.userId, created_by: org.members.agent.userId,
    });
    expect(ticket!.description).toContain(`(visitor): ${XSS}`);
    expect(ticket!.description).toContain('Sorry about that, checking now.');
    expect(ticket!.description).not.toContain(NOTE);

    const comments = (await admin().from('ticket_comments').select('body, is_internal').eq('ticket_id', ticket!.id)).data;
    expect(comments).toHaveLength(1);
    expect(comments![0].is_internal).toBe(true);
    expect(comments![0].body).toContain(NOTE);

    const conversation = (await org.members.agent.supabase.from('conversations').select('ticket_id').eq('id', visit.conversation.id).single()).data;
    expect(conversation?.ticket_id).toBe(ticket!.id);
    const events = (await org.members.agent.supabase.from('ticket_events').select('kind, after').eq('ticket_id', ticket!.id)).data;
    expect(events?.map((e) => e.kind)).toEqual(expect.arrayContaining(['ticket.created', 'ticket.created_from_chat']));
  });

  it('tells the visitor the ticket number in the chat, and nothing internal', async () => {
    const ticket = (await admin().from('tickets').select('number').eq('source_conversation_id', visit.conversation.id).single()).data!;
    const seen = (await visit.supabase.from('messages').select('sender_type, sender_id, content').eq('conversation_id', visit.conversation.id).order('created_at')).data!;
    const notice = seen.at(-1)!;
    expect(notice).toMatchObject({ sender_type: 'system', sender_id: null });
    expect(notice.content).toContain(ticket.number);
    expect(JSON.stringify(seen)).not.toContain(NOTE);
    expect((await visit.supabase.from('tickets').select('id')).data).toEqual([]);
    expect((await visit.supabase.from('conversations').select('ticket_id')).data).toEqual([]);
    const own = (await visit.supabase.rpc('visitor_conversations', { conversation_id: visit.conversation.id })).data!;
    expect(own.map((c) => c.id)).toEqual([visit.conversation.id]);
    expect(own[0]).not.toHaveProperty('ticket_id');
  });

  it('posts that notice through a permit for that one conversation: callers still cannot post system messages', async () => {
    for (const member of [org.members.agent, org.members.owner]) {
      const { error } = await member.supabase.from('messages').insert({ conversation_id: visit.conversation.id, sender_type: 'system', content: 'Forged notice' });
      expect(error?.message).toContain('Only the server posts bot and system messages.');
    }
    const { error } = await visit.supabase.from('messages').insert({ conversation_id: visit.conversation.id, sender_type: 'system', content: 'Forged notice' });
    expect(error).not.toBeNull();
    expect(JSON.stringify(await messagesOf(visit.conversation.id))).not.toContain('Forged notice');
  });

  it('is idempotent: converting again (even by someone else) returns the same ticket and posts nothing', async () => {
    const first = (await admin().from('tickets').select('id').eq('source_conversation_id', visit.conversation.id)).data!;
    const before = (await messagesOf(visit.conversation.id)).length;
    const again = await convert(org.members.owner, visit.conversation.id, { subject: 'Another subject' });
    expect(again.data?.id).toBe(first[0].id);
    expect((await admin().from('tickets').select('id').eq('source_conversation_id', visit.conversation.id)).data).toHaveLength(1);
    expect(await messagesOf(visit.conversation.id)).toHaveLength(before);
  });

  it('lets every chat agent role convert, and nobody else', async () => {
    for (const role of ['owner', 'admin', 'manager'] as RoleKey[]) {
      const chat = await visitorWithConversation(org);
      await send(chat, chat.conversation.id, `Help from ${role}'s visitor`);
      const { data, error } = await convert(org.members[role], chat.conversation.id);
      expect(error, role).toBeNull();
      expect(data?.subject, role).toBe(`Help from ${role}'s visitor`);
    }

    const chat = await chatWithNote(org);
    const other = await otherOrgOwner('chat-ticket');
    const refusals: [string, Visit['supabase']][] = [
      ['requester', org.members.requester.supabase], ['customer', org.members.customer.supabase],
      ['owner of another organization', other.supabase], ['the conversation\'s own visitor', chat.supabase],
      ['another visitor', visit.supabase],
    ];
    for (const [who, supabase] of refusals) {
      const { data, error } = await convert({ supabase }, chat.conversation.id);
      expect(error?.code, who).toBe('42501');
      expect(data, who).toBeNull();
    }
    expect((await convert({ supabase: anonChat() }, chat.conversation.id)).error?.code).toBe('42501');
    expect((await admin().from('tickets').select('id').eq('source_conversation_id', chat.conversation.id)).data).toEqual([]);
    expect((await admin().from('conversations').select('ticket_id').eq('id', chat.conversation.id).single()).data?.ticket_id).toBeNull();
  });

  it('refuses a bad subject readably and stores nothing', async () => {
    const chat = await chatWithNote(org);
    const { error } = await convert(org.members.agent, chat.conversation.id, { subject: 'x'.repeat(201) });
    expect(error?.code).toBe('P0001');
    expect(error?.message).toBe('The subject must be 1–200 characters.');
    expect((await admin().from('tickets').select('id').eq('source_conversation_id', chat.conversation.id)).data).toEqual([]);
    expect(await messagesOf(chat.conversation.id)).toHaveLength(3);
  });

  it('shortens an oversized transcript to the ticket limit, and names an empty chat after its visitor', async () => {
    const long = await visitorWithConversation(org);
    for (const letter of ['a', 'b', 'c']) await send(long, long.conversation.id, letter.repeat(9000));
    const { data: big, error } = await convert(org.members.agent, long.conversation.id);
    expect(error).toBeNull();
    expect(big!.description.length).toBeLessThanOrEqual(20000);
    expect(big!.description).toMatch(/\[Transcript shortened: the whole conversation stays in the inbox\.\]$/);
    expect(big!.subject).toBe('a'.repeat(120));

    const quiet = await visitorWithConversation(org);
    const { data: empty } = await convert(org.members.agent, quiet.conversation.id);
    expect(empty!.subject).toBe('Chat with a visitor');
    expect(empty!.description).toContain('(no messages)');
  });

  it('clients cannot set the links themselves', async () => {
    const chat = await visitorWithConversation(org);
    const ticket = (await admin().from('tickets').select('id').eq('source_conversation_id', visit.conversation.id).single()).data!;
    const hijack = await org.members.admin.supabase.from('conversations').update({ ticket_id: ticket.id } as never).eq('id', chat.conversation.id);
    expect(hijack.error?.code).toBe('42501');
    const relink = await org.members.admin.supabase.from('tickets').update({ source_conversation_id: chat.conversation.id } as never).eq('id', ticket.id);
    expect(relink.error?.code).toBe('42501');
  });
});

describe('saved replies rendered for a conversation', () => {
  it('fills in the contact, the agent and the organization for chat staff; visitors get nothing', async () => {
    const org = await chatOrg('chat-saved');
    const visit = await visitorWithConversation(org);
    await admin().from('contacts').update({ name: 'Ada <b>Lovelace</b>' }).eq('id', visit.contactId);
    const saved = (await org.members.agent.supabase.from('saved_replies')
      .insert({ org_id: org.orgId, owner_id: org.members.agent.userId, title: 'Hello', body: 'Hi {{customer.name}}, {{org.name}} here. {{ticket.number}}' })
      .select().single()).data!;
    const rendered = await org.members.agent.supabase.rpc('render_saved_reply_for_conversation', { saved_reply_id: saved.id, conversation_id: visit.conversation.id });
    expect(rendered.data).toBe(`Hi Ada <b>Lovelace</b>, Org chat-saved here. {{ticket.number}}`);
    const byVisitor = await visit.supabase.rpc('render_saved_reply_for_conversation', { saved_reply_id: saved.id, conversation_id: visit.conversation.id });
    expect(byVisitor.data).toBeNull();
  });
});

describe('widget theme', () => {
  it('is part of the public configuration, and only light, dark or auto', async () => {
    const org = await chatOrg('chat-theme');
    const saved = await org.members.admin.supabase.from('widgets').update({ theme: 'dark' }).eq('id', org.widget.id).select('theme').single();
    expect(saved.data?.theme).toBe('dark');
    const config = await anonChat().rpc('get_widget_config', { widget_key: org.widget.widget_key }).single();
    expect(config.data?.theme).toBe('dark');
    const bad = await org.members.admin.supabase.from('widgets').update({ theme: 'neon' }).eq('id', org.widget.id);
    expect(bad.error?.code).toBe('23514');
    const agentTry = await org.members.agent.supabase.from('widgets').update({ theme: 'auto' }).eq('id', org.widget.id).select();
    expect(agentTry.data).toEqual([]);
  });
});
