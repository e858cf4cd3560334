/**
 * Live ticket updates: Broadcast from the database on private topics, authorized by RLS on
 * realtime.messages.
 *   org:<org_id>:tickets   every ticket and comment change of the organization (staff with tickets.view)
 *   ticket:<ticket_id>     the ticket and its public, delivered replies (the ticket's readers)
 *   ticket:<ticket_id>:staff  internal notes and undelivered scheduled replies (staff only)
 * Payloads are minimal (ids, number, status, who, when): subscribers re-fetch under RLS.
 */

/** Whether the caller may receive broadcasts on one of the ticket topics above. */
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
  return cardinality(parts) = 2 and ticket.requester_id = (select private.current_user_id())
    and private.is_member(ticket.org_id, ticket.requester_id);
end;
$$;
grant execute on function private.can_read_ticket_topic(text) to authenticated, service_role;

create policy "Ticket readers receive broadcasts on their ticket topics" on realtime.messages
  for select to authenticated
  using (extension = 'broadcast' and topic = (select realtime.topic())
    and (select private.can_read_ticket_topic((select realtime.topic()))));

-- Section - Broadcast triggers

create or replace function private.trigger_broadcast_ticket_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  ticket public.tickets := case tg_op when 'DELETE' then old else new end;
  payload jsonb := jsonb_build_object('ticket_id', ticket.id, 'number', ticket.number, 'status', ticket.status_category,
    'status_id', ticket.status_id, 'updated_by', ticket.updated_by, 'updated_at', ticket.updated_at, 'operation', tg_op);
begin
  perform realtime.send(payload, 'ticket_changed', format('org:%s:tickets', ticket.org_id), true);
  perform realtime.send(payload, 'ticket_changed', format('ticket:%s', ticket.id), true);
  return null;
end;
$$;

create trigger tickets_broadcast after insert or update or delete on public.tickets
  for each row execute function private.trigger_broadcast_ticket_change();

/** Internal notes and undelivered replies go only to staff topics, never to ticket:<id>. */
create or replace function private.trigger_broadcast_comment_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  comment public.ticket_comments := case tg_op when 'DELETE' then old else new end;
  staff_only boolean := comment.is_internal or comment.published_at is null;
  payload jsonb := jsonb_build_object('comment_id', comment.id, 'ticket_id', comment.ticket_id,
    'is_internal', comment.is_internal, 'author_id', comment.author_id, 'published_at', comment.published_at,
    'updated_at', comment.updated_at, 'operation', tg_op);
begin
  if not exists (select 1 from public.tickets t where t.id = comment.ticket_id) then
    return null;  -- the ticket is being deleted
  end if;
  perform realtime.send(payload, 'comment_changed', format('org:%s:tickets', comment.org_id), true);
  perform realtime.send(payload, 'comment_changed',
    format(case when staff_only then 'ticket:%s:staff' else 'ticket:%s' end, comment.ticket_id), true);
  return null;
end;
$$;

create trigger ticket_comments_broadcast after insert or update or delete on public.ticket_comments
  for each row execute function private.trigger_broadcast_comment_change();

create or replace function private.trigger_broadcast_attachment_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  file public.ticket_attachments := case tg_op when 'DELETE' then old else new end;
  staff_only boolean := file.is_internal or exists (
    select 1 from public.ticket_comments c where c.id = file.comment_id and c.published_at is null);
  payload jsonb := jsonb_build_object('attachment_id', file.id, 'ticket_id', file.ticket_id,
    'comment_id', file.comment_id, 'operation', tg_op);
begin
  if not exists (select 1 from public.tickets t where t.id = file.ticket_id) then
    return null;
  end if;
  perform realtime.send(payload, 'attachment_changed',
    format(case when staff_only then 'ticket:%s:staff' else 'ticket:%s' end, file.ticket_id), true);
  return null;
end;
$$;

create trigger ticket_attachments_broadcast after insert or delete on public.ticket_attachments
  for each row execute function private.trigger_broadcast_attachment_change();
