import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/types/database.ts';
import { admin } from '../helpers/env.ts';
import { anonChat, chatOrg, messagesOf, otherOrgOwner, reply, send, visitorWithConversation, type ChatOrg } from '../helpers/chat.ts';

type Who = 'owner' | 'admin' | 'agent' | 'customer' | 'other org' | 'visitor A' | 'visitor B' | 'anon';
type Chat = SupabaseClient<Database>;

describe('chat data access: every table, for every kind of caller', () => {
  let org: ChatOrg;
  let a: Awaited<ReturnType<typeof visitorWithConversation>>;
  let b: Awaited<ReturnType<typeof visitorWithConversation>>;
  let as: Record<Who, Chat>;

  beforeAll(async () => {
    org = await chatOrg('chat-matrix');
    const other = await otherOrgOwner('chat-matrix');
    a = await visitorWithConversation(org);
    b = await visitorWithConversation(org);
    await send(a, a.conversation.id, 'Hello, where is my order?');
    await reply(org.members.agent, a.conversation.id, 'Looking into it!');
    await reply(org.members.agent, a.conversation.id, 'Customer seems upset, escalate', true);
    as = {
      owner: org.members.owner.supabase, admin: org.members.admin.supabase, agent: org.members.agent.supabase,
      customer: org.members.customer.supabase, 'other org': other.supabase,
      'visitor A': a.supabase, 'visitor B': b.supabase, anon: anonChat(),
    };
  });

  const staff: Who[] = ['owner', 'admin', 'agent'];
  const outsiders: Who[] = ['customer', 'other org'];

  it('widgets: staff see their organization\'s; customers, other organizations and visitors nothing', async () => {
    const seen = async (who: Who) => (await as[who].from('widgets').select('id').eq('org_id', org.orgId)).data?.map((w) => w.id);
    for (const who of staff) expect(await seen(who), who).toEqual([org.widget.id]);
    for (const who of [...outsiders, 'visitor A', 'visitor B'] as Who[]) expect(await seen(who), who).toEqual([]);
    expect((await as.anon.from('widgets').select('id')).error?.code).toBe('42501');
  });

  it('contacts: staff see both; each visitor sees only their own; the rest see nothing', async () => {
    const seen = async (who: Who) => (await as[who].from('contacts').select('id').eq('org_id', org.orgId)).data?.map((c) => c.id).sort();
    for (const who of staff) expect(await seen(who), who).toEqual([a.contactId, b.contactId].sort());
    for (const who of outsiders) expect(await seen(who), who).toEqual([]);
    expect(await seen('visitor A')).toEqual([a.contactId]);
    expect(await seen('visitor B')).toEqual([b.contactId]);
    expect((await as.anon.from('contacts').select('id')).error?.code).toBe('42501');
  });

  it('conversations: staff see both; each visitor only their own, through the visitor RPC; the rest nothing', async () => {
    const seen = async (who: Who) => (await as[who].from('conversations').select('id').eq('org_id', org.orgId)).data?.map((c) => c.id).sort();
    for (const who of staff) expect(await seen(who), who).toEqual([a.conversation.id, b.conversation.id].sort());
    for (const who of [...outsiders, 'visitor A', 'visitor B'] as Who[]) expect(await seen(who), who).toEqual([]);
    const own = async (who: Who) => (await as[who].rpc('visitor_conversations')).data?.map((c) => c.id);
    expect(await own('visitor A')).toEqual([a.conversation.id]);
    expect(await own('visitor B')).toEqual([b.conversation.id]);
    for (const who of [...staff, ...outsiders]) expect(await own(who), who).toEqual([]);
    expect((await as['visitor B'].rpc('visitor_conversations', { conversation_id: a.conversation.id })).data).toEqual([]);
    expect((await as.anon.from('conversations').select('id')).error?.code).toBe('42501');
    expect((await as.anon.rpc('visitor_conversations')).error?.code).toBe('42501');
  });

  it('messages: staff see notes too; visitor A sees the chat without the note; B and the rest see nothing', async () => {
    const seen = async (who: Who) =>
      (await as[who].from('messages').select('content').eq('conversation_id', a.conversation.id).order('created_at')).data?.map((m) => m.content);
    for (const who of staff) expect(await seen(who), who).toEqual(['Hello, where is my order?', 'Looking into it!', 'Customer seems upset, escalate']);
    expect(await seen('visitor A')).toEqual(['Hello, where is my order?', 'Looking into it!']);
    for (const who of ['visitor B', ...outsiders] as Who[]) expect(await seen(who), who).toEqual([]);
    expect((await as.anon.from('messages').select('id')).error?.code).toBe('42501');
  });

  it('only a conversation\'s own visitor writes visitor messages into it, as a visitor, never as a note', async () => {
    const before = (await messagesOf(a.conversation.id)).length;
    const RLS = '42501';
    const attempts: [string, Chat, Parameters<typeof send>[3], string][] = [
      ['visitor B into A\'s conversation', as['visitor B'], {}, RLS],
      ['visitor A posing as an agent', as['visitor A'], { sender_type: 'agent' }, RLS],
      ['visitor A writing a private note', as['visitor A'], { is_private: true }, RLS],
      ['a customer-role member', as.customer, {}, RLS],
      ['a customer-role member as an agent', as.customer, { sender_type: 'agent' }, RLS],
      ['another organization\'s owner as an agent', as['other org'], { sender_type: 'agent' }, RLS],
      ['visitor A as the system', as['visitor A'], { sender_type: 'system' }, 'P0001'],
    ];
    for (const [label, supabase, extra, code] of attempts) {
      const { error } = await send({ supabase }, a.conversation.id, 'sneaky', extra);
      expect(error?.code, label).toBe(code);
    }
    expect((await send({ supabase: as.anon }, a.conversation.id, 'anon')).error?.code).toBe('42501');
    expect(await messagesOf(a.conversation.id)).toHaveLength(before);
  });

  it('a cross-organization id in the payload changes nothing: the conversation decides the organization', async () => {
    const other = as['other org'];
    const { error } = await other.from('messages')
      .insert({ conversation_id: a.conversation.id, sender_type: 'agent', content: 'x', org_id: org.orgId } as never);
    expect(error?.code).toBe('42501');
    const { data } = await as.agent.from('messages')
      .insert({ conversation_id: a.conversation.id, sender_type: 'agent', content: 'Still here' }).select('org_id, contact_id, sender_id').single();
    expect(data).toEqual({ org_id: org.orgId, contact_id: a.contactId, sender_id: org.members.agent.userId });
  });

  it('visitors start conversations only as their own contact, by insert or through start_conversation', async () => {
    const fields = { widget_id: org.widget.id, contact_id: a.contactId };
    for (const who of ['visitor B', 'customer', 'other org', 'agent'] as Who[]) {
      expect((await as[who].from('conversations').insert(fields)).error?.code, who).toBe('42501');
      expect((await as[who].rpc('start_conversation', fields)).error?.code, who).toBe('42501');
    }
    expect((await as.anon.rpc('start_conversation', fields)).error?.code).toBe('42501');
  });

  it('only chat agents of the organization change a conversation; visitors and outsiders change nothing', async () => {
    for (const who of ['visitor A', 'visitor B', 'customer', 'other org'] as Who[]) {
      const { data } = await as[who].from('conversations').update({ status: 'resolved' }).eq('id', a.conversation.id).select();
      expect(data, who).toEqual([]);
    }
    expect((await as.anon.from('conversations').update({ status: 'resolved' }).eq('id', a.conversation.id)).error?.code).toBe('42501');
    const forbiddenColumn = await as.agent.from('conversations').update({ org_id: org.orgId } as never).eq('id', a.conversation.id);
    expect(forbiddenColumn.error?.code).toBe('42501');
    const { data } = await admin().from('conversations').select('status').eq('id', a.conversation.id).single();
    expect(data!.status).toBe('open');
  });

  it('visitors read but cannot edit their contact; chat agents edit their organization\'s contacts', async () => {
    const byVisitor = await as['visitor A'].from('contacts').update({ name: 'Mallory' }).eq('id', a.contactId).select();
    expect(byVisitor.data).toEqual([]);
    const byOther = await as['other org'].from('contacts').update({ name: 'Mallory' }).eq('id', a.contactId).select();
    expect(byOther.data).toEqual([]);
    const byAgent = await as.agent.from('contacts').update({ name: 'Ada' }).eq('id', a.contactId).select('name');
    expect(byAgent.data).toEqual([{ name: 'Ada' }]);
  });

  it('nobody deletes chat history through the API', async () => {
    for (const who of ['owner', 'visitor A'] as Who[]) {
      const { error } = await as[who].from('messages').delete().eq('conversation_id', a.conversation.id);
      expect(error?.code, who).toBe('42501');
    }
    expect(await messagesOf(a.conversation.id)).not.toHaveLength(0);
  });
});
