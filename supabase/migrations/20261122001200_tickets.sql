/**
 * Tickets: numbered per organization and day (ACME-20261122-0001, gap-free under concurrency), with
 * requester, assignee and team checked against the organization and custom fields validated. Changes
 * to a ticket (the status lifecycle above all) are guarded in the ticket-lifecycle migration.
 *
 * Who is trusted: guard triggers run as the caller (security invoker). A write made by an API user
 * (current_user = 'authenticated') follows the rules below; writes made by our own security-definer
 * functions (scheduled delivery, merges), the service role or migrations are trusted.
 */

-- Section - Tables

/** Per-organization, per-day ticket counters; locked row by row by `insert … on conflict do update`. */
create table private.ticket_number_counters (
  org_id uuid not null references public.organizations (id) on delete cascade,
  -- The day in the organization's time zone.
  day date not null,
  last_number integer not null,
  primary key (org_id, day)
);
revoke all on private.ticket_number_counters from public;

/**
 * Default of columns that a BEFORE trigger always fills in (a ticket's status, a comment's
 * organization): returns null, so NOT NULL still holds after the trigger, while clients and the
 * generated types may leave the column out.
 */
create or replace function private.filled_by_trigger()
returns uuid
language sql
stable
set search_path = ''
as $$ select null::uuid $$;
grant execute on function private.filled_by_trigger() to authenticated, service_role;

create table public.tickets (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  -- "<prefix>-<YYYYMMDD>-<NNNN>", assigned by trigger; the day is the organization's local day.
  number text not null default '',
  subject text not null check (char_length(btrim(subject)) between 1 and 200),
  -- Plain text as typed; rendered inert by clients.
  description text not null default '' check (char_length(description) <= 20000),
  -- The member the ticket is for; defaults to whoever raises it.
  requester_id uuid references auth.users (id) on delete set null default auth.uid(),
  priority public.ticket_priority not null default 'medium',
  category text check (char_length(btrim(category)) between 1 and 60),
  -- Lower-case labels, at most 20 (normalized by trigger).
  tags text[] not null default '{}' check (cardinality(tags) <= 20),
  -- Values of the organization's ticket_fields, keyed by field key.
  custom_fields jsonb not null default '{}' check (jsonb_typeof(custom_fields) = 'object'),
  assignee_id uuid references auth.users (id) on delete set null,
  team_id uuid references public.teams (id) on delete set null,
  -- The organization's default open status when left out.
  status_id uuid not null default private.filled_by_trigger() references public.ticket_statuses (id),
  -- Category of status_id, kept by trigger (filters, RLS-free lifecycle checks).
  status_category public.ticket_status_category not null default 'open',
  -- Staff's remarks on how the ticket was resolved.
  resolution text check (char_length(resolution) <= 5000),
  -- Why the requester or an agent reopened it (required to reopen; cleared when it is resolved again).
  reopen_reason text check (char_length(reopen_reason) <= 1000),
  reopen_count integer not null default 0,
  -- Set when this ticket was merged into another one.
  merged_into_id uuid references public.tickets (id) on delete set null,
  status_changed_at timestamptz not null default now(),
  assigned_at timestamptz,
  first_response_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  reopened_at timestamptz,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  -- Last writer (no foreign key: kept when the user is deleted).
  updated_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, number),
  constraint tickets_not_merged_into_itself check (merged_into_id <> id)
);
comment on table public.tickets is 'Support tickets. Lifecycle, numbering and tenancy are enforced by triggers.';
create index tickets_org_id_created_at_idx on public.tickets (org_id, created_at desc);
create index tickets_org_id_status_category_idx on public.tickets (org_id, status_category);
create index tickets_requester_id_idx on public.tickets (requester_id);
create index tickets_assignee_id_idx on public.tickets (assignee_id);
create index tickets_team_id_idx on public.tickets (team_id);
create index tickets_status_id_idx on public.tickets (status_id);
create index tickets_merged_into_id_idx on public.tickets (merged_into_id);
create index tickets_created_by_idx on public.tickets (created_by);

revoke all on public.tickets from anon, authenticated;
grant select, delete on public.tickets to authenticated;
grant insert (org_id, subject, description, requester_id, priority, category, tags, custom_fields, assignee_id, team_id, status_id)
  on public.tickets to authenticated;
grant update (subject, description, requester_id, priority, category, tags, custom_fields, assignee_id, team_id, status_id,
  resolution, reopen_reason) on public.tickets to authenticated;
alter table public.tickets enable row level security;

-- Section - Helpers

/** Tickets the caller raised, in organizations they still belong to. */
create or replace function private.ticket_ids_requested_by_me()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select t.id from public.tickets t
   where t.requester_id = (select private.current_user_id())
     and t.org_id in (select private.org_ids_for_user())
$$;

/** Whether the caller may read a ticket: staff (tickets.view) of its organization, or its requester. */
create or replace function private.can_read_ticket(ticket_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.tickets t
     where t.id = can_read_ticket.ticket_id
       and (t.org_id in (select private.org_ids_with_permission('tickets.view'))
            or t.id in (select private.ticket_ids_requested_by_me())))
$$;

/** Whether a user (not necessarily the caller) holds a permission in an organization. */
create or replace function private.member_has_permission(org_id uuid, user_id uuid, permission text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m join public.role_permissions rp on rp.role_id = m.role_id
     where m.org_id = member_has_permission.org_id and m.user_id = member_has_permission.user_id
       and rp.permission = member_has_permission.permission)
$$;

/** Whether a user belongs to an organization. */
create or replace function private.is_member(org_id uuid, user_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.memberships m where m.org_id = is_member.org_id and m.user_id = is_member.user_id)
$$;

/** Whether a team belongs to an organization. */
create or replace function private.team_in_org(team_id uuid, org_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from public.teams t where t.id = team_in_org.team_id and t.org_id = team_in_org.org_id)
$$;

/** A ticket's status row, whoever asks (triggers name statuses in their messages). */
create or replace function private.ticket_status(status_id uuid)
returns public.ticket_statuses
language sql
stable
security definer
set search_path = ''
as $$
  select s from public.ticket_statuses s where s.id = ticket_status.status_id
$$;

grant execute on function private.ticket_ids_requested_by_me(), private.can_read_ticket(uuid),
  private.member_has_permission(uuid, uuid, text), private.is_member(uuid, uuid), private.team_in_org(uuid, uuid),
  private.ticket_status(uuid)
  to authenticated, service_role;

-- Section - Triggers

/** Numbers a new ticket: the per-org, per-day counter row is created or incremented and locked. */
create or replace function private.trigger_number_ticket()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  org public.organizations;
  local_day date;
  next_number integer;
begin
  select * into org from public.organizations o where o.id = new.org_id;
  local_day := (now() at time zone org.time_zone)::date;
  insert into private.ticket_number_counters as c (org_id, day, last_number)
  values (new.org_id, local_day, 1)
  on conflict (org_id, day) do update set last_number = c.last_number + 1
  returning c.last_number into next_number;
  new.number := format('%s-%s-%s', org.ticket_prefix, to_char(local_day, 'YYYYMMDD'),
                       lpad(next_number::text, greatest(4, char_length(next_number::text)), '0'));
  return new;
end;
$$;

/** Lower-cases, trims and de-duplicates tags; explains a bad one. */
create or replace function private.normalize_tags(tags text[])
returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  cleaned text[];
  bad text;
begin
  select coalesce(array_agg(distinct t order by t), '{}') into cleaned
    from (select lower(btrim(x)) as t from unnest(coalesce(tags, '{}')) x) s where t <> '';
  select t into bad from unnest(cleaned) t where t !~ '^[[:alnum:]][[:alnum:]_.:-]{0,39}$' limit 1;
  if bad is not null then
    perform private.refuse(format('"%s" is not a valid tag: use up to 40 letters, digits, "-", "_", "." or ":".', left(bad, 50)));
  elsif cardinality(cleaned) > 20 then
    perform private.refuse('A ticket has at most 20 tags.');
  end if;
  return cleaned;
end;
$$;
grant execute on function private.normalize_tags(text[]) to authenticated, service_role;

/** Refuses a requester, assignee or team from outside the ticket's organization, readably (nulls pass). */
create or replace function private.check_ticket_parties(org_id uuid, requester_id uuid, assignee_id uuid, team_id uuid)
returns void
language plpgsql
stable
set search_path = ''
as $$
begin
  if requester_id is not null and not private.is_member(org_id, requester_id) then
    perform private.refuse('The requester must be a member of this organization.');
  elsif assignee_id is not null and not private.member_has_permission(org_id, assignee_id, 'tickets.view') then
    perform private.refuse('The assignee must be an agent of this organization.');
  elsif team_id is not null and not private.team_in_org(team_id, org_id) then
    perform private.refuse('The team must be a team of this organization.');
  end if;
end;
$$;
grant execute on function private.check_ticket_parties(uuid, uuid, uuid, uuid) to authenticated, service_role;

/** Length limits, with messages a form can show. */
create or replace function private.check_ticket_text(subject text, description text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if char_length(btrim(coalesce(subject, ''))) not between 1 and 200 then
    perform private.refuse('The subject must be 1–200 characters.');
  elsif char_length(description) > 20000 then
    perform private.refuse('The description is limited to 20,000 characters.');
  end if;
end;
$$;
grant execute on function private.check_ticket_text(text, text) to authenticated, service_role;

/** New tickets: tenancy, parties, first status, normalized tags; lifecycle fields start empty. */
create or replace function private.trigger_guard_new_ticket()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  by_user boolean := current_user = 'authenticated';
  first_status public.ticket_statuses;
begin
  if by_user and not private.has_permission(new.org_id, 'tickets.create') then
    -- the answer RLS gives, before any message could reveal something about another tenant
    raise exception 'new row violates row-level security policy for table "tickets"' using errcode = '42501';
  end if;
  perform private.check_ticket_text(new.subject, new.description);
  new.requester_id := coalesce(new.requester_id, (select auth.uid()));
  if by_user and new.requester_id is distinct from (select auth.uid()) and not private.has_permission(new.org_id, 'tickets.manage') then
    perform private.refuse('Only agents can raise a ticket for someone else.');
  end if;
  if by_user and (new.assignee_id is not null or new.team_id is not null) and not private.has_permission(new.org_id, 'tickets.assign') then
    perform private.refuse('Only members who assign tickets can choose an assignee or team.');
  end if;
  if new.requester_id is null then
    perform private.refuse('A ticket needs a requester.');
  end if;
  perform private.check_ticket_parties(new.org_id, new.requester_id, new.assignee_id, new.team_id);
  first_status := private.ticket_status(coalesce(new.status_id, private.default_status_id(new.org_id, 'open')));
  if first_status.id is null or first_status.org_id <> new.org_id then
    perform private.refuse('That status does not exist in this organization.');
  elsif first_status.category <> 'open' then
    perform private.refuse(format('New tickets start open, not "%s".', first_status.name));
  end if;
  new.status_id := first_status.id;
  new.status_category := first_status.category;
  new.tags := private.normalize_tags(new.tags);
  new.subject := btrim(new.subject);
  new.category := nullif(btrim(new.category), '');
  if by_user then
    new.created_by := (select auth.uid());
    new.resolution := null;
    new.reopen_reason := null;
    new.reopen_count := 0;
    new.merged_into_id := null;
    new.first_response_at := null;
    new.resolved_at := null;
    new.closed_at := null;
    new.reopened_at := null;
    new.created_at := now();
  end if;
  new.assigned_at := case when new.assignee_id is not null then now() end;
  new.status_changed_at := now();
  new.updated_by := (select auth.uid());
  return new;
end;
$$;

/** Custom-field values must match the organization's definitions. */
create or replace function private.trigger_validate_ticket_custom_fields()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.custom_fields is distinct from old.custom_fields then
    new.custom_fields := private.validate_custom_fields(new.org_id, new.custom_fields, true);
  end if;
  return new;
end;
$$;

-- Before-triggers fire in name order: guard, then number, then fields (update guards: see ticket-lifecycle).
create trigger tickets_guard_insert before insert on public.tickets
  for each row execute function private.trigger_guard_new_ticket();
create trigger tickets_number before insert on public.tickets
  for each row execute function private.trigger_number_ticket();
create trigger tickets_validate_custom_fields before insert or update on public.tickets
  for each row execute function private.trigger_validate_ticket_custom_fields();
-- Deleted tickets leave a trace in the audit log (their events go with them).
create trigger tickets_audit_delete after delete on public.tickets
  for each row execute function private.trigger_write_audit_log();

-- Section - Policies

-- Requester rows are matched on the row itself (not via ticket_ids_requested_by_me()): an insert's
-- RETURNING is checked against the select policy before the new row exists.
create policy "Staff see their organization's tickets; requesters see their own" on public.tickets
  for select to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.view')))
    or (requester_id = (select private.current_user_id()) and org_id = any (array(select private.org_ids_for_user()))));
create policy "Members with tickets.create raise tickets for themselves; agents for anyone" on public.tickets
  for insert to authenticated
  with check (not (select private.is_anonymous())
    and org_id = any (array(select private.org_ids_with_permission('tickets.create')))
    and (requester_id = (select private.current_user_id())
         or org_id = any (array(select private.org_ids_with_permission('tickets.manage')))));
create policy "Agents work their organization's tickets; requesters reopen or close their own" on public.tickets
  for update to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.manage')))
    or (requester_id = (select private.current_user_id()) and org_id = any (array(select private.org_ids_for_user()))))
  with check (org_id = any (array(select private.org_ids_with_permission('tickets.manage')))
    or (requester_id = (select private.current_user_id()) and org_id = any (array(select private.org_ids_for_user()))));
create policy "Members with tickets.delete delete tickets" on public.tickets for delete to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.delete'))));
