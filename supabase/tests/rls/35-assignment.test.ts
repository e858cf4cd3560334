import { beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../helpers/env.ts';
import { actor, orgWithMembers, type Actor } from '../helpers/org.ts';
import { cast, forceStatus, raiseTicket, statusIds, type Cast } from '../helpers/tickets.ts';

type Mode = 'manual' | 'round_robin' | 'least_loaded';

describe('ticket assignment: team modes, online agents only, bulk assignment', () => {
  let c: Cast;
  /** Four extra agents, all in every team below. */
  let agents: Actor[];

  const createTeam = async (mode: Mode, members: Actor[]) => {
    const { data: team, error } = await admin()
      .from('teams')
      .insert({ org_id: c.org.orgId, name: `Team ${mode} ${Math.random().toString(36).slice(2, 8)}`, assignment_mode: mode })
      .select('id')
      .single();
    if (error) throw error;
    const added = await admin().from('team_members').insert(members.map((m) => ({ team_id: team.id, user_id: m.userId, org_id: c.org.orgId })));
    if (added.error) throw added.error;
    return team.id;
  };
  const setAvailability = async (who: Actor, availability: 'online' | 'away' | 'offline') => {
    const { error } = await admin().from('memberships').update({ availability }).eq('org_id', c.org.orgId).eq('user_id', who.userId);
    if (error) throw error;
  };
  const raiseForTeam = (teamId: string) => raiseTicket(c.members.manager, c.org.orgId, { team_id: teamId });

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-assign'), 'rls-assign');
    agents = [];
    for (let i = 0; i < 4; i++) {
      const agent = await actor(`rls-assign-agent${i}`);
      const { error } = await admin().from('memberships').insert({ org_id: c.org.orgId, user_id: agent.userId, role_id: c.org.roleIds.agent });
      if (error) throw error;
      agents.push(agent);
    }
  });

  it('a manual team leaves new tickets unassigned', async () => {
    const team = await createTeam('manual', agents);
    expect((await raiseForTeam(team)).assignee_id).toBeNull();
  });

  it('round robin spreads 20 concurrent tickets evenly over the online agents', async () => {
    const team = await createTeam('round_robin', agents);
    const tickets = await Promise.all(Array.from({ length: 20 }, () => raiseForTeam(team)));
    const counts = new Map<string, number>();
    for (const ticket of tickets) counts.set(ticket.assignee_id!, (counts.get(ticket.assignee_id!) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(agents.map((a) => a.userId).sort());
    expect([...counts.values()]).toEqual([5, 5, 5, 5]);
  });

  it('skips agents who are away or offline, and members who cannot hold tickets', async () => {
    const team = await createTeam('round_robin', [...agents, c.members.customer, c.members.requester]);
    await setAvailability(agents[0], 'away');
    await setAvailability(agents[1], 'offline');
    try {
      const tickets = await Promise.all(Array.from({ length: 6 }, () => raiseForTeam(team)));
      const assignees = new Set(tickets.map((t) => t.assignee_id));
      expect([...assignees].sort()).toEqual([agents[2].userId, agents[3].userId].sort());
    } finally {
      await setAvailability(agents[0], 'online');
      await setAvailability(agents[1], 'online');
    }
  });

  it('nobody online: the ticket stays unassigned', async () => {
    const team = await createTeam('round_robin', [agents[0]]);
    await setAvailability(agents[0], 'away');
    try {
      expect((await raiseForTeam(team)).assignee_id).toBeNull();
    } finally {
      await setAvailability(agents[0], 'online');
    }
  });

  it('least loaded picks the agent with the fewest unresolved tickets (resolved ones do not count)', async () => {
    const fresh = await orgWithMembers('rls-assign-ll');
    const statuses = await statusIds(fresh.orgId);
    const [busy, idle] = [fresh.members.agent, fresh.members.manager];
    const { data: team } = await admin().from('teams').insert({ org_id: fresh.orgId, name: 'Load', assignment_mode: 'least_loaded' }).select('id').single();
    await admin().from('team_members').insert([busy, idle].map((m) => ({ team_id: team!.id, user_id: m.userId, org_id: fresh.orgId })));
    for (let i = 0; i < 3; i++) await raiseTicket(fresh.members.owner, fresh.orgId, { assignee_id: busy.userId });
    const resolved = await Promise.all([0, 1, 2, 3].map(() => raiseTicket(fresh.members.owner, fresh.orgId, { assignee_id: idle.userId })));
    for (const ticket of resolved) await forceStatus(ticket.id, statuses.resolved);
    await raiseTicket(fresh.members.owner, fresh.orgId, { assignee_id: idle.userId });
    // idle holds 1 unresolved ticket, busy 3: the next two go to idle, then they alternate by load
    const picks = [];
    for (let i = 0; i < 4; i++) picks.push((await raiseTicket(fresh.members.owner, fresh.orgId, { team_id: team!.id })).assignee_id);
    expect(picks.slice(0, 2)).toEqual([idle.userId, idle.userId]);
    expect(new Set(picks.slice(2))).toEqual(new Set([idle.userId, busy.userId]));
  });

  it('an automatic assignment is on the timeline, internal, with the mode', async () => {
    const team = await createTeam('round_robin', [agents[2]]);
    const ticket = await raiseForTeam(team);
    const { data: events } = await c.members.agent.supabase.from('ticket_events').select('kind, is_internal, after').eq('ticket_id', ticket.id).eq('kind', 'ticket.assigned');
    expect(events).toEqual([{ kind: 'ticket.assigned', is_internal: true, after: { assignee_id: agents[2].userId, team_id: team, mode: 'round_robin' } }]);
  });

  it('a multi-row insert records every automatic assignment', async () => {
    const team = await createTeam('round_robin', [agents[2], agents[3]]);
    const { data: tickets, error } = await c.members.manager.supabase
      .from('tickets')
      .insert([1, 2, 3].map((n) => ({ org_id: c.org.orgId, subject: `Batch ${n}`, team_id: team })))
      .select('id, assignee_id');
    expect(error).toBeNull();
    const { data: events } = await admin().from('ticket_events').select('ticket_id, after').in('ticket_id', tickets!.map((t) => t.id)).eq('kind', 'ticket.assigned');
    expect(events?.map((e) => e.ticket_id).sort()).toEqual(tickets!.map((t) => t.id).sort());
    expect(new Set(tickets!.map((t) => t.assignee_id))).toEqual(new Set([agents[2].userId, agents[3].userId]));
  });

  it('moving an unassigned ticket to a team routes it; an explicit assignee is kept', async () => {
    const team = await createTeam('round_robin', [agents[3]]);
    const ticket = await raiseTicket(c.members.manager, c.org.orgId);
    const { data } = await c.members.agent.supabase.from('tickets').update({ team_id: team }).eq('id', ticket.id).select('assignee_id').single();
    expect(data?.assignee_id).toBe(agents[3].userId);
    const chosen = await raiseTicket(c.members.manager, c.org.orgId, { team_id: team, assignee_id: c.members.agent.userId });
    expect(chosen.assignee_id).toBe(c.members.agent.userId);
  });

  it('team managers (owner, admin, manager) choose a team\'s mode; agents and others cannot', async () => {
    const team = await createTeam('manual', []);
    for (const key of ['owner', 'admin', 'manager'] as const) {
      const { data, error } = await c.members[key].supabase.from('teams').update({ assignment_mode: 'least_loaded' }).eq('id', team).select('id');
      expect(error, key).toBeNull();
      expect(data, key).toHaveLength(1);
    }
    for (const who of [c.members.agent, c.members.requester, c.members.customer, c.otherOrg, c.visitor]) {
      const { data } = await who.supabase.from('teams').update({ assignment_mode: 'round_robin' }).eq('id', team).select('id');
      expect(data ?? [], who.email).toEqual([]);
    }
    const { error } = await c.members.owner.supabase.from('teams').update({ assignment_mode: 'random' as Mode }).eq('id', team);
    expect(error?.code).toBe('22P02');
  });

  describe('assign_tickets(ids, assignee)', () => {
    it('staff with tickets.assign assign several tickets at once; the timeline records each', async () => {
      const tickets = await Promise.all([0, 1, 2].map(() => raiseTicket(c.members.customer, c.org.orgId)));
      for (const key of ['owner', 'admin', 'manager', 'agent'] as const) {
        const target = agents[['owner', 'admin', 'manager', 'agent'].indexOf(key)];
        const { data, error } = await c.members[key].supabase.rpc('assign_tickets', { ticket_ids: tickets.map((t) => t.id), assignee_id: target.userId });
        expect(error, key).toBeNull();
        expect(data?.map((t) => t.assignee_id), key).toEqual([target.userId, target.userId, target.userId]);
      }
      const { data: events } = await admin().from('ticket_events').select('actor_id, after').eq('ticket_id', tickets[0].id).eq('kind', 'ticket.assigned').order('id');
      expect(events?.map((e) => e.actor_id)).toEqual(['owner', 'admin', 'manager', 'agent'].map((k) => c.members[k as 'owner'].userId));
      const unassigned = await c.members.agent.supabase.rpc('assign_tickets', { ticket_ids: [tickets[0].id], assignee_id: null as unknown as string });
      expect(unassigned.data?.[0].assignee_id).toBeNull();
    });

    it('requesters and customers cannot assign, not even their own tickets', async () => {
      const own = await raiseTicket(c.members.customer, c.org.orgId);
      const { error } = await c.members.customer.supabase.rpc('assign_tickets', { ticket_ids: [own.id], assignee_id: c.members.agent.userId });
      expect(error).toMatchObject({ code: '42501', message: 'You cannot assign tickets in this organization.' });
      const mine = await raiseTicket(c.members.requester, c.org.orgId);
      expect((await c.members.requester.supabase.rpc('assign_tickets', { ticket_ids: [mine.id], assignee_id: c.members.agent.userId })).error?.code).toBe('42501');
      expect((await admin().from('tickets').select('assignee_id').eq('id', own.id).single()).data?.assignee_id).toBeNull();
    });

    it('other organizations and visitors find nothing; anon cannot call it', async () => {
      const ticket = await raiseTicket(c.members.customer, c.org.orgId);
      for (const who of [c.otherOrg, c.visitor]) {
        const { error } = await who.supabase.rpc('assign_tickets', { ticket_ids: [ticket.id], assignee_id: who.userId });
        expect(error?.message, who.email).toBe('Some of these tickets were not found.');
      }
      expect((await c.anon.rpc('assign_tickets', { ticket_ids: [ticket.id], assignee_id: agents[0].userId })).error?.code).toBe('42501');
    });

    it('refuses an assignee from another organization or without agent rights, and bad lists', async () => {
      const ticket = await raiseTicket(c.members.customer, c.org.orgId);
      const agent = c.members.agent.supabase;
      for (const assignee of [c.otherOrg.userId, c.members.customer.userId, c.visitor.userId]) {
        const { error } = await agent.rpc('assign_tickets', { ticket_ids: [ticket.id], assignee_id: assignee });
        expect(error?.message).toBe('The assignee must be an agent of this organization.');
      }
      expect((await agent.rpc('assign_tickets', { ticket_ids: [], assignee_id: agents[0].userId })).error?.message).toBe('Choose at least one ticket to assign.');
      const foreign = await raiseTicket(c.otherOrg, c.otherOrg.orgId);
      const mixed = await agent.rpc('assign_tickets', { ticket_ids: [ticket.id, foreign.id], assignee_id: agents[0].userId });
      expect(mixed.error?.message).toBe('Some of these tickets were not found.');
      expect((await admin().from('tickets').select('assignee_id').in('id', [ticket.id, foreign.id])).data?.map((t) => t.assignee_id)).toEqual([null, null]);
      const tooMany = Array.from({ length: 501 }, () => crypto.randomUUID());
      expect((await agent.rpc('assign_tickets', { ticket_ids: tooMany, assignee_id: agents[0].userId })).error?.message).toBe('Assign at most 500 tickets at a time.');
    });
  });
});
