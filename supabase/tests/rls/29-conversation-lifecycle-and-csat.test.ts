import { beforeAll, describe, expect, it } from 'vitest';
import { admin, IS_LOCAL } from '../helpers/env.ts';
import { superuserSql } from '../helpers/sql.ts';
import { chatOrg, otherOrgOwner, visitorWithConversation, type ChatOrg } from '../helpers/chat.ts';
import type { Actor } from '../helpers/org.ts';

describe('conversation lifecycle: agents assign, snooze and resolve; the visitor rates once, after resolve', () => {
  let org: ChatOrg;
  let other: Actor & { orgId: string };
  beforeAll(async () => {
    org = await chatOrg('chat-life');
    other = await otherOrgOwner('chat-life');
  });

  const update = (by: Actor, id: string, fields: Record<string, unknown>) =>
    by.supabase.from('conversations').update(fields as never).eq('id', id).select('status, snoozed_until, resolved_at, assignee_id, team_id, labels, priority');
  const rate = (who: { supabase: Actor['supabase'] }, id: string, rating: number, comment?: string) =>
    who.supabase.rpc('submit_csat', { conversation_id: id, rating, comment });

  it('assigns to members who reply to chats, and to the organization\'s own teams only', async () => {
    const { conversation } = await visitorWithConversation(org);
    const agent = org.members.agent;
    expect((await update(agent, conversation.id, { assignee_id: agent.userId })).data?.[0].assignee_id).toBe(agent.userId);
    for (const assignee of [org.members.customer.userId, org.members.requester.userId, other.userId]) {
      const { error } = await update(agent, conversation.id, { assignee_id: assignee });
      expect(error?.message).toBe('Conversations can only be assigned to members who reply to chats.');
    }
    const { data: team } = await org.members.admin.supabase.from('teams').insert({ org_id: org.orgId, name: 'Billing' }).select().single();
    const { data: foreignTeam } = await other.supabase.from('teams').insert({ org_id: other.orgId, name: 'Theirs' }).select().single();
    expect((await update(agent, conversation.id, { team_id: team!.id })).error).toBeNull();
    expect((await update(agent, conversation.id, { team_id: foreignTeam!.id })).error?.message).toBe('That team is not part of this organization.');
  });

  it('labels are normalized; priority is one of four', async () => {
    const { conversation } = await visitorWithConversation(org);
    const { data } = await update(org.members.agent, conversation.id, { labels: [' VIP ', 'refund', 'vip', ''], priority: 'high' });
    expect(data?.[0]).toMatchObject({ labels: ['refund', 'vip'], priority: 'high' });
    expect((await update(org.members.agent, conversation.id, { priority: 'whenever' })).error?.code).toBe('23514');
  });

  it('snoozes until a future time, and resolving clears it', async () => {
    const { conversation } = await visitorWithConversation(org);
    const past = await update(org.members.agent, conversation.id, { status: 'snoozed', snoozed_until: '2020-01-01T00:00:00Z' });
    expect(past.error?.message).toBe('Choose a time in the future to snooze until.');
    expect((await update(org.members.agent, conversation.id, { status: 'snoozed' })).error?.message).toBe('Choose a time in the future to snooze until.');
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const snoozed = await update(org.members.agent, conversation.id, { status: 'snoozed', snoozed_until: until });
    expect(snoozed.data?.[0]).toMatchObject({ status: 'snoozed', resolved_at: null });
    const resolved = await update(org.members.agent, conversation.id, { status: 'resolved' });
    expect(resolved.data?.[0]).toMatchObject({ status: 'resolved', snoozed_until: null });
    expect(resolved.data?.[0].resolved_at).not.toBeNull();
  });

  it.skipIf(!IS_LOCAL)('a snoozed conversation comes back when its time is up (pg_cron, every 30 seconds)', async () => {
    const { conversation } = await visitorWithConversation(org);
    await update(org.members.agent, conversation.id, { status: 'snoozed', snoozed_until: new Date(Date.now() + 1000).toISOString() });
    const jobs = await superuserSql<{ schedule: string }>(`select schedule from cron.job where jobname = 'wake-snoozed-conversations'`);
    expect(jobs).toEqual([{ schedule: '30 seconds' }]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await superuserSql('select private.wake_snoozed_conversations()');
    const { data } = await admin().from('conversations').select('status, snoozed_until').eq('id', conversation.id).single();
    expect(data).toEqual({ status: 'open', snoozed_until: null });
  });

  it('only chat agents change the lifecycle', async () => {
    const { conversation } = await visitorWithConversation(org);
    for (const by of [org.members.customer, org.members.requester, other]) {
      expect((await update(by, conversation.id, { status: 'resolved' })).data).toEqual([]);
    }
  });

  it('the visitor rates a resolved conversation once; nobody else rates it', async () => {
    const a = await visitorWithConversation(org);
    const b = await visitorWithConversation(org);
    expect((await rate(a, a.conversation.id, 5)).error?.message).toBe('You can rate a conversation once it is resolved.');
    await update(org.members.agent, a.conversation.id, { status: 'resolved' });

    for (const who of [b, org.members.agent, org.members.owner]) {
      expect((await rate(who, a.conversation.id, 1)).error?.message).toBe('Only the visitor of this conversation can rate it.');
    }
    expect((await rate(a, a.conversation.id, 6)).error?.message).toBe('Choose a rating from 1 to 5.');
    expect((await rate(a, a.conversation.id, 4, 'Quick and <b>kind</b>')).error).toBeNull();
    expect((await rate(a, a.conversation.id, 1, 'changed my mind')).error?.message).toBe('This conversation has already been rated.');

    const { data } = await admin().from('conversations').select('csat_rating, csat_comment, csat_submitted_at').eq('id', a.conversation.id).single();
    expect(data).toMatchObject({ csat_rating: 4, csat_comment: 'Quick and <b>kind</b>' });
    const direct = await org.members.agent.supabase.from('conversations').update({ csat_rating: 5 } as never).eq('id', a.conversation.id);
    expect(direct.error?.code).toBe('42501');
  });

  it('no rating when the widget has ratings turned off', async () => {
    await org.members.admin.supabase.from('widgets').update({ csat_enabled: false }).eq('id', org.widget.id);
    const a = await visitorWithConversation(org);
    await update(org.members.agent, a.conversation.id, { status: 'resolved' });
    expect((await rate(a, a.conversation.id, 5)).error?.message).toBe('Ratings are turned off for this chat.');
    await org.members.admin.supabase.from('widgets').update({ csat_enabled: true }).eq('id', org.widget.id);
  });
});
