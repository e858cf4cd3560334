/**
 * Saved ticket views: a name over a search (query, filters, sort) that the ticket list and the CSV
 * export run through search_tickets. A view is private to its owner (user_id) or shared with the
 * organization (user_id null). Staff (tickets.view) keep their own; those who work tickets
 * (tickets.manage) curate the shared ones. Filters are checked by the same parser search_tickets
 * uses, so a saved view always runs; "me" in a person filter resolves to whoever opens the view.
 */

create table public.saved_views (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  -- The owner of a private view; null for a view shared with the organization.
  user_id uuid references auth.users (id) on delete cascade default auth.uid(),
  name text not null check (char_length(btrim(name)) between 1 and 60),
  -- Websearch text, as search_tickets takes it (null: no full-text query).
  query text check (char_length(query) <= 500),
  -- search_tickets filters, checked by private.parse_ticket_filters.
  filters jsonb not null default '{}' check (jsonb_typeof(filters) = 'object'),
  -- A sort order of search_tickets (null: its default).
  sort text check (sort in ('relevance', 'updated_desc', 'updated_asc', 'created_desc', 'created_asc', 'priority')),
  -- Order in the sidebar, shared views and private views each from 0.
  position smallint not null default 0 check (position between 0 and 999),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint saved_views_name_unique unique nulls not distinct (org_id, user_id, name)
);
comment on table public.saved_views is 'Named ticket searches: private to their owner, or shared with the organization.';

create index saved_views_user_id_idx on public.saved_views (user_id);
create index saved_views_org_id_position_idx on public.saved_views (org_id, position);

revoke all on public.saved_views from anon, authenticated;
grant select, delete, insert (org_id, user_id, name, query, filters, sort, position),
  update (name, query, filters, sort, position) on public.saved_views to authenticated;
alter table public.saved_views enable row level security;

-- Section - Triggers

/** Checks a view's filters and sort with search_tickets' own rules, and caps private views per person. */
create or replace function private.trigger_validate_saved_view()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform private.parse_ticket_filters(new.filters);
  if nullif(btrim(new.query), '') is null then
    new.query := null;
    if new.sort = 'relevance' then
      perform private.refuse('Only a view with a search can sort by relevance.');
    end if;
  elsif new.sort is not null and new.sort <> 'relevance' then
    perform private.refuse('A view with a search sorts by relevance.', 'Clear the search to sort otherwise.');
  end if;
  new.name := btrim(new.name);
  if tg_op = 'INSERT' and (select count(*) from public.saved_views v
                            where v.org_id = new.org_id and v.user_id is not distinct from new.user_id) >= 50 then
    perform private.refuse('Up to 50 views can be saved here.', 'Delete a view you no longer use.');
  end if;
  return new;
end;
$$;

create trigger saved_views_validate before insert or update on public.saved_views
  for each row execute function private.trigger_validate_saved_view();
create trigger saved_views_set_updated_at before update on public.saved_views
  for each row execute function private.trigger_set_updated_at();

-- Section - RLS Policies

create policy "Staff read their own views and their organization's shared views" on public.saved_views
  for select to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.view')))
    and (user_id = (select private.current_user_id()) or user_id is null));
create policy "Staff save their own views; ticket workers share views" on public.saved_views
  for insert to authenticated
  with check (org_id = any (array(select private.org_ids_with_permission('tickets.view')))
    and (user_id = (select private.current_user_id())
         or (user_id is null and org_id = any (array(select private.org_ids_with_permission('tickets.manage'))))));
create policy "Staff edit their own views; ticket workers edit shared views" on public.saved_views
  for update to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.view')))
    and (user_id = (select private.current_user_id())
         or (user_id is null and org_id = any (array(select private.org_ids_with_permission('tickets.manage'))))))
  with check (org_id = any (array(select private.org_ids_with_permission('tickets.view')))
    and (user_id = (select private.current_user_id())
         or (user_id is null and org_id = any (array(select private.org_ids_with_permission('tickets.manage'))))));
create policy "Staff delete their own views; ticket workers delete shared views" on public.saved_views
  for delete to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.view')))
    and (user_id = (select private.current_user_id())
         or (user_id is null and org_id = any (array(select private.org_ids_with_permission('tickets.manage'))))));

-- Section - Default shared views

/** Every organization starts with three shared views; "me" is whoever opens the view. */
create or replace function private.seed_saved_views(org_id uuid)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.saved_views (org_id, user_id, name, filters, sort, position)
  values (seed_saved_views.org_id, null, 'Unassigned',
          '{"assignee_id": null, "status_category": ["open", "in_progress", "waiting_on_customer"]}', 'priority', 0),
         (seed_saved_views.org_id, null, 'My open tickets',
          '{"assignee_id": "me", "status_category": ["open", "in_progress", "waiting_on_customer"]}', 'updated_desc', 1),
         (seed_saved_views.org_id, null, 'Breached SLA',
          '{"sla_state": "breached", "status_category": ["open", "in_progress", "waiting_on_customer"]}', 'priority', 2)
  on conflict do nothing
$$;

create or replace function private.trigger_seed_saved_views()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.seed_saved_views(new.id);
  return null;
end;
$$;

create trigger organizations_seed_saved_views after insert on public.organizations
  for each row execute function private.trigger_seed_saved_views();

select private.seed_saved_views(o.id) from public.organizations o;
