/**
 * RLS helpers, protective triggers, policies and RPCs for organizations, roles, memberships and teams.
 * Policies call set-returning helpers once per statement (`= any (array(select ...))`), never per row.
 */

-- Section - RLS helpers

/** Organizations the caller belongs to (none for anonymous visitors or revoked sessions). */
create or replace function private.org_ids_for_user()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.org_id from public.memberships m where m.user_id = (select private.current_user_id())
$$;

/** Organizations in which the caller's role grants a permission. */
create or replace function private.org_ids_with_permission(permission text)
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select m.org_id
    from public.memberships m
    join public.role_permissions rp on rp.role_id = m.role_id
   where m.user_id = (select private.current_user_id())
     and rp.permission = org_ids_with_permission.permission
$$;

/** Whether the caller holds a permission in one organization (for triggers and RPCs). */
create or replace function private.has_permission(org_id uuid, permission text)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from private.org_ids_with_permission(has_permission.permission) o where o = has_permission.org_id)
$$;

/** The caller's rank in an organization (0 when not a member). */
create or replace function private.rank_in_org(org_id uuid)
returns integer
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(max(r.rank), 0)
    from public.memberships m
    join public.roles r on r.id = m.role_id
   where m.user_id = (select private.current_user_id()) and m.org_id = rank_in_org.org_id
$$;

/** Users who share at least one organization with the caller. */
create or replace function private.coworker_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select distinct m.user_id
    from public.memberships m
   where m.org_id in (select private.org_ids_with_permission('members.view'))
$$;

grant execute on function private.org_ids_for_user(), private.org_ids_with_permission(text),
  private.has_permission(uuid, text), private.rank_in_org(uuid), private.coworker_ids()
  to authenticated, service_role;

-- Section - Protective triggers

/** Raises a readable, client-visible error (SQLSTATE P0001 with a hint for the UI). */
create or replace function private.refuse(message text, hint text default null)
returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using message = message, hint = coalesce(hint, ''), errcode = 'P0001';
end;
$$;
grant execute on function private.refuse(text, text) to authenticated, service_role;

/** Validates an organization's time zone and business hours, which CHECK constraints cannot express. */
create or replace function private.trigger_validate_organization()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  day_key text;
  slot jsonb;
begin
  if not exists (select 1 from pg_catalog.pg_timezone_names where name = new.time_zone) then
    perform private.refuse(format('"%s" is not a known time zone.', new.time_zone), 'Use an IANA name such as Europe/Paris.');
  end if;
  if jsonb_typeof(new.business_hours) <> 'object' then
    perform private.refuse('Business hours must be an object keyed by weekday.');
  end if;
  for day_key in select jsonb_object_keys(new.business_hours) loop
    if day_key not in ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun') then
      perform private.refuse(format('"%s" is not a weekday (use mon … sun).', left(day_key, 20)));
    end if;
    if jsonb_typeof(new.business_hours -> day_key) <> 'array' then
      perform private.refuse(format('Hours for %s must be a list of {open, close} ranges.', day_key));
    end if;
    for slot in select jsonb_array_elements(new.business_hours -> day_key) loop
      if not (slot ->> 'open' ~ '^([01]\d|2[0-3]):[0-5]\d$' and slot ->> 'close' ~ '^([01]\d|2[0-3]):[0-5]\d$|^24:00$')
         or slot ->> 'open' >= slot ->> 'close' then
        perform private.refuse(format('Hours for %s must be HH:MM ranges that open before they close.', day_key));
      end if;
    end loop;
  end loop;
  return new;
end;
$$;

create trigger organizations_validate before insert or update on public.organizations
  for each row execute function private.trigger_validate_organization();
create trigger organizations_set_updated_at before update on public.organizations
  for each row execute function private.trigger_set_updated_at();

/** Whoever creates an organization becomes its first owner. */
create or replace function private.trigger_add_creator_as_owner()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.created_by is not null then
    insert into public.memberships (org_id, user_id, role_id)
    select new.id, new.created_by, r.id from public.roles r where r.org_id is null and r.key = 'owner';
  end if;
  return new;
end;
$$;

create trigger organizations_add_creator_as_owner after insert on public.organizations
  for each row execute function private.trigger_add_creator_as_owner();

/** Every new user gets a profile, named from sign-up metadata when given. */
create or replace function private.trigger_create_profile()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.profiles (id, display_name)
  values (new.id, left(coalesce(new.raw_user_meta_data ->> 'display_name', new.raw_user_meta_data ->> 'name', ''), 80))
  on conflict (id) do nothing;
  return new;
end;
$$;

create trigger on_auth_user_created_create_profile after insert on auth.users
  for each row execute function private.trigger_create_profile();

create trigger profiles_set_updated_at before update on public.profiles
  for each row execute function private.trigger_set_updated_at();

/** The rank of a role, or null when the role cannot be used in that organization. */
create or replace function private.role_rank_for_org(role_id uuid, org_id uuid)
returns integer
language sql
stable
security definer
set search_path = ''
as $$
  select r.rank from public.roles r
   where r.id = role_rank_for_org.role_id and (r.org_id is null or r.org_id = role_rank_for_org.org_id)
$$;

/**
 * Role changes and removals: owners manage everyone; others manage only members ranked below owner and
 * grant only roles up to their own rank; nobody raises their own role; an organization keeps an owner.
 * Service-role and migration sessions (no user) are trusted.
 */
create or replace function private.trigger_guard_membership()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  actor uuid := (select auth.uid());
  actor_rank integer;
  old_rank integer := private.role_rank_for_org(old.role_id, old.org_id);
  new_rank integer;
begin
  if tg_op = 'UPDATE' and (new.org_id <> old.org_id or new.user_id <> old.user_id) then
    perform private.refuse('A membership cannot move to another organization or user.');
  end if;
  if actor is not null and (tg_op = 'DELETE' or new.role_id <> old.role_id) then
    actor_rank := private.rank_in_org(old.org_id);
    if tg_op = 'UPDATE' then
      new_rank := private.role_rank_for_org(new.role_id, new.org_id);
      if not private.has_permission(old.org_id, 'members.manage') then
        perform private.refuse('Only members who manage members can change roles.');
      elsif new_rank is null then
        perform private.refuse('That role does not exist in this organization.');
      elsif old.user_id = actor and new_rank > old_rank then
        perform private.refuse('You cannot raise your own role.');
      elsif new_rank > actor_rank or (new_rank = 100 and actor_rank < 100) then
        perform private.refuse('You cannot grant a role above your own.');
      end if;
    end if;
    if old.user_id <> actor and old_rank >= 100 and actor_rank < 100 then
      perform private.refuse('Only an owner can change or remove another owner.');
    end if;
  end if;
  if old_rank >= 100 and (tg_op = 'DELETE' or private.role_rank_for_org(new.role_id, new.org_id) < 100)
     -- the organization itself being deleted takes its memberships along
     and exists (select 1 from public.organizations o where o.id = old.org_id)
     and not exists (
       select 1 from public.memberships m join public.roles r on r.id = m.role_id
        where m.org_id = old.org_id and m.id <> old.id and r.rank >= 100) then
    perform private.refuse('An organization needs at least one owner.', 'Make someone else an owner first.');
  end if;
  return case tg_op when 'DELETE' then old else new end;
end;
$$;

create trigger memberships_guard before update or delete on public.memberships
  for each row execute function private.trigger_guard_membership();
create trigger memberships_set_updated_at before update on public.memberships
  for each row execute function private.trigger_set_updated_at();

/** Custom roles: created within the caller's rank, and built-in roles are never edited through the API. */
create or replace function private.trigger_guard_role()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (select auth.uid()) is null then
    return case tg_op when 'DELETE' then old else new end;
  end if;
  if (case tg_op when 'DELETE' then old.org_id else new.org_id end) is null then
    perform private.refuse('Built-in roles cannot be changed.');
  end if;
  if tg_op <> 'DELETE' and new.rank > private.rank_in_org(new.org_id) then
    perform private.refuse('A custom role cannot rank above your own role.');
  end if;
  if tg_op = 'UPDATE' and new.org_id <> old.org_id then
    perform private.refuse('A role cannot move to another organization.');
  end if;
  if tg_op = 'DELETE' and exists (select 1 from public.memberships m where m.role_id = old.id) then
    perform private.refuse('This role is still assigned to members.', 'Give them another role first.');
  end if;
  return case tg_op when 'DELETE' then old else new end;
end;
$$;

/** Permissions are granted to custom roles only by someone who holds them (no escalation by proxy). */
create or replace function private.trigger_guard_role_permission()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  role_org uuid;
  changed public.role_permissions := case tg_op when 'DELETE' then old else new end;
begin
  select r.org_id into role_org from public.roles r where r.id = changed.role_id;
  if (select auth.uid()) is not null then
    if role_org is null then
      perform private.refuse('Built-in roles cannot be changed.');
    elsif not private.has_permission(role_org, changed.permission) then
      perform private.refuse(format('You can only grant permissions you hold (%s).', changed.permission));
    end if;
  end if;
  return changed;
end;
$$;

create trigger role_permissions_guard before insert or delete on public.role_permissions
  for each row execute function private.trigger_guard_role_permission();

create trigger roles_guard before insert or update or delete on public.roles
  for each row execute function private.trigger_guard_role();
create trigger roles_set_updated_at before update on public.roles
  for each row execute function private.trigger_set_updated_at();

/** Team members must belong to the team's organization. */
create or replace function private.trigger_guard_team_member()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  select t.org_id into new.org_id from public.teams t where t.id = new.team_id;
  if not exists (select 1 from public.memberships m where m.org_id = new.org_id and m.user_id = new.user_id) then
    perform private.refuse('Only members of the organization can join its teams.');
  end if;
  return new;
end;
$$;

create trigger team_members_guard before insert on public.team_members
  for each row execute function private.trigger_guard_team_member();
create trigger teams_set_updated_at before update on public.teams
  for each row execute function private.trigger_set_updated_at();

-- Section - Policies

create policy "Members can read their organizations" on public.organizations for select to authenticated
  using (id = any (array(select private.org_ids_for_user())));
create policy "Signed-up users can create organizations" on public.organizations for insert to authenticated
  with check (created_by = (select auth.uid()) and not (select private.is_anonymous()));
create policy "Org managers can update their organization" on public.organizations for update to authenticated
  using (id = any (array(select private.org_ids_with_permission('org.manage'))))
  with check (id = any (array(select private.org_ids_with_permission('org.manage'))));

create policy "Members can read their organization's holidays" on public.organization_holidays for select to authenticated
  using (org_id = any (array(select private.org_ids_for_user())));
create policy "Org managers can add holidays" on public.organization_holidays for insert to authenticated
  with check (org_id = any (array(select private.org_ids_with_permission('org.manage'))));
create policy "Org managers can edit holidays" on public.organization_holidays for update to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('org.manage'))))
  with check (org_id = any (array(select private.org_ids_with_permission('org.manage'))));
create policy "Org managers can remove holidays" on public.organization_holidays for delete to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('org.manage'))));

create policy "Users read their own profile and their coworkers'" on public.profiles for select to authenticated
  using (id = (select auth.uid()) or id = any (array(select private.coworker_ids())));
create policy "Users edit their own profile" on public.profiles for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));

create policy "Signed-in users can read the permission catalog" on public.permissions for select to authenticated
  using (true);

create policy "Members can read built-in roles and their organization's roles" on public.roles for select to authenticated
  using (org_id is null or org_id = any (array(select private.org_ids_for_user())));
create policy "Role managers can create custom roles" on public.roles for insert to authenticated
  with check (org_id = any (array(select private.org_ids_with_permission('roles.manage'))));
create policy "Role managers can edit custom roles" on public.roles for update to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('roles.manage'))))
  with check (org_id = any (array(select private.org_ids_with_permission('roles.manage'))));
create policy "Role managers can delete custom roles" on public.roles for delete to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('roles.manage'))));

create policy "Members can read role permissions" on public.role_permissions for select to authenticated
  using (exists (select 1 from public.roles r where r.id = role_id));
create policy "Role managers can grant permissions to custom roles" on public.role_permissions for insert to authenticated
  with check (exists (select 1 from public.roles r where r.id = role_id
    and r.org_id = any (array(select private.org_ids_with_permission('roles.manage')))));
create policy "Role managers can revoke permissions from custom roles" on public.role_permissions for delete to authenticated
  using (exists (select 1 from public.roles r where r.id = role_id
    and r.org_id = any (array(select private.org_ids_with_permission('roles.manage')))));

create policy "Members see their own membership and, with members.view, everyone's" on public.memberships
  for select to authenticated
  using (user_id = (select private.current_user_id())
    or org_id = any (array(select private.org_ids_with_permission('members.view'))));
create policy "Member managers can change roles; members can set their availability" on public.memberships
  for update to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('members.manage')))
    or user_id = (select private.current_user_id()))
  with check (org_id = any (array(select private.org_ids_with_permission('members.manage')))
    or user_id = (select private.current_user_id()));
create policy "Member managers can remove members; members can leave" on public.memberships
  for delete to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('members.manage')))
    or user_id = (select private.current_user_id()));

create policy "Members with members.view can read teams" on public.teams for select to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('members.view'))));
create policy "Team managers can create teams" on public.teams for insert to authenticated
  with check (org_id = any (array(select private.org_ids_with_permission('teams.manage'))));
create policy "Team managers can edit teams" on public.teams for update to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('teams.manage'))))
  with check (org_id = any (array(select private.org_ids_with_permission('teams.manage'))));
create policy "Team managers can delete teams" on public.teams for delete to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('teams.manage'))));

create policy "Members with members.view can read team members" on public.team_members for select to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('members.view'))));
create policy "Team managers can add team members" on public.team_members for insert to authenticated
  with check (exists (select 1 from public.teams t where t.id = team_id
    and t.org_id = any (array(select private.org_ids_with_permission('teams.manage')))));
create policy "Team managers can remove team members" on public.team_members for delete to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('teams.manage'))));
