import { beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../helpers/env.ts';
import { orgWithMembers } from '../helpers/org.ts';
import { cast, raiseTicket, type Cast, type Ticket } from '../helpers/tickets.ts';

describe('saved replies: shared or personal, rendered safely for a ticket', () => {
  let c: Cast;
  let shared: { id: string };
  let personal: { id: string };
  let ticket: Ticket;

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-replies'), 'rls-replies');
    await admin().from('profiles').update({ display_name: 'Carla {{agent.name}} Customer' }).eq('id', c.members.customer.userId);
    await admin().from('profiles').update({ display_name: 'Ari Agent' }).eq('id', c.members.agent.userId);
    ticket = await raiseTicket(c.members.customer, c.org.orgId, { subject: "Refund'); drop table tickets; -- {{org.name}}" });
    const created = await c.members.manager.supabase.from('saved_replies')
      .insert({ org_id: c.org.orgId, title: 'Greeting', body: 'Hi {{customer.name}}, about {{ticket.number}} ({{ ticket.subject }}): {{unknown.thing}} {{ticket.secret}}. {{agent.name}} at {{org.name}}' })
      .select('id').single();
    shared = created.data!;
    personal = (await c.members.agent.supabase.from('saved_replies')
      .insert({ org_id: c.org.orgId, owner_id: c.members.agent.userId, title: 'Mine', body: 'Cheers, {{agent.name}}' })
      .select('id').single()).data!;
  });

  const titlesSeenBy = async (who: { supabase: Cast['anon'] }) =>
    ((await who.supabase.from('saved_replies').select('title').eq('org_id', c.org.orgId).order('title')).data ?? []).map((r) => r.title);

  it('agents read shared replies and their own; managers do not see an agent\'s personal replies', async () => {
    expect(await titlesSeenBy(c.members.agent)).toEqual(['Greeting', 'Mine']);
    for (const key of ['owner', 'admin', 'manager'] as const) expect(await titlesSeenBy(c.members[key]), key).toEqual(['Greeting']);
  });

  it('requesters, customers and outsiders read none; anon is refused', async () => {
    for (const who of [c.members.requester, c.members.customer, c.otherOrg, c.visitor]) expect(await titlesSeenBy(who), who.email).toEqual([]);
    expect((await c.anon.from('saved_replies').select('id')).error?.code).toBe('42501');
  });

  it('only reply managers create shared replies; agents create personal ones for themselves only', async () => {
    const agent = c.members.agent.supabase;
    expect((await agent.from('saved_replies').insert({ org_id: c.org.orgId, title: 'Shared?', body: 'x' })).error?.code).toBe('42501');
    expect((await agent.from('saved_replies').insert({ org_id: c.org.orgId, owner_id: c.members.manager.userId, title: 'For you', body: 'x' })).error?.code).toBe('42501');
    for (const who of [c.members.customer, c.members.requester, c.otherOrg, c.visitor]) {
      const { error } = await who.supabase.from('saved_replies').insert({ org_id: c.org.orgId, owner_id: who.userId, title: 'Mine', body: 'x' });
      expect(error?.code, who.email).toBe('42501');
    }
  });

  it('agents cannot edit or delete shared replies; reply managers can; personal replies stay with their owner', async () => {
    const agent = c.members.agent.supabase;
    expect((await agent.from('saved_replies').update({ title: 'Hacked' }).eq('id', shared.id).select()).data).toEqual([]);
    expect((await agent.from('saved_replies').delete().eq('id', shared.id).select()).data).toEqual([]);
    expect((await c.members.manager.supabase.from('saved_replies').update({ title: 'Mine!' }).eq('id', personal.id).select()).data).toEqual([]);
    expect((await c.members.admin.supabase.from('saved_replies').update({ title: 'Greeting' }).eq('id', shared.id).select('title')).data).toEqual([{ title: 'Greeting' }]);
    expect((await agent.from('saved_replies').update({ title: 'Mine' }).eq('id', personal.id).select('title')).data).toEqual([{ title: 'Mine' }]);
  });

  it('renders the known variables once, literally, and leaves unknown ones visible', async () => {
    const { data: number } = await c.members.agent.supabase.from('tickets').select('number').eq('id', ticket.id).single();
    const { data, error } = await c.members.agent.supabase.rpc('render_saved_reply', { saved_reply_id: shared.id, ticket_id: ticket.id });
    expect(error).toBeNull();
    expect(data).toBe(
      `Hi Carla {{agent.name}} Customer, about ${number!.number} (Refund'); drop table tickets; -- {{org.name}}): ` +
      `{{unknown.thing}} {{ticket.secret}}. Ari Agent at Org rls-replies`);
  });

  it('renders free text for a ticket the caller can read, and nothing otherwise', async () => {
    const agent = await c.members.agent.supabase.rpc('render_reply_template', { template: '{{org.name}}: {{ticket.subject}}', ticket_id: ticket.id });
    expect(agent.data).toBe("Org rls-replies: Refund'); drop table tickets; -- {{org.name}}");
    for (const who of [c.members.requester, c.otherOrg]) {
      const { data } = await who.supabase.rpc('render_reply_template', { template: '{{ticket.subject}}', ticket_id: ticket.id });
      expect(data, who.email).toBeNull();
    }
    const customer = await c.members.customer.supabase.rpc('render_saved_reply', { saved_reply_id: shared.id, ticket_id: ticket.id });
    expect(customer.data).toBeNull();
    expect((await c.anon.rpc('render_saved_reply', { saved_reply_id: shared.id, ticket_id: ticket.id })).error?.code).toBe('42501');
  });
});
