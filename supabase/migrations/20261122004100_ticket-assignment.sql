/**
 * Ticket assignment: each team chooses how its new tickets find an agent.
 *   manual        nobody is picked; someone with tickets.assign assigns by hand
 *   round_robin   the team's online agents take turns (a cursor per team, kept under a row lock)
 *   least_loaded  the online agent with the fewest unresolved tickets of the organization
 * A ticket raised for a team without an assignee (or moved to such a team while unassigned) is routed
 * at once. Agents who are away or offline are skipped; when nobody is online the ticket stays
 * unassigned. assign_tickets(ids, assignee) assigns (or unassigns) several tickets in one call.
 */

-- Section - Types and columns

create type public.team_assignment_mode as enum ('manual', 'round_robin', 'least_loaded');

alter table public.teams
  add column assignment_mode public.team_assignment_mode not null default 'manual';
comment on column public.teams.assignment_mode is 'How new unassigned tickets of the team get an agent: manual, round_robin or least_loaded.';

/** Per-team round-robin cursor: the agent picked last. One row per team, locked while picking. */
create table private.team_assignment_cursors (
  team_id uuid primary key references public.teams (id) on delete cascade,
  last_user_id uuid,
  updated_at timestamptz not null default now()
);
revoke all on private.team_assignment_cursors from public;

-- Section - Picking an agent

/**
 * The agent a team's next ticket goes to, or null (manual mode, or nobody eligible). Eligible: the
 * team's members who are online in the organization and may hold tickets (tickets.view, as the
 * assignee check demands). The team's cursor row is locked first, so concurrent tickets of one team
 * are routed one after the other: round robin never hands two tickets to the same turn, and
 * least-loaded counts see the tickets routed just before.
 */
create or replace function private.pick_team_assignee(team_id uuid)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  team public.teams;
  last_user uuid;
  picked uuid;
begin
  select * into team from public.teams t where t.id = pick_team_assignee.team_id;
  if team.id is null or team.assignment_mode = 'manual' then
    return null;
  end if;
  insert into private.team_assignment_cursors as c (team_id) values (team.id)
  on conflict on constraint team_assignment_cursors_pkey do update set updated_at = now()
  returning c.last_user_id into last_user;
  with candidates as (
    select tm.user_id,
           (select count(*) from public.tickets t
             where t.org_id = team.org_id and t.assignee_id = tm.user_id and t.status_category not in ('resolved', 'closed')) as load,
           (select max(t.assigned_at) from public.tickets t where t.org_id = team.org_id and t.assignee_id = tm.user_id) as last_assigned
      from public.team_members tm
      join public.memberships m on m.org_id = team.org_id and m.user_id = tm.user_id
     where tm.team_id = team.id and m.availability = 'online'
       and private.member_has_permission(team.org_id, tm.user_id, 'tickets.view'))
  select c.user_id into picked from candidates c
   order by
     -- round robin: the next user id after the last one picked, wrapping around
     case when team.assignment_mode = 'round_robin' then last_user is not null and c.user_id <= last_user end,
     -- least loaded: fewest unresolved tickets, then the one who waited longest for a ticket
     case when team.assignment_mode = 'least_loaded' then c.load end,
     case when team.assignment_mode = 'least_loaded' then c.last_assigned end nulls first,
     c.user_id
   limit 1;
  if picked is not null then
    update private.team_assignment_cursors c set last_user_id = picked where c.team_id = team.id;
  end if;
  return picked;
end;
$$;
grant execute on function private.pick_team_assignee(uuid) to authenticated, service_role;

/**
 * Routes an unassigned ticket of a team (new, or moved to the team) to an agent, and marks the
 * transaction so that the timeline records the automatic assignment.
 */
create or replace function private.trigger_route_ticket_to_team()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.team_id is null or new.assignee_id is not null
     or (tg_op = 'UPDATE' and new.team_id is not distinct from old.team_id) then
    return new;
  end if;
  new.assignee_id := private.pick_team_assignee(new.team_id);
  if new.assignee_id is not null then
    new.assigned_at := now();
    -- (a list: after-row triggers of a multi-row insert run once every row is in)
    perform set_config('supportdesk.auto_assigned',
      concat_ws(',', nullif(current_setting('supportdesk.auto_assigned', true), ''), new.id::text), true);
  end if;
  return new;
end;
$$;

-- (before-triggers run in name order: after the guards and numbering, before custom fields)
create trigger tickets_route_to_team before insert or update of team_id, assignee_id on public.tickets
  for each row execute function private.trigger_route_ticket_to_team();

/** Timeline entry for a ticket that was assigned automatically when it was raised. */
create or replace function private.trigger_record_auto_assignment()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.assignee_id is not null
     and new.id::text = any (string_to_array(current_setting('supportdesk.auto_assigned', true), ',')) then
    perform private.record_ticket_event(new.id, 'ticket.assigned', true,
      jsonb_build_object('assignee_id', null, 'team_id', new.team_id),
      jsonb_build_object('assignee_id', new.assignee_id, 'team_id', new.team_id,
        'mode', (select t.assignment_mode from public.teams t where t.id = new.team_id)));
  end if;
  return null;
end;
$$;

create trigger tickets_record_auto_assignment after insert on public.tickets
  for each row execute function private.trigger_record_auto_assignment();

-- Section - Bulk assignment

/**
 * Assigns tickets to one agent (null: unassigns them). The caller needs tickets.assign in every
 * ticket's organization and the assignee must be an agent there; the ticket guards apply to each
 * row as to any update, so the timeline and live topics follow. Returns the changed tickets.
 */
create or replace function public.assign_tickets(ticket_ids uuid[], assignee_id uuid)
returns setof public.tickets
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  wanted integer := cardinality(array(select distinct x from unnest(assign_tickets.ticket_ids) x where x is not null));
  found_orgs uuid[];
  found_count integer;
begin
  if wanted = 0 then
    perform private.refuse('Choose at least one ticket to assign.');
  elsif wanted > 500 then
    perform private.refuse('Assign at most 500 tickets at a time.');
  end if;
  -- (under the caller's RLS: tickets they cannot read count as not found)
  select array_agg(distinct t.org_id), count(*) into found_orgs, found_count
    from public.tickets t where t.id = any (assign_tickets.ticket_ids);
  if found_count <> wanted then
    perform private.refuse('Some of these tickets were not found.', 'Reload the list and try again.');
  elsif exists (select 1 from unnest(found_orgs) o where not private.has_permission(o, 'tickets.assign')) then
    raise exception 'You cannot assign tickets in this organization.' using errcode = '42501';
  elsif assign_tickets.assignee_id is not null
        and exists (select 1 from unnest(found_orgs) o where not private.member_has_permission(o, assign_tickets.assignee_id, 'tickets.view')) then
    perform private.refuse('The assignee must be an agent of this organization.');
  end if;
  return query
    update public.tickets t set assignee_id = assign_tickets.assignee_id
     where t.id = any (assign_tickets.ticket_ids) and t.assignee_id is distinct from assign_tickets.assignee_id
    returning t.*;
end;
$$;
revoke execute on function public.assign_tickets(uuid[], uuid) from public, anon;
grant execute on function public.assign_tickets(uuid[], uuid) to authenticated;
