/**
 * Ticket settings: each organization's ticket-number prefix, the customers' reopen window and
 * attachment limits; its status catalog (renamable, extensible, every status mapped onto one of five
 * lifecycle categories); and the transition rules between categories, which the database enforces
 * (see the ticket-lifecycle migration). Statuses are seeded for every organization, new and existing.
 */

-- Section - Types

create type public.ticket_status_category as enum ('open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed');
create type public.ticket_priority as enum ('urgent', 'high', 'medium', 'low');

-- Section - Attachment allow-list (also the ticket-attachments bucket's list; never HTML, SVG or scripts)

/** Every MIME type a ticket attachment may have; organizations may narrow it, never widen it. */
create or replace function private.ticket_attachment_mime_types()
returns text[]
language sql
immutable
set search_path = ''
as $$
  select array[
    'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/heic',
    'application/pdf', 'text/plain', 'text/csv', 'application/json', 'application/zip', 'message/rfc822',
    'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.ms-powerpoint', 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet',
    'audio/mpeg', 'video/mp4'
  ]
$$;
-- Column defaults and checks run as the writer.
grant execute on function private.ticket_attachment_mime_types() to authenticated, service_role;

-- Section - Organization settings

alter table public.organizations
  add column ticket_prefix text check (ticket_prefix ~ '^[A-Z0-9]{2,10}$'),
  add column reopen_window_days integer not null default 7 check (reopen_window_days between 0 and 365),
  add column attachment_max_bytes bigint not null default 26214400
    check (attachment_max_bytes between 1024 and 26214400),
  add column attachment_mime_types text[] not null default private.ticket_attachment_mime_types()
    check (attachment_mime_types <@ private.ticket_attachment_mime_types());
comment on column public.organizations.ticket_prefix is 'First part of ticket numbers, e.g. ACME in ACME-20261122-0001; 2–10 of A–Z and 0–9, from the slug by default.';
comment on column public.organizations.reopen_window_days is 'Days after resolution during which a requester may reopen a ticket.';
comment on column public.organizations.attachment_max_bytes is 'Largest attachment accepted, in bytes (at most the bucket''s 25 MiB).';
comment on column public.organizations.attachment_mime_types is 'MIME types accepted for attachments: a subset of private.ticket_attachment_mime_types().';

/** "acme-support" → "ACMESUPPOR"; "a" → "AX". */
create or replace function private.ticket_prefix_from_slug(slug text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case when char_length(p) < 2 then rpad(p, 2, 'X') else p end
    from (select left(upper(regexp_replace(slug, '[^a-z0-9]', '', 'g')), 10) as p) s
$$;

/** Derives the prefix from the slug when none (or '') is given, upper-cases it and explains a bad one. */
create or replace function private.trigger_set_ticket_prefix()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.ticket_prefix := upper(coalesce(nullif(btrim(new.ticket_prefix), ''), private.ticket_prefix_from_slug(new.slug)));
  if new.ticket_prefix !~ '^[A-Z0-9]{2,10}$' then
    perform private.refuse('The ticket prefix must be 2–10 letters or digits, e.g. ACME.');
  end if;
  return new;
end;
$$;
grant execute on function private.ticket_prefix_from_slug(text) to authenticated, service_role;

create trigger organizations_set_ticket_prefix before insert or update of ticket_prefix on public.organizations
  for each row execute function private.trigger_set_ticket_prefix();

update public.organizations set ticket_prefix = private.ticket_prefix_from_slug(slug);
-- '' (the default) stands for "derive it from the slug": the trigger above replaces it.
alter table public.organizations alter column ticket_prefix set not null, alter column ticket_prefix set default '';

grant update (ticket_prefix, reopen_window_days, attachment_max_bytes, attachment_mime_types)
  on public.organizations to authenticated;

-- Section - Statuses

/** An organization's ticket statuses: renamable, extensible, each mapped onto a lifecycle category. */
create table public.ticket_statuses (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  -- The lifecycle category the status belongs to; transition rules are written between categories.
  category public.ticket_status_category not null,
  -- Display name, e.g. "Waiting on customer" or a custom "Pending vendor".
  name text not null check (char_length(btrim(name)) between 1 and 40),
  -- Order within the category in pickers.
  position smallint not null default 0 check (position between 0 and 999),
  -- The status a ticket gets when it enters the category without naming one; one per category.
  is_default boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, name)
);
comment on table public.ticket_statuses is 'Per-organization ticket statuses; seeded with one default per category.';
create unique index ticket_statuses_one_default_idx on public.ticket_statuses (org_id, category) where is_default;

/** The rules of the lifecycle: who may move a ticket from one category to another. */
create table public.ticket_status_transitions (
  from_category public.ticket_status_category not null,
  to_category public.ticket_status_category not null,
  -- Staff holding this permission in the ticket's organization may make the transition.
  required_permission text references public.permissions (key),
  -- The ticket's own requester may make it too (reopen and close their resolved tickets).
  requester_may boolean not null default false,
  -- A reason must be given (reopening).
  requires_reason boolean not null default false,
  primary key (from_category, to_category)
);
comment on table public.ticket_status_transitions is 'Allowed category transitions; anything absent is refused. Closed is final.';
create index ticket_status_transitions_permission_idx on public.ticket_status_transitions (required_permission);

insert into public.ticket_status_transitions (from_category, to_category, required_permission, requester_may, requires_reason)
values
  ('open', 'open', 'tickets.manage', false, false),
  ('open', 'in_progress', 'tickets.manage', false, false),
  ('open', 'waiting_on_customer', 'tickets.manage', false, false),
  ('open', 'resolved', 'tickets.manage', false, false),
  ('in_progress', 'open', 'tickets.manage', false, false),
  ('in_progress', 'in_progress', 'tickets.manage', false, false),
  ('in_progress', 'waiting_on_customer', 'tickets.manage', false, false),
  ('in_progress', 'resolved', 'tickets.manage', false, false),
  ('waiting_on_customer', 'open', 'tickets.manage', false, false),
  ('waiting_on_customer', 'in_progress', 'tickets.manage', false, false),
  ('waiting_on_customer', 'waiting_on_customer', 'tickets.manage', false, false),
  ('waiting_on_customer', 'resolved', 'tickets.manage', false, false),
  ('resolved', 'resolved', 'tickets.manage', false, false),
  ('resolved', 'open', 'tickets.manage', true, true),
  ('resolved', 'closed', 'tickets.manage', true, false);

revoke all on public.ticket_statuses, public.ticket_status_transitions from anon, authenticated;
grant select, insert (org_id, category, name, position, is_default), update (name, position, is_default), delete
  on public.ticket_statuses to authenticated;
grant select on public.ticket_status_transitions to authenticated;
alter table public.ticket_statuses enable row level security;
alter table public.ticket_status_transitions enable row level security;

/** The default status of a category in an organization. */
create or replace function private.default_status_id(org_id uuid, category public.ticket_status_category)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select s.id from public.ticket_statuses s
   where s.org_id = default_status_id.org_id and s.category = default_status_id.category and s.is_default
$$;
grant execute on function private.default_status_id(uuid, public.ticket_status_category) to authenticated, service_role;

/** Every organization starts with the five built-in statuses. */
create or replace function private.seed_ticket_statuses(org_id uuid)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.ticket_statuses (org_id, category, name, position, is_default)
  values (seed_ticket_statuses.org_id, 'open', 'Open', 0, true),
         (seed_ticket_statuses.org_id, 'in_progress', 'In progress', 0, true),
         (seed_ticket_statuses.org_id, 'waiting_on_customer', 'Waiting on customer', 0, true),
         (seed_ticket_statuses.org_id, 'resolved', 'Resolved', 0, true),
         (seed_ticket_statuses.org_id, 'closed', 'Closed', 0, true)
  on conflict do nothing
$$;

create or replace function private.trigger_seed_ticket_statuses()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.seed_ticket_statuses(new.id);
  return null;
end;
$$;

create trigger organizations_seed_ticket_statuses after insert on public.organizations
  for each row execute function private.trigger_seed_ticket_statuses();

select private.seed_ticket_statuses(o.id) from public.organizations o;

/**
 * Keeps exactly one default per category (a new default replaces the old one), and keeps statuses
 * that tickets use: they cannot be deleted or moved to another category.
 */
create or replace function private.trigger_guard_ticket_status()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  in_use boolean := false;
begin
  if tg_op <> 'INSERT' then
    -- an organization being deleted takes its statuses along
    if not exists (select 1 from public.organizations o where o.id = old.org_id) then
      return case tg_op when 'DELETE' then old else new end;
    end if;
    in_use := exists (select 1 from public.tickets t where t.status_id = old.id);
  end if;
  if tg_op = 'DELETE' then
    if in_use then
      perform private.refuse(format('Tickets still have the status "%s".', old.name), 'Move them to another status first.');
    elsif old.is_default then
      perform private.refuse(format('"%s" is the default of its category.', old.name), 'Make another status the default first.');
    end if;
    return old;
  end if;
  if tg_op = 'UPDATE' then
    if new.org_id <> old.org_id or (new.category <> old.category and in_use) then
      perform private.refuse(format('The status "%s" is in use and cannot change category.', old.name));
    -- (depth 1: a direct change; the update below un-defaults the previous default one level deeper)
    elsif old.is_default and not new.is_default and pg_trigger_depth() = 1 then
      perform private.refuse(format('"%s" is the default of its category.', old.name), 'Make another status the default instead.');
    end if;
  end if;
  if new.is_default then
    update public.ticket_statuses s set is_default = false
     where s.org_id = new.org_id and s.category = new.category and s.is_default and s.id <> new.id;
  end if;
  return new;
end;
$$;

create trigger ticket_statuses_guard before insert or update or delete on public.ticket_statuses
  for each row execute function private.trigger_guard_ticket_status();
create trigger ticket_statuses_set_updated_at before update on public.ticket_statuses
  for each row execute function private.trigger_set_updated_at();
create trigger ticket_statuses_audit after insert or update or delete on public.ticket_statuses
  for each row execute function private.trigger_write_audit_log();

-- Section - Policies

create policy "Members read their organization's ticket statuses" on public.ticket_statuses for select to authenticated
  using (org_id = any (array(select private.org_ids_for_user())));
create policy "Org managers add ticket statuses" on public.ticket_statuses for insert to authenticated
  with check (org_id = any (array(select private.org_ids_with_permission('org.manage'))));
create policy "Org managers rename and reorder ticket statuses" on public.ticket_statuses for update to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('org.manage'))))
  with check (org_id = any (array(select private.org_ids_with_permission('org.manage'))));
create policy "Org managers remove unused ticket statuses" on public.ticket_statuses for delete to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('org.manage'))));

create policy "Signed-in users read the transition rules" on public.ticket_status_transitions for select to authenticated
  using (true);
