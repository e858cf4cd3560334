/**
 * The ticket lifecycle, enforced by the database for every client: a status change must be a
 * transition listed in ticket_status_transitions and allowed to the caller (by permission, or as the
 * ticket's requester); reopening needs a reason and, for requesters, happens within the
 * organization's reopen window; closed is final. Every transition stamps its timestamps. Other
 * changes: requesters may only reopen or close; agents work the rest; assignment needs tickets.assign.
 *
 * As in the tickets migration, writes by API users (current_user = 'authenticated') follow the rules;
 * our own security-definer functions, the service role and migrations are trusted.
 */

/**
 * Moves a ticket between statuses: the transition must be in ticket_status_transitions and allowed
 * to the caller (by permission, or as the ticket's requester); reopening needs a reason and, for
 * requesters, happens within the organization's reopen window. Stamps the transition's timestamps.
 * Callers outside the API (trusted) skip the rules but not the bookkeeping.
 */
create or replace function private.apply_ticket_transition(changed public.tickets, previous public.tickets, by_user boolean)
returns public.tickets
language plpgsql
stable
set search_path = ''
as $$
declare
  from_status public.ticket_statuses := private.ticket_status(previous.status_id);
  to_status public.ticket_statuses := private.ticket_status(changed.status_id);
  rule public.ticket_status_transitions;
  is_requester boolean := previous.requester_id = (select auth.uid());
  window_days integer;
begin
  if to_status.id is null or to_status.org_id <> previous.org_id then
    perform private.refuse('That status does not exist in this organization.');
  end if;
  select * into rule from public.ticket_status_transitions r
   where r.from_category = from_status.category and r.to_category = to_status.category;
  if by_user and (rule.from_category is null
      or not ((rule.required_permission is not null and private.has_permission(previous.org_id, rule.required_permission))
              or (rule.requester_may and is_requester))) then
    perform private.refuse(
      format('Ticket %s cannot move from "%s" to "%s".', previous.number, from_status.name, to_status.name),
      case when rule.from_category is null then 'This change is not part of the ticket lifecycle.'
           else 'You are not allowed to make this change.' end);
  end if;
  if by_user and rule.requires_reason and nullif(btrim(changed.reopen_reason), '') is null then
    perform private.refuse(format('Give a reason for reopening %s.', previous.number));
  end if;
  if by_user and from_status.category = 'resolved' and to_status.category = 'open'
     and not private.has_permission(previous.org_id, 'tickets.manage') then
    select o.reopen_window_days into window_days from public.organizations o where o.id = previous.org_id;
    if previous.resolved_at + make_interval(days => window_days) < now() then
      perform private.refuse(
        format('Ticket %s was resolved more than %s days ago and can no longer be reopened.', previous.number, window_days),
        'Raise a new ticket instead.');
    end if;
  end if;
  changed.status_category := to_status.category;
  if to_status.category is distinct from from_status.category then
    changed.status_changed_at := now();
  end if;
  if to_status.category = 'resolved' and from_status.category <> 'resolved' then
    changed.resolved_at := now();
    changed.reopen_reason := null;
  elsif to_status.category = 'closed' then
    changed.closed_at := now();
  elsif from_status.category in ('resolved', 'closed') and to_status.category not in ('resolved', 'closed') then
    changed.reopened_at := now();
    changed.reopen_count := previous.reopen_count + 1;
  end if;
  return changed;
end;
$$;
grant execute on function private.apply_ticket_transition(public.tickets, public.tickets, boolean) to authenticated, service_role;

/**
 * Ticket changes: identity and numbering never change; requesters may only move their ticket's status
 * (reopen, close); agents work the rest; assignment needs tickets.assign; closed tickets are final.
 */
create or replace function private.trigger_guard_ticket_change()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  by_user boolean := current_user = 'authenticated';
  is_staff boolean := not by_user or private.has_permission(old.org_id, 'tickets.manage');
  bookkeeping text[] := array['status_category', 'status_changed_at', 'assigned_at', 'first_response_at', 'resolved_at',
    'closed_at', 'reopened_at', 'reopen_count', 'updated_at', 'updated_by'];
begin
  if new.id <> old.id or new.org_id <> old.org_id or new.number <> old.number or new.created_at <> old.created_at
     -- (a deleted user's id turns null: foreign keys set null, as the table owner)
     or (new.created_by is distinct from old.created_by and new.created_by is not null) then
    perform private.refuse('A ticket keeps its organization, number and creation details.');
  end if;
  -- requesters change the status, and give a reason along with it
  if by_user and not is_staff and new.status_id is not distinct from old.status_id then
    bookkeeping := bookkeeping || array['status_id'];
  elsif by_user and not is_staff then
    bookkeeping := bookkeeping || array['status_id', 'reopen_reason'];
  end if;
  if by_user and not is_staff and (to_jsonb(new) - bookkeeping) <> (to_jsonb(old) - bookkeeping) then
    perform private.refuse('Only agents can change a ticket''s details.', 'You can reopen or close your ticket.');
  end if;
  if new.status_id is distinct from old.status_id then
    new := private.apply_ticket_transition(new, old, by_user);
  elsif by_user and old.status_category = 'closed' then
    perform private.refuse(format('Ticket %s is closed and can no longer be changed.', old.number), 'Raise a new ticket instead.');
  end if;
  if by_user and (new.assignee_id is distinct from old.assignee_id or new.team_id is distinct from old.team_id)
     and not private.has_permission(old.org_id, 'tickets.assign') then
    perform private.refuse('Only members who assign tickets can change the assignee or team.');
  end if;
  if by_user and new.requester_id is null and old.requester_id is not null then
    perform private.refuse('A ticket needs a requester.');
  end if;
  perform private.check_ticket_parties(old.org_id,
    case when new.requester_id is distinct from old.requester_id then new.requester_id end,
    case when new.assignee_id is distinct from old.assignee_id then new.assignee_id end,
    case when new.team_id is distinct from old.team_id then new.team_id end);
  if new.assignee_id is distinct from old.assignee_id then
    new.assigned_at := case when new.assignee_id is not null then now() end;
  end if;
  perform private.check_ticket_text(new.subject, new.description);
  new.tags := private.normalize_tags(new.tags);
  new.category := nullif(btrim(new.category), '');
  new.updated_by := (select auth.uid());
  return new;
end;
$$;

create trigger tickets_guard_update before update on public.tickets
  for each row execute function private.trigger_guard_ticket_change();
-- (fires after the guard: triggers run in name order)
create trigger tickets_set_updated_at before update on public.tickets
  for each row execute function private.trigger_set_updated_at();
