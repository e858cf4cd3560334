import { beforeAll, describe, expect, it } from 'vitest';
import { admin, IS_LOCAL, uniqueEmail } from '../helpers/env.ts';
import { waitForEmail } from '../helpers/inbox.ts';
import { actor, type Actor } from '../helpers/org.ts';
import { superuserSql } from '../helpers/sql.ts';
import { anonChat, chatOrg, contactFor, messagesOf, reply, startConversation, visitor, type ChatOrg } from '../helpers/chat.ts';

const weekdays = (hours: { open: string; close: string }[]) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, hours]));

describe.skipIf(!IS_LOCAL)('opening hours: private.is_open_at in the organization\'s own time zone', () => {
  let owner: Actor;
  const orgs: Record<string, string> = {};

  async function orgIn(timeZone: string, businessHours: Record<string, { open: string; close: string }[]>, holidays: string[] = []) {
    const slug = `hours-${Math.random().toString(36).slice(2, 10)}`;
    const { data, error } = await owner.supabase.rpc('create_organization', { name: `Hours ${timeZone}`, slug });
    if (error) throw error;
    const updated = await owner.supabase.from('organizations').update({ time_zone: timeZone, business_hours: businessHours }).eq('id', data.id);
    if (updated.error) throw updated.error;
    for (const day of holidays) {
      const added = await owner.supabase.from('organization_holidays').insert({ org_id: data.id, day, name: 'Holiday' });
      if (added.error) throw added.error;
    }
    return data.id;
  }

  beforeAll(async () => {
    owner = await actor('hours-owner');
    orgs.newYork = await orgIn('America/New_York', weekdays([{ open: '09:00', close: '17:00' }]));
    orgs.tokyo = await orgIn('Asia/Tokyo', weekdays([{ open: '09:00', close: '18:00' }]), ['2026-12-25']);
    orgs.split = await orgIn('Europe/Paris', {
      ...weekdays([{ open: '09:00', close: '12:00' }, { open: '13:00', close: '17:00' }]),
      sat: [{ open: '10:00', close: '14:00' }],
      sun: [{ open: '00:00', close: '24:00' }],
    });
  });

  const openAt = async (org: string, at: string) =>
    (await superuserSql<{ open: boolean }>('select private.is_open_at($1::uuid, $2::timestamptz) as open', [orgs[org] ?? org, at]))[0].open;

  it.each([
    ['New York, Monday 09:30 local (14:30 UTC)', 'newYork', '2026-11-23T14:30:00Z', true],
    ['New York, Monday 08:59 local', 'newYork', '2026-11-23T13:59:00Z', false],
    ['New York, Monday 16:59 local', 'newYork', '2026-11-23T21:59:00Z', true],
    ['New York, Monday 17:00 local (closing time is exclusive)', 'newYork', '2026-11-23T22:00:00Z', false],
    ['New York, Sunday 22:00 local although Monday in UTC', 'newYork', '2026-11-23T03:00:00Z', false],
    ['New York, Saturday noon', 'newYork', '2026-11-28T17:00:00Z', false],
    ['New York after the switch to summer time, 09:30 EDT (13:30 UTC)', 'newYork', '2026-03-09T13:30:00Z', true],
    ['New York in winter, 13:30 UTC is 08:30 EST', 'newYork', '2026-11-23T13:30:00Z', false],
    ['Tokyo, Monday 09:30 local although Sunday in New York', 'tokyo', '2026-11-23T00:30:00Z', true],
    ['Tokyo, Saturday 08:30 local although Friday in UTC', 'tokyo', '2026-11-27T23:30:00Z', false],
    ['Tokyo, Thursday 24 December 10:00', 'tokyo', '2026-12-24T01:00:00Z', true],
    ['Tokyo, on its holiday (Friday 25 December 10:00 local)', 'tokyo', '2026-12-25T01:00:00Z', false],
    ['Paris, over the lunch break', 'split', '2026-11-23T11:30:00Z', false],
    ['Paris, in the afternoon shift', 'split', '2026-11-23T13:30:00Z', true],
    ['Paris, Saturday 11:00', 'split', '2026-11-28T10:00:00Z', true],
    ['Paris, Saturday 15:00', 'split', '2026-11-28T14:00:00Z', false],
    ['Paris, Sunday 23:59 (open until 24:00)', 'split', '2026-11-29T22:59:00Z', true],
    ['an organization that does not exist', '00000000-0000-4000-8000-000000000000', '2026-11-23T12:00:00Z', false],
  ])('%s → open: %s', async (_label, org, at, expected) => {
    expect(await openAt(org, at)).toBe(expected);
  });
});

describe.skipIf(!IS_LOCAL)('offline mode: when nobody can answer, the visitor leaves an email and replies go there', () => {
  let org: ChatOrg;
  beforeAll(async () => {
    org = await chatOrg('chat-offline');
    for (const key of ['owner', 'admin', 'manager', 'agent'] as const) {
      await org.members[key].supabase.from('memberships').update({ availability: 'away' }).eq('user_id', org.members[key].userId);
    }
  });

  const sendQueue = () => admin().functions.invoke('send-outbound-emails', { method: 'POST' });

  it('the public config says nobody is online, and a new conversation needs an email', async () => {
    expect((await anonChat().rpc('get_widget_config', { widget_key: org.widget.widget_key }).single()).data?.agents_online).toBe(false);
    const who = await visitor();
    const contactId = await contactFor(who, org.widget.widget_key);
    const fields = { widget_id: org.widget.id, contact_id: contactId };
    const refusal = 'Nobody can answer right now. Leave your email address and we will reply there.';
    expect((await who.supabase.from('conversations').insert(fields)).error?.message).toBe(refusal);
    expect((await who.supabase.rpc('start_conversation', fields)).error?.message).toBe(refusal);
    const conversation = await startConversation(who, org.widget.id, contactId, 'Visitor@Example.test');
    expect(conversation.offline).toBe(true);
    const stored = await admin().from('conversations').select('visitor_email').eq('id', conversation.id).single();
    expect(stored.data).toEqual({ visitor_email: 'visitor@example.test' });
  });

  it('emails an agent\'s reply to the offline visitor, but never a private note', async () => {
    const who = await visitor();
    const email = uniqueEmail('offline-visitor');
    const contactId = await contactFor(who, org.widget.widget_key);
    const conversation = await startConversation(who, org.widget.id, contactId, email);
    const since = new Date();
    expect((await reply(org.members.agent, conversation.id, 'Internal: check their <b>order</b>', true)).error).toBeNull();
    expect((await reply(org.members.agent, conversation.id, 'Your order shipped <today>.')).error).toBeNull();

    const { data, error } = await sendQueue();
    expect(error).toBeNull();
    expect(data.sent).toBeGreaterThanOrEqual(1);
    const message = await waitForEmail(email, { since });
    expect(message.Subject).toBe('New reply from Org chat-offline');
    expect(message.Text).toContain('Your order shipped <today>.');
    expect(message.HTML).toContain('Your order shipped &lt;today&gt;.');
    expect(message.Text + message.HTML).not.toContain('Internal');
    expect((await messagesOf(conversation.id)).map((m) => m.content)).toHaveLength(2);

    const again = await sendQueue();
    expect(again.data).toEqual({ sent: 0, failed: 0 });
  });

  it('only the service role may run the email queue', async () => {
    const who = await visitor();
    for (const supabase of [who.supabase, org.members.owner.supabase]) {
      const { error } = await supabase.functions.invoke('send-outbound-emails', { method: 'POST' });
      expect(error?.context?.status).toBe(403);
    }
  });

  it('an online, open organization takes chats without an email', async () => {
    await org.members.agent.supabase.from('memberships').update({ availability: 'online' }).eq('user_id', org.members.agent.userId);
    const who = await visitor();
    const conversation = await startConversation(who, org.widget.id, await contactFor(who, org.widget.widget_key));
    expect(conversation.offline).toBe(false);
    await org.members.agent.supabase.from('memberships').update({ availability: 'away' }).eq('user_id', org.members.agent.userId);
  });
});
