/**
 * Customer portal access: a ticket's requester reads and follows it (the ticket, its public replies,
 * their files, its public timeline, its live topic) only while their role in the ticket's
 * organization grants portal.access. Staff access (tickets.view / tickets.manage) is unchanged.
 * The built-in requester role, whose purpose is to "raise and follow their own tickets", gets
 * portal.access so that it keeps doing so; a custom role without it can no longer follow tickets.
 *
 * The requester helpers are replaced in place, so every policy that calls them (comments,
 * attachments, events, drafts) follows; the ticket policies and file and topic checks that wrote the
 * requester test inline are recreated.
 */

insert into public.role_permissions (role_id, permission)
select r.id, 'portal.access' from public.roles r where r.org_id is null and r.key = 'requester'
on conflict do nothing;

-- Section - Helpers

/** Organizations in which the caller may use the customer portal (read and follow their own tickets). */
create or replace function private.portal_org_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select o from private.org_ids_with_permission('portal.access') o
$$;
grant execute on function private.portal_org_ids() to authenticated, service_role;

/** Tickets the caller raised, in organizations where they still have portal access. */
create or replace function private.ticket_ids_requested_by_me()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select t.id from public.tickets t
   where t.requester_id = (select private.current_user_id())
     and t.org_id in (select private.portal_org_ids())
$$;

-- Section - Ticket policies (the requester test is inline there: see the tickets migration for why)

drop policy "Staff see their organization's tickets; requesters see their own" on public.tickets;
create policy "Staff see their organization's tickets; requesters with portal access see their own" on public.tickets
  for select to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.view')))
    or (requester_id = (select private.current_user_id()) and org_id = any (array(select private.portal_org_ids()))));

drop policy "Agents work their organization's tickets; requesters reopen or close their own" on public.tickets;
create policy "Agents work their organization's tickets; requesters with portal access reopen or close their own" on public.tickets
  for update to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.manage')))
    or (requester_id = (select private.current_user_id()) and org_id = any (array(select private.portal_org_ids()))))
  with check (org_id = any (array(select private.org_ids_with_permission('tickets.manage')))
    or (requester_id = (select private.current_user_id()) and org_id = any (array(select private.portal_org_ids()))));

-- Section - Files

/**
 * Whether the caller may store a file at this name: the ticket is in the named organization and not
 * closed; ticket-level files by its agents or its requester (with portal access); comment files by the
 * comment's author only (requesters: on their public replies).
 */
create or replace function private.can_attach_ticket_file(object_name text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  path record;
  ticket public.tickets;
  comment public.ticket_comments;
  me uuid := (select private.current_user_id());
  is_staff boolean;
  is_requester boolean;
begin
  select * into path from private.ticket_file_path(object_name);
  if path.org_id is null or me is null or (select private.is_anonymous()) then
    return false;
  end if;
  select * into ticket from public.tickets t where t.id = path.ticket_id and t.org_id = path.org_id;
  if ticket.id is null or ticket.status_category = 'closed' then
    return false;
  end if;
  is_staff := private.has_permission(ticket.org_id, 'tickets.manage');
  is_requester := ticket.id in (select private.ticket_ids_requested_by_me());
  if path.comment_id is null then
    return is_staff or is_requester;
  end if;
  select * into comment from public.ticket_comments c where c.id = path.comment_id and c.ticket_id = ticket.id;
  return comment.author_id = me and (is_staff or (is_requester and not comment.is_internal));
end;
$$;

/**
 * Whether the caller may read the file at this name: staff of the ticket's organization, or its
 * requester with portal access (public, delivered replies only). A file keeps its storage path when its
 * comment moves to another ticket (split, merge), so the ticket is the one of the file's
 * ticket_attachments row, which moves with the comment; the path decides only for objects without a row.
 */
create or replace function private.can_read_ticket_file(object_name text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  path record;
  file public.ticket_attachments;
  ticket public.tickets;
begin
  select * into path from private.ticket_file_path(object_name);
  select * into file from public.ticket_attachments a where a.storage_path = object_name;
  select * into ticket from public.tickets t
   where t.id = coalesce(file.ticket_id, path.ticket_id) and t.org_id = path.org_id;
  if ticket.id is null then
    return false;
  elsif private.has_permission(ticket.org_id, 'tickets.view') then
    return true;
  elsif ticket.id not in (select private.ticket_ids_requested_by_me()) then
    return false;
  end if;
  return coalesce(file.comment_id, path.comment_id) is null or exists (
    select 1 from public.ticket_comments c
     where c.id = coalesce(file.comment_id, path.comment_id) and c.ticket_id = ticket.id
       and not c.is_internal and c.published_at is not null);
end;
$$;

-- Section - Live topics

/** Whether the caller may receive broadcasts on a ticket topic (see the ticket-realtime migration). */
create or replace function private.can_read_ticket_topic(topic text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  parts text[] := string_to_array(topic, ':');
  uuid_pattern constant text := '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
  ticket record;
begin
  if topic is null or (select private.is_anonymous()) or coalesce(parts[2], '') !~ uuid_pattern then
    return false;
  elsif cardinality(parts) = 3 and parts[1] = 'org' and parts[3] = 'tickets' then
    return private.has_permission(parts[2]::uuid, 'tickets.view');
  elsif parts[1] <> 'ticket' or cardinality(parts) not in (2, 3) or (cardinality(parts) = 3 and parts[3] <> 'staff') then
    return false;
  end if;
  select * into ticket from private.ticket_brief(parts[2]::uuid);
  if ticket.org_id is null then
    return false;
  elsif private.has_permission(ticket.org_id, 'tickets.view') then
    return true;
  end if;
  return cardinality(parts) = 2 and parts[2]::uuid in (select private.ticket_ids_requested_by_me());
end;
$$;
