import { beforeAll, describe, expect, it } from 'vitest';
import {
  chatOrg, contactFor, messagesOf, randomIp, reply, sameVisitorFrom, send, startConversation, visitor, visitorWithConversation,
  type ChatOrg,
} from '../helpers/chat.ts';

const TOO_MANY_CONVERSATIONS = 'You have started too many conversations recently. Please continue an existing one or try again later.';
const TOO_FAST = 'You are sending messages too quickly. Please wait a moment and try again.';

describe('flood limits on the public widget, enforced by the database on every path', () => {
  let org: ChatOrg;
  beforeAll(async () => {
    org = await chatOrg('chat-flood');
  });

  // The widget's path and a direct insert share one set of limits: the specs below mix them.
  const newConversation = (who: Awaited<ReturnType<typeof visitor>>, contactId: string) =>
    who.supabase.rpc('start_conversation', { widget_id: org.widget.id, contact_id: contactId });
  const insertConversation = (who: Awaited<ReturnType<typeof visitor>>, contactId: string) =>
    who.supabase.from('conversations').insert({ widget_id: org.widget.id, contact_id: contactId });

  it('a visitor sends 20 messages a minute; the 21st is refused with HTTP 429 and a readable reason', async () => {
    const a = await visitorWithConversation(org);
    for (let i = 1; i <= 20; i++) expect((await send(a, a.conversation.id, `message ${i}`)).error, `message ${i}`).toBeNull();
    const { error, status } = await send(a, a.conversation.id, 'message 21');
    expect(status).toBe(429);
    expect(error).toMatchObject({ code: 'PT429', message: TOO_FAST });
    expect(error?.hint).toMatch(/^Try again in \d+ seconds\.$/);
    expect(await messagesOf(a.conversation.id)).toHaveLength(20);
  });

  it('agents are not limited', async () => {
    const a = await visitorWithConversation(org);
    for (let i = 1; i <= 25; i++) expect((await reply(org.members.agent, a.conversation.id, `reply ${i}`)).error).toBeNull();
  });

  it('one address sends at most 60 visitor messages a minute, however many visitors it holds', async () => {
    const ip = randomIp();
    const visitors = [];
    for (let i = 0; i < 4; i++) visitors.push(await visitorWithConversation(org, ip));
    for (const who of visitors) {
      for (let i = 1; i <= 15; i++) expect((await send(who, who.conversation.id, `hi ${i}`)).error).toBeNull();
    }
    const fifth = await visitorWithConversation(org, ip);
    expect((await send(fifth, fifth.conversation.id, 'one more')).error?.message).toBe(TOO_FAST);
    const elsewhere = await visitorWithConversation(org);
    expect((await send(elsewhere, elsewhere.conversation.id, 'from another network')).error).toBeNull();
  });

  it('behind Cloudflare (Supabase Cloud) the address is cf-connecting-ip: a forged X-Forwarded-For does not escape the limit', async () => {
    const realAddress = randomIp();
    for (let i = 1; i <= 7; i++) {
      const who = await visitor(randomIp(), { 'cf-connecting-ip': realAddress });
      const result = await newConversation(who, await contactFor(who, org.widget.widget_key));
      if (i <= 6) expect(result.error, `conversation ${i}`).toBeNull();
      else expect(result.error?.message).toBe(TOO_MANY_CONVERSATIONS);
    }
  });

  it('one address starts at most 6 conversations per 12 hours (Chatwoot\'s default)', async () => {
    const ip = randomIp();
    const first = await visitor(ip);
    const second = await visitor(ip);
    const firstContact = await contactFor(first, org.widget.widget_key);
    const secondContact = await contactFor(second, org.widget.widget_key);
    for (let i = 0; i < 4; i++) expect((await insertConversation(first, firstContact)).error).toBeNull();
    for (let i = 0; i < 2; i++) expect((await newConversation(second, secondContact)).error).toBeNull();
    const seventh = await newConversation(second, secondContact);
    expect(seventh.status).toBe(429);
    expect(seventh.error?.message).toBe(TOO_MANY_CONVERSATIONS);
    expect(seventh.error?.hint).toBe('Try again in 12 hours.');
    const elsewhere = await visitor();
    await startConversation(elsewhere, org.widget.id, await contactFor(elsewhere, org.widget.widget_key));
  });

  it('one contact starts at most 6 conversations per 12 hours, whatever address it comes from', async () => {
    const who = await visitor();
    const contactId = await contactFor(who, org.widget.widget_key);
    for (let i = 0; i < 6; i++) expect((await newConversation({ ...who, supabase: sameVisitorFrom(who, randomIp()) }, contactId)).error).toBeNull();
    const seventh = await insertConversation({ ...who, supabase: sameVisitorFrom(who, randomIp()) }, contactId);
    expect(seventh.error?.message).toBe(TOO_MANY_CONVERSATIONS);
  });
});
