/**
 * SLA policies counted in business hours: per organization and priority, how long the first reply,
 * each next reply and the resolution may take. Tickets carry their due times and an SLA state
 * (ok / near_breach / breached), kept current by triggers and by the pg_cron job refresh-sla-states.
 *
 * Clocks (rules as implemented):
 * - first response: from creation; satisfied (cleared) by the first public staff reply.
 * - next response: started when the requester replies after the first response; satisfied
 *   (cleared) by the next public staff reply.
 * - resolution: from creation (from reopening, for a reopened ticket); cleared once resolved or closed.
 * - Changing the priority recomputes every running clock from its start with the new policy.
 * - While a ticket waits on the customer its clocks are paused: on resume every running due time is
 *   extended by the paused time (business minutes when the policy counts business hours only).
 * - near_breach: at most 20 % of a clock's window is left (80 % elapsed); breached: a due time has
 *   passed. sla_state is the worst running clock; it is frozen while paused and back to ok once no
 *   clock runs (a late first reply therefore no longer shows as breached: ticket_events keep history).
 */

-- Section - Business hours

/**
 * The open ranges of an organization on one local date, as instants: its weekly hours in its time
 * zone (open <= t < close), none on its holidays. Shared by is_open_at and the SLA clocks; a range
 * that falls into a DST gap shrinks accordingly.
 */
create or replace function private.business_slots(org_id uuid, day date)
returns table (opens_at timestamptz, closes_at timestamptz)
language sql
stable
set search_path = ''
as $$
  select (business_slots.day + (slot ->> 'open')::time) at time zone o.time_zone,
         (business_slots.day + (slot ->> 'close')::time) at time zone o.time_zone
    from public.organizations o
   cross join lateral jsonb_array_elements(
     o.business_hours -> (array['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])[extract(isodow from business_slots.day)::int]) slot
   where o.id = business_slots.org_id
     and jsonb_typeof(o.business_hours -> (array['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])[extract(isodow from business_slots.day)::int]) = 'array'
     and not exists (select 1 from public.organization_holidays h where h.org_id = o.id and h.day = business_slots.day)
   order by 1
$$;
grant execute on function private.business_slots(uuid, date) to service_role;

/** Whether an organization is open at a moment (now on top of business_slots; same rules as before). */
create or replace function private.is_open_at(org_id uuid, at timestamptz)
returns boolean
language sql
stable
set search_path = ''
as $$
  select exists (
    select 1
      from public.organizations o
     cross join lateral private.business_slots(o.id, (is_open_at.at at time zone o.time_zone)::date) s
     where o.id = is_open_at.org_id and is_open_at.at >= s.opens_at and is_open_at.at < s.closes_at)
$$;

/**
 * The moment `minutes` business minutes after `start`, walking the organization's hours and holidays
 * day by day in its time zone. Looks at most two years ahead; refuses an organization with no open
 * hours at all.
 */
create or replace function private.add_business_minutes(org_id uuid, start timestamptz, minutes integer)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
declare
  zone text;
  hours jsonb;
  day date;
  remaining numeric := greatest(minutes, 0);
  slot record;
  from_at timestamptz;
  available numeric;
begin
  select o.time_zone, o.business_hours into zone, hours from public.organizations o where o.id = add_business_minutes.org_id;
  if zone is null then
    perform private.refuse('That organization does not exist.');
  end if;
  if remaining = 0 then
    return start;
  end if;
  if not exists (select 1 from jsonb_each(hours) d where jsonb_typeof(d.value) = 'array' and jsonb_array_length(d.value) > 0) then
    perform private.refuse('The organization has no business hours.', 'Set opening hours, or make the SLA policy count calendar time.');
  end if;
  day := (start at time zone zone)::date;
  for i in 0 .. 731 loop
    for slot in select * from private.business_slots(add_business_minutes.org_id, day + i) loop
      from_at := greatest(slot.opens_at, start);
      if from_at < slot.closes_at then
        available := extract(epoch from slot.closes_at - from_at) / 60;
        if remaining <= available then
          return from_at + make_interval(secs => remaining * 60);
        end if;
        remaining := remaining - available;
      end if;
    end loop;
  end loop;
  perform private.refuse('The organization has no open business hours in the next two years.',
    'Check its opening hours and holidays.');
  return null;
end;
$$;
grant execute on function private.add_business_minutes(uuid, timestamptz, integer) to service_role;

/** Business minutes between two moments (zero when `till` is not after `since`). */
create or replace function private.business_minutes_between(org_id uuid, since timestamptz, till timestamptz)
returns numeric
language sql
stable
set search_path = ''
as $$
  select coalesce(sum(extract(epoch from least(s.closes_at, till) - greatest(s.opens_at, since)) / 60), 0)
    from public.organizations o
   cross join lateral generate_series((since at time zone o.time_zone)::date - 1, (till at time zone o.time_zone)::date + 1, interval '1 day') d
   cross join lateral private.business_slots(o.id, d::date) s
   where o.id = business_minutes_between.org_id and since < till and s.closes_at > since and s.opens_at < till
$$;
grant execute on function private.business_minutes_between(uuid, timestamptz, timestamptz) to service_role;

-- Section - Policies table

create table public.sla_policies (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  priority public.ticket_priority not null,
  -- Up to one year each.
  first_response_minutes integer not null check (first_response_minutes between 1 and 525600),
  next_response_minutes integer not null check (next_response_minutes between 1 and 525600),
  resolution_minutes integer not null check (resolution_minutes between 1 and 525600),
  -- Count only the organization's business hours (else calendar time).
  business_hours_only boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, priority)
);
comment on table public.sla_policies is 'Response and resolution targets per organization and ticket priority.';

revoke all on public.sla_policies from anon, authenticated;
grant select, delete on public.sla_policies to authenticated;
grant insert (org_id, priority, first_response_minutes, next_response_minutes, resolution_minutes, business_hours_only)
  on public.sla_policies to authenticated;
grant update (first_response_minutes, next_response_minutes, resolution_minutes, business_hours_only)
  on public.sla_policies to authenticated;
alter table public.sla_policies enable row level security;

create trigger sla_policies_set_updated_at before update on public.sla_policies
  for each row execute function private.trigger_set_updated_at();

create policy "Staff read their organization's SLA policies" on public.sla_policies for select to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.view'))));
create policy "Org managers add SLA policies" on public.sla_policies for insert to authenticated
  with check (org_id = any (array(select private.org_ids_with_permission('org.manage'))));
create policy "Org managers change SLA policies" on public.sla_policies for update to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('org.manage'))))
  with check (org_id = any (array(select private.org_ids_with_permission('org.manage'))));
create policy "Org managers remove SLA policies" on public.sla_policies for delete to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('org.manage'))));

/** Default targets in business minutes (first response / next response / resolution): urgent 1h/1h/4h, high 4h/4h/8h, medium 8h/8h/24h, low 8h/16h/40h. */
create or replace function private.seed_sla_policies(org_id uuid)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.sla_policies (org_id, priority, first_response_minutes, next_response_minutes, resolution_minutes)
  values (seed_sla_policies.org_id, 'urgent', 60, 60, 240),
         (seed_sla_policies.org_id, 'high', 240, 240, 480),
         (seed_sla_policies.org_id, 'medium', 480, 480, 1440),
         (seed_sla_policies.org_id, 'low', 480, 960, 2400)
  on conflict do nothing
$$;

create or replace function private.trigger_seed_sla_policies()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.seed_sla_policies(new.id);
  return null;
end;
$$;

create trigger organizations_seed_sla_policies after insert on public.organizations
  for each row execute function private.trigger_seed_sla_policies();

select private.seed_sla_policies(o.id) from public.organizations o;

-- Section - Ticket clocks

alter table public.tickets
  add column first_response_due_at timestamptz,
  add column next_response_due_at timestamptz,
  add column resolution_due_at timestamptz,
  -- When the running next-response clock started (the requester's reply).
  add column next_response_started_at timestamptz,
  -- Set while the ticket waits on the customer (clocks paused).
  add column sla_paused_at timestamptz,
  -- Paused time already added to the first-response and resolution clocks (policy units).
  add column sla_paused_minutes integer not null default 0,
  add column sla_state text not null default 'ok' check (sla_state in ('ok', 'near_breach', 'breached'));
create index tickets_sla_running_idx on public.tickets (org_id) where sla_paused_at is null
  and (first_response_due_at is not null or next_response_due_at is not null or resolution_due_at is not null);

/** `minutes` of a policy after `start`: business minutes, or calendar minutes. */
create or replace function private.sla_due(org_id uuid, start timestamptz, minutes integer, business boolean)
returns timestamptz
language sql
stable
set search_path = ''
as $$
  select case when start is null then null
              when business then private.add_business_minutes(org_id, start, minutes)
              else start + make_interval(mins => minutes) end
$$;

/** Policy minutes between two moments. */
create or replace function private.sla_minutes_between(org_id uuid, since timestamptz, till timestamptz, business boolean)
returns numeric
language sql
stable
set search_path = ''
as $$
  select case when business then private.business_minutes_between(org_id, since, till)
              else greatest(extract(epoch from till - since) / 60, 0) end
$$;

/** The SLA state of a ticket at `at`: the worst of its running clocks (frozen while paused). */
create or replace function private.sla_state_of(ticket public.tickets, at timestamptz)
returns text
language plpgsql
stable
set search_path = ''
as $$
declare
  policy public.sla_policies;
  worst text := 'ok';
  clock record;
begin
  if ticket.sla_paused_at is not null then
    return ticket.sla_state;
  end if;
  select * into policy from public.sla_policies p where p.org_id = ticket.org_id and p.priority = ticket.priority;
  if policy.id is null then
    return 'ok';
  end if;
  for clock in select * from (values (ticket.first_response_due_at, policy.first_response_minutes),
                                     (ticket.next_response_due_at, policy.next_response_minutes),
                                     (ticket.resolution_due_at, policy.resolution_minutes)) v (due, window_minutes)
                where v.due is not null loop
    if at >= clock.due then
      return 'breached';
    elsif private.sla_minutes_between(ticket.org_id, at, clock.due, policy.business_hours_only) <= 0.2 * clock.window_minutes then
      worst := 'near_breach';
    end if;
  end loop;
  return worst;
end;
$$;

/** Sets, pauses, resumes, recomputes and clears a ticket's SLA clocks; keeps sla_state current. */
create or replace function private.trigger_ticket_sla()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  policy public.sla_policies;
  paused numeric;
  done boolean := new.status_category in ('resolved', 'closed');
  bookkeeping text[] := array['first_response_due_at', 'next_response_due_at', 'resolution_due_at', 'next_response_started_at',
    'sla_paused_at', 'sla_paused_minutes', 'sla_state', 'updated_at', 'updated_by'];
begin
  select * into policy from public.sla_policies p where p.org_id = new.org_id and p.priority = new.priority;
  if tg_op = 'INSERT' then
    new.sla_paused_minutes := 0;
    new.next_response_due_at := null;
    new.next_response_started_at := null;
    new.first_response_due_at := null;
    new.resolution_due_at := null;
    new.sla_paused_at := case when new.status_category = 'waiting_on_customer' then now() end;
    if policy.id is not null and not done then
      new.first_response_due_at := case when new.first_response_at is null then
        private.sla_due(new.org_id, new.created_at, policy.first_response_minutes, policy.business_hours_only) end;
      new.resolution_due_at := private.sla_due(new.org_id, new.created_at, policy.resolution_minutes, policy.business_hours_only);
    end if;
    new.sla_state := 'ok';
    new.sla_state := private.sla_state_of(new, now());
    return new;
  end if;

  if done then
    new.first_response_due_at := null;
    new.next_response_due_at := null;
    new.next_response_started_at := null;
    new.resolution_due_at := null;
    new.sla_paused_at := null;
  else
    -- reopened: the resolution clock and a next-response clock start again
    if old.status_category in ('resolved', 'closed') and policy.id is not null then
      new.sla_paused_minutes := 0;
      new.resolution_due_at := private.sla_due(new.org_id, now(), policy.resolution_minutes, policy.business_hours_only);
      new.next_response_started_at := now();
      new.next_response_due_at := private.sla_due(new.org_id, now(), policy.next_response_minutes, policy.business_hours_only);
    elsif new.priority is distinct from old.priority and policy.id is not null then
      new.first_response_due_at := case when new.first_response_at is null then
        private.sla_due(new.org_id, new.created_at, policy.first_response_minutes + new.sla_paused_minutes, policy.business_hours_only) end;
      new.resolution_due_at := private.sla_due(new.org_id, coalesce(new.reopened_at, new.created_at),
        policy.resolution_minutes + new.sla_paused_minutes, policy.business_hours_only);
      new.next_response_due_at := private.sla_due(new.org_id, new.next_response_started_at, policy.next_response_minutes,
        policy.business_hours_only);
    end if;
    if new.status_category = 'waiting_on_customer' and old.sla_paused_at is null then
      new.sla_paused_at := now();
    elsif new.status_category <> 'waiting_on_customer' and old.sla_paused_at is not null then
      new.sla_paused_at := null;
      if policy.id is not null then
        paused := ceil(private.sla_minutes_between(new.org_id, old.sla_paused_at, now(), policy.business_hours_only));
        if paused > 0 then
          new.sla_paused_minutes := new.sla_paused_minutes + paused;
          new.first_response_due_at := private.sla_due(new.org_id, new.first_response_due_at, paused::int, policy.business_hours_only);
          new.next_response_due_at := private.sla_due(new.org_id, new.next_response_due_at, paused::int, policy.business_hours_only);
          new.resolution_due_at := private.sla_due(new.org_id, new.resolution_due_at, paused::int, policy.business_hours_only);
        end if;
      end if;
    end if;
  end if;
  if new.first_response_at is not null then
    new.first_response_due_at := null;
  end if;
  new.sla_state := private.sla_state_of(new, now());
  if new.sla_paused_at is null and new.first_response_due_at is null and new.next_response_due_at is null
     and new.resolution_due_at is null then
    new.sla_state := 'ok';
  end if;
  -- SLA bookkeeping alone is not an edit of the ticket
  if (to_jsonb(new) - bookkeeping) = (to_jsonb(old) - bookkeeping) then
    new.updated_at := old.updated_at;
    new.updated_by := old.updated_by;
  end if;
  return new;
end;
$$;

-- (BEFORE triggers fire in name order: after the guards, numbering and updated_at)
create trigger tickets_sla before insert or update on public.tickets
  for each row execute function private.trigger_ticket_sla();

/**
 * Replies drive the response clocks: a public staff reply satisfies the next-response clock; the
 * requester's reply (after the first response) starts it again.
 */
create or replace function private.trigger_comment_sla()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  ticket public.tickets;
  policy public.sla_policies;
begin
  if new.published_at is null or new.is_internal or (tg_op = 'UPDATE' and old.published_at is not null) then
    return null;
  end if;
  select * into ticket from public.tickets t where t.id = new.ticket_id;
  if ticket.status_category in ('resolved', 'closed') then
    return null;
  end if;
  if new.author_id = ticket.requester_id then
    if ticket.first_response_at is not null and ticket.next_response_due_at is null then
      select * into policy from public.sla_policies p where p.org_id = ticket.org_id and p.priority = ticket.priority;
      if policy.id is not null then
        update public.tickets t
           set next_response_started_at = new.published_at,
               next_response_due_at = private.sla_due(ticket.org_id, new.published_at, policy.next_response_minutes, policy.business_hours_only)
         where t.id = ticket.id;
      end if;
    end if;
  elsif ticket.next_response_due_at is not null and private.member_has_permission(new.org_id, new.author_id, 'tickets.manage') then
    update public.tickets t set next_response_due_at = null, next_response_started_at = null where t.id = ticket.id;
  end if;
  return null;
end;
$$;

-- (after ticket_comments_published, which stamps the first response and resumes waiting tickets)
create trigger ticket_comments_sla after insert or update of published_at on public.ticket_comments
  for each row execute function private.trigger_comment_sla();

-- Section - Refresh job

/** Brings sla_state up to date on every ticket with a running clock; returns how many changed. Run by pg_cron. */
create or replace function private.refresh_sla_states()
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  changed integer;
begin
  with due as (
    select t.id, private.sla_state_of(t, now()) as state
      from public.tickets t
     where t.sla_paused_at is null
       and (t.first_response_due_at is not null or t.next_response_due_at is not null or t.resolution_due_at is not null))
  update public.tickets t set sla_state = due.state
    from due
   where t.id = due.id and t.sla_state is distinct from due.state;
  get diagnostics changed = row_count;
  return changed;
end;
$$;
grant execute on function private.refresh_sla_states() to service_role;

create extension if not exists pg_cron;
select cron.schedule('refresh-sla-states', '30 seconds', $$select private.refresh_sla_states()$$);
