import { admin } from './env.ts';
import type { OrgFixture } from './org.ts';
import { superuserSql } from './sql.ts';
import { statusIds } from './tickets.ts';

/**
 * A small, fully known ticket history for the dashboard metrics (local stack only: tickets are
 * back-dated as the superuser). The organization is on America/New_York time with calendar-time SLA
 * policies (urgent 60/240, high 240/480, medium 480/1440, low 480/2400 minutes). Day 1 is 12 days
 * ago, day 2 the day after (local days).
 *
 *   T1 urgent Billing  day1 10:00  reply +30  resolved +120   agent      (both targets met)
 *   T2 urgent Billing  day1 11:00  reply +90  resolved +300   agent      (both breached)
 *   T5 low    Login    day1 08:00  reply +10  resolved +1440  agent      (both met), then closed
 *   T3 high   Login    day2 09:00  reply +60  in progress     manager    (reply met, resolution overdue)
 *   T4 medium  —       day2 23:30  no reply   open            nobody     (both overdue; 04:30 UTC next day)
 *   T6 low    —        2 days ago             open            nobody
 *   T7 urgent —        2 hours ago            open            nobody
 */
export interface MetricsFixture {
  day1: string;
  day2: string;
}

const ZONE = 'America/New_York';

interface Spec {
  key: string;
  priority: 'urgent' | 'high' | 'medium' | 'low';
  category: string | null;
  created: string;
  replyAfter?: number;
  resolveAfter?: number;
  close?: boolean;
  inProgress?: boolean;
  assignee?: 'agent' | 'manager';
}

export async function seedMetricsHistory(org: OrgFixture): Promise<MetricsFixture> {
  const [{ day1, day2 }] = await superuserSql<{ day1: string; day2: string }>(
    `select to_char((now() at time zone $1)::date - 12, 'YYYY-MM-DD') as day1,
            to_char((now() at time zone $1)::date - 11, 'YYYY-MM-DD') as day2`, [ZONE]);
  const orgUpdate = await admin().from('organizations').update({ time_zone: ZONE }).eq('id', org.orgId);
  if (orgUpdate.error) throw orgUpdate.error;
  const policies = await admin().from('sla_policies').update({ business_hours_only: false }).eq('org_id', org.orgId);
  if (policies.error) throw policies.error;
  const status = await statusIds(org.orgId);
  const local = (day: string, time: string) => `(('${day}'::date + time '${time}') at time zone '${ZONE}')`;
  const specs: Spec[] = [
    { key: 'T1', priority: 'urgent', category: 'Billing', created: local(day1, '10:00'), replyAfter: 30, resolveAfter: 120, assignee: 'agent' },
    { key: 'T2', priority: 'urgent', category: 'Billing', created: local(day1, '11:00'), replyAfter: 90, resolveAfter: 300, assignee: 'agent' },
    { key: 'T5', priority: 'low', category: 'Login', created: local(day1, '08:00'), replyAfter: 10, resolveAfter: 1440, close: true, assignee: 'agent' },
    { key: 'T3', priority: 'high', category: 'Login', created: local(day2, '09:00'), replyAfter: 60, inProgress: true, assignee: 'manager' },
    { key: 'T4', priority: 'medium', category: null, created: local(day2, '23:30') },
    { key: 'T6', priority: 'low', category: null, created: `now() - interval '2 days'` },
    { key: 'T7', priority: 'urgent', category: null, created: `now() - interval '2 hours'` },
  ];
  for (const spec of specs) await seedTicket(org, status, spec);
  return { day1, day2 };
}

async function seedTicket(org: OrgFixture, status: Record<string, string>, spec: Spec) {
  const assignee = spec.assignee ? org.members[spec.assignee].userId : null;
  const [ticket] = await superuserSql<{ id: string; resolution_due_at: Date }>(
    `insert into public.tickets (org_id, subject, description, requester_id, priority, category, assignee_id, created_at)
     values ($1, $2, 'Seeded for the metrics', $3, $4, $5, $6, ${spec.created})
     returning id, resolution_due_at`,
    [org.orgId, `Metrics ${spec.key}`, org.members.customer.userId, spec.priority, spec.category, assignee]);
  if (spec.replyAfter !== undefined) {
    await superuserSql(`update public.tickets set first_response_at = created_at + make_interval(mins => $2) where id = $1`,
      [ticket.id, spec.replyAfter]);
  }
  if (spec.inProgress) await superuserSql('update public.tickets set status_id = $2 where id = $1', [ticket.id, status.in_progress]);
  if (spec.resolveAfter === undefined) return;
  await superuserSql('update public.tickets set status_id = $2 where id = $1', [ticket.id, status.resolved]);
  // resolving stamps now(): move the resolution back to when the history says, judged against its due time
  await superuserSql(
    `update public.tickets set resolved_at = created_at + make_interval(mins => $2),
            resolution_sla_met = created_at + make_interval(mins => $2) <= $3 where id = $1`,
    [ticket.id, spec.resolveAfter, ticket.resolution_due_at]);
  if (spec.close) await superuserSql('update public.tickets set status_id = $2 where id = $1', [ticket.id, status.closed]);
}
