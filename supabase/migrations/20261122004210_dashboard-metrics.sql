/**
 * Helpdesk metrics for the dashboard: get_ticket_metrics(org_id, from_day, to_day).
 *
 * - Security invoker: every row it counts is one the caller's RLS lets them read; in addition only
 *   members holding analytics.view ("See the metrics dashboard": owners, admins, managers and custom
 *   roles granted it) get an answer, everyone else gets 42501.
 * - Days are the organization's local days (its time zone), both ends inclusive, at most 366 days.
 * - Durations are calendar minutes (wall-clock time between the two moments), not business minutes.
 * - SLA outcomes are recorded on the ticket when a clock stops (the SLA trigger clears due times once
 *   met, so history would otherwise be lost): first_response_sla_met, resolution_sla_met.
 */

-- Section - SLA outcomes

alter table public.tickets
  add column first_response_sla_met boolean,
  add column resolution_sla_met boolean;
comment on column public.tickets.first_response_sla_met is 'Whether the first public staff reply came by its SLA due time (null: no target or not answered yet).';
comment on column public.tickets.resolution_sla_met is 'Whether the last resolution came by its SLA due time (null: no target or not resolved yet).';

/** Stamps the SLA outcome when the first response or a resolution stops a clock (compares with the due time before the change). */
create or replace function private.trigger_record_sla_outcome()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.first_response_at is not null and old.first_response_at is null then
    new.first_response_sla_met := case when old.first_response_due_at is not null
                                       then new.first_response_at <= old.first_response_due_at end;
  end if;
  if new.status_category = 'resolved' and old.status_category not in ('resolved', 'closed') then
    new.resolution_sla_met := case when old.resolution_due_at is not null then new.resolved_at <= old.resolution_due_at end;
  end if;
  return new;
end;
$$;

-- (BEFORE triggers fire in name order: after the guards and tickets_sla, which clears the due times)
create trigger tickets_sla_record_outcome before update on public.tickets
  for each row execute function private.trigger_record_sla_outcome();

-- (Tickets answered or resolved before this migration keep null outcomes: they count as neither met nor breached.)

-- Section - Indexes (created and open tickets use the tickets migration's indexes)

create index tickets_org_id_resolved_at_idx on public.tickets (org_id, resolved_at) where resolved_at is not null;

-- Section - get_ticket_metrics

/** Every metric of the dashboard for one organization and a range of its local days, as one JSON document. */
create or replace function public.get_ticket_metrics(org_id uuid, from_day date, to_day date)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  zone text;
  range_start timestamptz;
  range_end timestamptz;
  unresolved constant public.ticket_status_category[] := array['open', 'in_progress', 'waiting_on_customer'];
  result jsonb;
begin
  if get_ticket_metrics.org_id is null or not private.has_permission(get_ticket_metrics.org_id, 'analytics.view') then
    raise exception 'Only members allowed to see the metrics dashboard can see the organization''s metrics.' using errcode = '42501';
  elsif from_day is null or to_day is null or from_day > to_day then
    perform private.refuse('Choose a date range whose start is not after its end.');
  elsif to_day - from_day > 365 then
    perform private.refuse('Choose a date range of at most 366 days.');
  end if;
  select o.time_zone into zone from public.organizations o where o.id = get_ticket_metrics.org_id;
  range_start := from_day::timestamp at time zone zone;
  range_end := (to_day + 1)::timestamp at time zone zone;

  with
  org_tickets as (
    -- only the columns the metrics read: the CTE is materialized once and scanned by every section
    select t.id, t.priority, t.category, t.status_id, t.status_category, t.assignee_id, t.created_at, t.first_response_at,
           t.resolved_at, t.first_response_due_at, t.resolution_due_at, t.first_response_sla_met, t.resolution_sla_met
      from public.tickets t where t.org_id = get_ticket_metrics.org_id
  ),
  created as (
    select * from org_tickets t where t.created_at >= range_start and t.created_at < range_end
  ),
  resolved as (
    select * from org_tickets t
     where t.resolved_at >= range_start and t.resolved_at < range_end and t.status_category in ('resolved', 'closed')
  ),
  open_now as (
    select * from org_tickets t where t.status_category = any (unresolved)
  ),
  priorities as (
    select p, ord from unnest(enum_range(null::public.ticket_priority)) with ordinality e (p, ord)
  )
  select jsonb_build_object(
    'time_zone', zone,
    'from_day', from_day,
    'to_day', to_day,
    'totals', jsonb_build_object(
      'created', (select count(*) from created),
      'resolved', (select count(*) from resolved),
      'open', (select count(*) from open_now),
      'unassigned_open', (select count(*) from open_now where assignee_id is null),
      'median_first_response_minutes', (select round((percentile_cont(0.5) within group (
          order by extract(epoch from first_response_at - created_at) / 60))::numeric, 1)
        from created where first_response_at is not null),
      'median_resolution_minutes', (select round((percentile_cont(0.5) within group (
          order by extract(epoch from resolved_at - created_at) / 60))::numeric, 1) from resolved)),
    'open_by_status', coalesce((
      select jsonb_agg(jsonb_build_object('status_id', s.id, 'name', s.name, 'category', s.category, 'count', n.count)
                       order by array_position(unresolved, s.category), s.position, s.name)
        from (select status_id, count(*) from open_now group by status_id) n
        join public.ticket_statuses s on s.id = n.status_id), '[]'),
    'open_by_priority', (
      select jsonb_agg(jsonb_build_object('priority', pr.p, 'count',
               (select count(*) from open_now o where o.priority = pr.p)) order by pr.ord)
        from priorities pr),
    'daily', (
      select jsonb_agg(jsonb_build_object('day', d.day, 'created', coalesce(c.count, 0), 'resolved', coalesce(r.count, 0)) order by d.day)
        from (select g::date as day from generate_series(from_day, to_day, interval '1 day') g) d
        left join (select (created_at at time zone zone)::date as day, count(*) from created group by 1) c on c.day = d.day
        left join (select (resolved_at at time zone zone)::date as day, count(*) from resolved group by 1) r on r.day = d.day),
    'response_times', (
      select jsonb_agg(jsonb_build_object(
               'priority', pr.p,
               'responded', (select count(*) from created c where c.priority = pr.p and c.first_response_at is not null),
               'median_first_response_minutes', (select round((percentile_cont(0.5) within group (
                   order by extract(epoch from c.first_response_at - c.created_at) / 60))::numeric, 1)
                 from created c where c.priority = pr.p and c.first_response_at is not null),
               'resolved', (select count(*) from resolved r where r.priority = pr.p),
               'median_resolution_minutes', (select round((percentile_cont(0.5) within group (
                   order by extract(epoch from r.resolved_at - r.created_at) / 60))::numeric, 1)
                 from resolved r where r.priority = pr.p)) order by pr.ord)
        from priorities pr),
    'sla', jsonb_build_array(
      (select jsonb_build_object('target', 'first_response', 'met', count(*) filter (where m),
              'breached', count(*) filter (where not m))
         from (select case when c.first_response_sla_met is not null then c.first_response_sla_met
                           when c.first_response_at is null and c.first_response_due_at < now() then false end as m
                 from created c) x),
      (select jsonb_build_object('target', 'resolution', 'met', count(*) filter (where m),
              'breached', count(*) filter (where not m))
         from (select case when c.status_category in ('resolved', 'closed') then c.resolution_sla_met
                           when c.resolution_due_at < now() then false end as m
                 from created c) x)),
    'backlog_age', (
      select jsonb_agg(jsonb_build_object('bucket', b.bucket, 'count', coalesce(n.count, 0)) order by b.ord)
        from (values ('under_1_day', 1), ('1_to_3_days', 2), ('3_to_7_days', 3), ('over_7_days', 4)) b (bucket, ord)
        left join (select case when now() - created_at < interval '1 day' then 'under_1_day'
                               when now() - created_at < interval '3 days' then '1_to_3_days'
                               when now() - created_at < interval '7 days' then '3_to_7_days'
                               else 'over_7_days' end as bucket, count(*)
                     from open_now group by 1) n on n.bucket = b.bucket),
    'top_categories', coalesce((
      select jsonb_agg(jsonb_build_object('category', x.category, 'count', x.count) order by x.count desc, x.category nulls last)
        from (select category, count(*) from created group by category order by count(*) desc, category nulls last limit 8) x), '[]'),
    'agents', coalesce((
      select jsonb_agg(jsonb_build_object('user_id', a.user_id, 'name', coalesce(nullif(p.display_name, ''), p.email, 'Unnamed agent'),
               'open_assigned', a.open_assigned, 'resolved', a.resolved) order by a.open_assigned desc, a.resolved desc, p.display_name)
        from (select user_id, sum(open_assigned) as open_assigned, sum(resolved) as resolved
                from (select assignee_id as user_id, 1 as open_assigned, 0 as resolved from open_now where assignee_id is not null
                      union all
                      select assignee_id, 0, 1 from resolved where assignee_id is not null) u
               group by user_id) a
        left join public.profiles p on p.id = a.user_id), '[]')
  ) into result;
  return result;
end;
$$;
comment on function public.get_ticket_metrics(uuid, date, date) is
  'Dashboard metrics of an organization over a range of its local days (members with analytics.view only).';
revoke all on function public.get_ticket_metrics(uuid, date, date) from public, anon;
grant execute on function public.get_ticket_metrics(uuid, date, date) to authenticated, service_role;
