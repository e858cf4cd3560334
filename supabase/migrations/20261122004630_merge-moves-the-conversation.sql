/**
 * Merging folds a duplicate's conversation into the surviving ticket, as Zendesk and Zammad do:
 * - its comments (with their files and mentions) and its ticket-level files move to the survivor;
 * - its requester, when not the survivor's, follows the survivor (ticket_followers): they read its
 *   public replies and files, get its live updates and may reply, exactly as its requester does, but
 *   only the requester reopens or closes it (the file and live-topic checks of the portal-access
 *   migration go through ticket_ids_requested_by_me, so they cover followers as they are);
 * - the duplicate keeps one public reply telling its requester where the conversation continues, then
 *   closes and points to the survivor (merged_into_id), as before.
 */

-- Section - Followers

create table public.ticket_followers (
  ticket_id uuid not null references public.tickets (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  -- Why they follow: a merged ticket of theirs (the only way in for now).
  reason text not null default 'merged' check (reason in ('merged')),
  created_at timestamptz not null default now(),
  primary key (ticket_id, user_id)
);
comment on table public.ticket_followers is 'People other than the requester who follow a ticket from the portal; written by merge_tickets.';
create index ticket_followers_user_id_idx on public.ticket_followers (user_id);
create index ticket_followers_org_id_idx on public.ticket_followers (org_id);

revoke all on public.ticket_followers from anon, authenticated;
grant select on public.ticket_followers to authenticated;
alter table public.ticket_followers enable row level security;

create policy "Staff see a ticket's followers; followers see what they follow" on public.ticket_followers
  for select to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.view')))
    or user_id = (select private.current_user_id()));

/** Tickets the caller raised or follows, in organizations where they still have portal access. */
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
  union
  select f.ticket_id from public.ticket_followers f
   where f.user_id = (select private.current_user_id())
     and f.org_id in (select private.portal_org_ids())
$$;

drop policy "Staff see their organization's tickets; requesters with portal access see their own" on public.tickets;
create policy "Staff see their organization's tickets; requesters and followers with portal access see theirs" on public.tickets
  for select to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.view')))
    or (requester_id = (select private.current_user_id()) and org_id = any (array(select private.portal_org_ids())))
    or (id = any (array(select f.ticket_id from public.ticket_followers f where f.user_id = (select private.current_user_id())))
        and org_id = any (array(select private.portal_org_ids()))));

-- Section - Merging

create or replace function private.merge_tickets(source_id uuid, target_id uuid)
returns public.tickets
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  source public.tickets;
  target public.tickets;
begin
  select * into source from public.tickets t where t.id = merge_tickets.source_id for update;
  select * into target from public.tickets t where t.id = merge_tickets.target_id for update;
  if source.id is null or target.id is null or not private.can_read_ticket(source.id) or not private.can_read_ticket(target.id) then
    perform private.refuse('Ticket not found.');
  elsif not private.has_permission(source.org_id, 'tickets.delete') then
    raise exception 'You cannot merge tickets in this organization.' using errcode = '42501';
  elsif source.org_id <> target.org_id then
    perform private.refuse('Only tickets of the same organization can be merged.');
  elsif source.id = target.id then
    perform private.refuse('A ticket cannot be merged into itself.');
  elsif source.merged_into_id is not null or source.status_category = 'closed' then
    perform private.refuse(format('Ticket %s is closed and cannot be merged.', source.number));
  elsif target.merged_into_id is not null or target.status_category = 'closed' then
    perform private.refuse(format('Ticket %s is closed: merge into an open ticket.', target.number));
  end if;

  update public.ticket_comments c set ticket_id = target.id where c.ticket_id = source.id;
  update public.ticket_attachments a set ticket_id = target.id where a.ticket_id = source.id;
  update public.ticket_mentions m set ticket_id = target.id where m.ticket_id = source.id;
  if source.requester_id is not null and source.requester_id is distinct from target.requester_id then
    insert into public.ticket_followers (ticket_id, user_id, org_id)
    values (target.id, source.requester_id, target.org_id)
    on conflict do nothing;
  end if;
  insert into public.ticket_comments (ticket_id, author_id, body, is_internal)
  values (source.id, (select auth.uid()), format(
    'This request was merged into ticket %s (%s), where the conversation continues. Please reply there.',
    target.number, target.subject), false);

  -- as the function owner: the lifecycle's bookkeeping applies, its user rules do not (merging closes)
  update public.tickets t
     set merged_into_id = target.id, status_id = private.default_status_id(source.org_id, 'closed')
   where t.id = source.id
  returning * into source;
  return source;
end;
$$;
