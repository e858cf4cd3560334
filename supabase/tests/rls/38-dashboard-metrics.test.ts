import { beforeAll, describe, expect, it } from 'vitest';
import { seedMetricsHistory, type MetricsFixture } from '../helpers/metrics.ts';
import { orgWithMembers } from '../helpers/org.ts';
import { cast, moveTicket, raiseTicket, statusIds, ticketAsAdmin, type Cast } from '../helpers/tickets.ts';

type Metrics = {
  time_zone: string;
  totals: Record<string, number | null>;
  open_by_status: { name: string; category: string; count: number }[];
  open_by_priority: { priority: string; count: number }[];
  daily: { day: string; created: number; resolved: number }[];
  response_times: { priority: string; responded: number; median_first_response_minutes: number | null; resolved: number; median_resolution_minutes: number | null }[];
  sla: { target: string; met: number; breached: number }[];
  backlog_age: { bucket: string; count: number }[];
  top_categories: { category: string | null; count: number }[];
  agents: { user_id: string; name: string; open_assigned: number; resolved: number }[];
};

describe('dashboard metrics: get_ticket_metrics for staff only, with numbers matching a known history', () => {
  let c: Cast;
  let days: MetricsFixture;
  const metricsAs = (who: { supabase: Cast['anon'] }, orgId: string, from: string, to: string) =>
    who.supabase.rpc('get_ticket_metrics', { org_id: orgId, from_day: from, to_day: to });

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-metrics'), 'rls-metrics');
    days = await seedMetricsHistory(c.org);
  });

  it('answers every role holding analytics.view', async () => {
    for (const key of ['owner', 'admin', 'manager'] as const) {
      const { data, error } = await metricsAs(c.members[key], c.org.orgId, days.day1, days.day2);
      expect(error, key).toBeNull();
      expect((data as Metrics).totals.created, key).toBe(5);
    }
  });

  it('refuses agents, requesters, customers, visitors, other organizations and anonymous callers', async () => {
    for (const [who, supabase] of [['agent', c.members.agent.supabase], ['requester', c.members.requester.supabase], ['customer', c.members.customer.supabase],
      ['visitor', c.visitor.supabase], ['other org owner', c.otherOrg.supabase]] as const) {
      const { data, error } = await metricsAs({ supabase }, c.org.orgId, days.day1, days.day2);
      expect(data, who).toBeNull();
      expect(error?.code, who).toBe('42501');
    }
    const anonymous = await metricsAs({ supabase: c.anon }, c.org.orgId, days.day1, days.day2);
    expect(anonymous.data).toBeNull();
    expect(anonymous.error?.code).toBe('42501');
  });

  it('refuses a reversed or over-long range readably', async () => {
    expect((await metricsAs(c.members.manager, c.org.orgId, days.day2, days.day1)).error?.message)
      .toBe('Choose a date range whose start is not after its end.');
    expect((await metricsAs(c.members.manager, c.org.orgId, '2025-01-01', '2026-06-01')).error?.message)
      .toBe('Choose a date range of at most 366 days.');
  });

  describe('numbers over day 1 – day 2 (America/New_York)', () => {
    let m: Metrics;
    beforeAll(async () => {
      m = (await metricsAs(c.members.manager, c.org.orgId, days.day1, days.day2)).data as Metrics;
    });

    it('totals: created and resolved in range, open now, calendar-minute medians', () => {
      expect(m.time_zone).toBe('America/New_York');
      expect(m.totals).toEqual({ created: 5, resolved: 3, open: 4, unassigned_open: 3,
        median_first_response_minutes: 45, median_resolution_minutes: 300 });
    });

    it('created vs resolved per local day (a ticket at 23:30 local counts on its local day)', () => {
      expect(m.daily).toEqual([{ day: days.day1, created: 3, resolved: 2 }, { day: days.day2, created: 2, resolved: 1 }]);
    });

    it('open tickets by status and by priority', () => {
      expect(m.open_by_status.map(({ name, count }) => [name, count])).toEqual([['Open', 3], ['In progress', 1]]);
      expect(m.open_by_priority).toEqual([{ priority: 'urgent', count: 1 }, { priority: 'high', count: 1 },
        { priority: 'medium', count: 1 }, { priority: 'low', count: 1 }]);
    });

    it('median first response and resolution by priority', () => {
      expect(m.response_times).toEqual([
        { priority: 'urgent', responded: 2, median_first_response_minutes: 60, resolved: 2, median_resolution_minutes: 210 },
        { priority: 'high', responded: 1, median_first_response_minutes: 60, resolved: 0, median_resolution_minutes: null },
        { priority: 'medium', responded: 0, median_first_response_minutes: null, resolved: 0, median_resolution_minutes: null },
        { priority: 'low', responded: 1, median_first_response_minutes: 10, resolved: 1, median_resolution_minutes: 1440 },
      ]);
    });

    it('SLA compliance per target: late or overdue counts as breached, running clocks as neither', () => {
      expect(m.sla).toEqual([{ target: 'first_response', met: 3, breached: 2 }, { target: 'resolution', met: 2, breached: 3 }]);
    });

    it('backlog age of the tickets open now', () => {
      expect(m.backlog_age).toEqual([{ bucket: 'under_1_day', count: 1 }, { bucket: '1_to_3_days', count: 1 },
        { bucket: '3_to_7_days', count: 0 }, { bucket: 'over_7_days', count: 2 }]);
    });

    it('top categories and per-agent load', () => {
      expect(m.top_categories).toEqual([{ category: 'Billing', count: 2 }, { category: 'Login', count: 2 }, { category: null, count: 1 }]);
      expect(m.agents.map(({ user_id, open_assigned, resolved }) => [user_id, open_assigned, resolved])).toEqual([
        [c.members.manager.userId, 1, 0], [c.members.agent.userId, 0, 3]]);
      expect(m.agents.every((agent) => agent.name.length > 0)).toBe(true);
    });

    it('a range before any ticket is all zeros, with every day listed', async () => {
      const { data } = await metricsAs(c.members.manager, c.org.orgId, '2026-01-01', '2026-01-03');
      const empty = data as Metrics;
      expect(empty.totals.created).toBe(0);
      expect(empty.totals.median_first_response_minutes).toBeNull();
      expect(empty.daily.map((d) => d.created + d.resolved)).toEqual([0, 0, 0]);
      expect(empty.top_categories).toEqual([]);
    });
  });

  it('records SLA outcomes as tickets are answered and resolved through the API', async () => {
    const status = await statusIds(c.org.orgId);
    const ticket = await raiseTicket(c.members.customer, c.org.orgId, { priority: 'low' });
    expect((await c.members.agent.supabase.from('ticket_comments').insert({ ticket_id: ticket.id, body: 'On it.' })).error).toBeNull();
    expect((await moveTicket(c.members.agent, ticket.id, status.resolved)).error).toBeNull();
    const after = await ticketAsAdmin(ticket.id);
    expect(after.first_response_sla_met).toBe(true);
    expect(after.resolution_sla_met).toBe(true);
  });

  it('refuses changes to the outcome columns through the API', async () => {
    const ticket = await raiseTicket(c.members.customer, c.org.orgId);
    const { error } = await c.members.owner.supabase.from('tickets').update({ first_response_sla_met: true } as never).eq('id', ticket.id);
    expect(error?.code).toBe('42501');
  });
});
