/**
 * The ticket timeline: an append-only record of every change to a ticket, its comments and its
 * attachments, written by triggers. Nobody can change or delete an event (they go only with their
 * ticket or organization). Events never carry comment bodies; events about internal notes, scheduled
 * replies, assignments and field edits are internal (staff only).
 */

create table public.ticket_events (
  id bigint generated always as identity primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  ticket_id uuid not null references public.tickets (id) on delete cascade,
  -- Who acted (null for the system, e.g. the scheduled-reply job); no foreign key, so events outlive users.
  actor_id uuid,
  -- What happened, e.g. "ticket.status_changed", "comment.added", "attachment.added".
  kind text not null check (kind ~ '^[a-z_]+\.[a-z_]+$'),
  -- Staff-only events are hidden from requesters.
  is_internal boolean not null default false,
  before jsonb,
  after jsonb,
  created_at timestamptz not null default now()
);
comment on table public.ticket_events is 'Immutable ticket timeline, written by triggers.';
create index ticket_events_ticket_id_id_idx on public.ticket_events (ticket_id, id);
create index ticket_events_org_id_created_at_idx on public.ticket_events (org_id, created_at desc);

revoke all on public.ticket_events from anon, authenticated;
grant select on public.ticket_events to authenticated;
alter table public.ticket_events enable row level security;

create policy "Staff read their organization's timelines; requesters the public events of their tickets" on public.ticket_events
  for select to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.view')))
    or (not is_internal and ticket_id = any (array(select private.ticket_ids_requested_by_me()))));

/** Events are immutable; they are deleted only along with their ticket or organization. */
create or replace function private.trigger_forbid_ticket_event_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and (not exists (select 1 from public.tickets t where t.id = old.ticket_id)
                           or not exists (select 1 from public.organizations o where o.id = old.org_id)) then
    return old;
  end if;
  raise exception 'Ticket events cannot be changed or deleted.' using errcode = '42501';
end;
$$;

create trigger ticket_events_immutable before update or delete on public.ticket_events
  for each row execute function private.trigger_forbid_ticket_event_change();
create trigger ticket_events_no_truncate before truncate on public.ticket_events
  for each statement execute function private.trigger_forbid_ticket_event_change();

/** Appends one event (only while the ticket and its organization exist: cascading deletes record nothing). */
create or replace function private.record_ticket_event(
  ticket_id uuid, kind text, is_internal boolean, before jsonb, after jsonb, actor_id uuid default null)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into public.ticket_events (org_id, ticket_id, actor_id, kind, is_internal, before, after)
  select t.org_id, t.id, coalesce((select auth.uid()), record_ticket_event.actor_id), record_ticket_event.kind,
         record_ticket_event.is_internal, record_ticket_event.before, record_ticket_event.after
    from public.tickets t
    -- (both gone while an organization or ticket is being deleted: nothing to record)
    join public.organizations o on o.id = t.org_id
   where t.id = record_ticket_event.ticket_id
$$;

-- Section - Tickets

create or replace function private.trigger_record_ticket_events()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  tracked text[] := array['subject', 'description', 'priority', 'category', 'tags', 'custom_fields', 'requester_id', 'resolution'];
  changed text[];
  target public.tickets;
begin
  if tg_op = 'INSERT' then
    perform private.record_ticket_event(new.id, 'ticket.created', false, null,
      jsonb_build_object('number', new.number, 'subject', new.subject, 'priority', new.priority,
                         'status', (private.ticket_status(new.status_id)).name), new.created_by);
    return null;
  end if;
  if new.status_id is distinct from old.status_id then
    perform private.record_ticket_event(new.id, 'ticket.status_changed', false,
      jsonb_build_object('status', (private.ticket_status(old.status_id)).name, 'category', old.status_category),
      jsonb_strip_nulls(jsonb_build_object('status', (private.ticket_status(new.status_id)).name, 'category', new.status_category,
        'reopen_reason', case when new.reopened_at is distinct from old.reopened_at then new.reopen_reason end)));
  end if;
  if new.assignee_id is distinct from old.assignee_id or new.team_id is distinct from old.team_id then
    perform private.record_ticket_event(new.id, 'ticket.assigned', true,
      jsonb_build_object('assignee_id', old.assignee_id, 'team_id', old.team_id),
      jsonb_build_object('assignee_id', new.assignee_id, 'team_id', new.team_id));
  end if;
  select array_agg(k) into changed from unnest(tracked) k where to_jsonb(new) -> k is distinct from to_jsonb(old) -> k;
  if changed is not null then
    perform private.record_ticket_event(new.id, 'ticket.updated', true,
      (select jsonb_object_agg(k, to_jsonb(old) -> k) from unnest(changed) k),
      (select jsonb_object_agg(k, to_jsonb(new) -> k) from unnest(changed) k));
  end if;
  if new.merged_into_id is distinct from old.merged_into_id and new.merged_into_id is not null then
    select * into target from public.tickets t where t.id = new.merged_into_id;
    perform private.record_ticket_event(new.id, 'ticket.merged', false, null,
      jsonb_build_object('merged_into_id', target.id, 'merged_into_number', target.number));
    perform private.record_ticket_event(target.id, 'ticket.merge_received', true, null,
      jsonb_build_object('source_id', new.id, 'source_number', new.number));
  end if;
  return null;
end;
$$;

create trigger tickets_record_events after insert or update on public.tickets
  for each row execute function private.trigger_record_ticket_events();

-- Section - Comments (never their bodies)

create or replace function private.trigger_record_comment_events()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  comment public.ticket_comments := case tg_op when 'DELETE' then old else new end;
  staff_only boolean := comment.is_internal or comment.published_at is null;
  ids jsonb := jsonb_build_object('comment_id', comment.id, 'is_internal', comment.is_internal);
begin
  if tg_op = 'INSERT' and new.published_at is null then
    perform private.record_ticket_event(new.ticket_id, 'reply.scheduled', true, null,
      ids || jsonb_build_object('scheduled_at', new.scheduled_at), new.author_id);
  elsif tg_op = 'INSERT' then
    perform private.record_ticket_event(new.ticket_id, 'comment.added', new.is_internal, null, ids, new.author_id);
  elsif tg_op = 'UPDATE' and old.published_at is null and new.published_at is not null then
    perform private.record_ticket_event(new.ticket_id, 'reply.delivered', false, null, ids, new.author_id);
  elsif tg_op = 'UPDATE' and new.scheduled_at is distinct from old.scheduled_at then
    perform private.record_ticket_event(new.ticket_id, 'reply.rescheduled', true,
      jsonb_build_object('scheduled_at', old.scheduled_at), ids || jsonb_build_object('scheduled_at', new.scheduled_at));
  elsif tg_op = 'UPDATE' and new.body <> old.body then
    perform private.record_ticket_event(new.ticket_id, 'comment.edited', staff_only, null, ids);
  elsif tg_op = 'DELETE' then
    perform private.record_ticket_event(old.ticket_id, 'comment.deleted', staff_only, null, ids);
  end if;
  return null;
end;
$$;

create trigger ticket_comments_record_events after insert or update or delete on public.ticket_comments
  for each row execute function private.trigger_record_comment_events();

-- Section - Attachments

create or replace function private.trigger_record_attachment_events()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  file public.ticket_attachments := case tg_op when 'DELETE' then old else new end;
  staff_only boolean := file.is_internal or exists (
    select 1 from public.ticket_comments c where c.id = file.comment_id and c.published_at is null);
begin
  perform private.record_ticket_event(file.ticket_id,
    case tg_op when 'INSERT' then 'attachment.added' else 'attachment.removed' end, staff_only, null,
    jsonb_build_object('attachment_id', file.id, 'comment_id', file.comment_id, 'file_name', file.file_name,
                       'content_type', file.content_type, 'size_bytes', file.size_bytes),
    file.uploaded_by);
  return null;
end;
$$;

create trigger ticket_attachments_record_events after insert or delete on public.ticket_attachments
  for each row execute function private.trigger_record_attachment_events();
