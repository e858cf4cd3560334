/**
 * Ticket links and splitting.
 *   ticket_links   one link per pair of tickets of one organization (related, duplicate of, caused by,
 *                  split from), read by whoever can read both tickets; agents add and remove them.
 *   split_ticket   moves chosen comments (with their attachments and mentions) of a ticket into a new
 *                  ticket of the same organization and requester, links the two and records the split
 *                  on both timelines. Needs tickets.delete ("Delete, merge and split tickets").
 * Moved comments keep their authors, times and visibility. Their files keep their object names (Storage
 * never renames them); their ticket_attachments rows move with the comments.
 */

-- Section - Links

create type public.ticket_link_kind as enum ('related', 'duplicate_of', 'caused_by', 'split_from');

create table public.ticket_links (
  id uuid primary key default gen_random_uuid(),
  -- Copied from the tickets by trigger; both tickets belong to it.
  org_id uuid not null default private.filled_by_trigger() references public.organizations (id) on delete cascade,
  -- The link reads "ticket_id <kind> linked_ticket_id", e.g. A duplicate_of B.
  ticket_id uuid not null references public.tickets (id) on delete cascade,
  linked_ticket_id uuid not null references public.tickets (id) on delete cascade,
  kind public.ticket_link_kind not null default 'related',
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  constraint ticket_links_not_to_itself check (ticket_id <> linked_ticket_id)
);
comment on table public.ticket_links is 'Links between two tickets of one organization; shown on both.';
-- One link per pair, whichever way round it was made.
create unique index ticket_links_pair_idx on public.ticket_links (least(ticket_id, linked_ticket_id), greatest(ticket_id, linked_ticket_id));
create index ticket_links_ticket_id_idx on public.ticket_links (ticket_id);
create index ticket_links_linked_ticket_id_idx on public.ticket_links (linked_ticket_id);
create index ticket_links_org_id_idx on public.ticket_links (org_id);
create index ticket_links_created_by_idx on public.ticket_links (created_by);

revoke all on public.ticket_links from anon, authenticated;
grant select, insert (ticket_id, linked_ticket_id, kind), delete on public.ticket_links to authenticated;
alter table public.ticket_links enable row level security;

/**
 * New links: both tickets readable by the caller (else "not found", revealing nothing), of one
 * organization; the organization and author are filled in.
 */
create or replace function private.trigger_guard_ticket_link()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  by_user boolean := current_user = 'authenticated';
  source record;
  target record;
begin
  select * into source from private.ticket_brief(new.ticket_id);
  select * into target from private.ticket_brief(new.linked_ticket_id);
  if source.org_id is null or target.org_id is null
     or (by_user and not (private.can_read_ticket(new.ticket_id) and private.can_read_ticket(new.linked_ticket_id))) then
    perform private.refuse('Ticket not found.');
  elsif source.org_id <> target.org_id then
    perform private.refuse('Only tickets of the same organization can be linked.');
  elsif new.ticket_id = new.linked_ticket_id then
    perform private.refuse('A ticket cannot be linked to itself.');
  elsif exists (select 1 from public.ticket_links l
                 where least(l.ticket_id, l.linked_ticket_id) = least(new.ticket_id, new.linked_ticket_id)
                   and greatest(l.ticket_id, l.linked_ticket_id) = greatest(new.ticket_id, new.linked_ticket_id)) then
    perform private.refuse(format('%s and %s are already linked.', source.number, target.number));
  end if;
  new.org_id := source.org_id;
  if by_user then
    new.created_by := (select auth.uid());
    new.created_at := now();
  end if;
  return new;
end;
$$;

create trigger ticket_links_guard before insert on public.ticket_links
  for each row execute function private.trigger_guard_ticket_link();

/** Both timelines record a link and its removal; staff topics of both tickets hear about it. */
create or replace function private.trigger_record_ticket_link()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  link public.ticket_links := case tg_op when 'DELETE' then old else new end;
  kind text := case tg_op when 'DELETE' then 'ticket.unlinked' else 'ticket.linked' end;
  source_number text := (select b.number from private.ticket_brief(link.ticket_id) b);
  target_number text := (select b.number from private.ticket_brief(link.linked_ticket_id) b);
begin
  perform private.record_ticket_event(link.ticket_id, kind, true, null,
    jsonb_build_object('link_id', link.id, 'kind', link.kind, 'direction', 'outgoing',
                       'ticket_id', link.linked_ticket_id, 'number', target_number));
  perform private.record_ticket_event(link.linked_ticket_id, kind, true, null,
    jsonb_build_object('link_id', link.id, 'kind', link.kind, 'direction', 'incoming',
                       'ticket_id', link.ticket_id, 'number', source_number));
  if exists (select 1 from public.tickets t where t.id = link.ticket_id)
     and exists (select 1 from public.tickets t where t.id = link.linked_ticket_id) then
    perform realtime.send(jsonb_build_object('link_id', link.id, 'ticket_id', t.id, 'operation', tg_op),
                          'link_changed', format('ticket:%s:staff', t.id), true)
       from (values (link.ticket_id), (link.linked_ticket_id)) t (id);
  end if;
  return null;
end;
$$;

create trigger ticket_links_record_events after insert or delete on public.ticket_links
  for each row execute function private.trigger_record_ticket_link();

create policy "Readers of both tickets see their link" on public.ticket_links for select to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.view')))
    or (ticket_id = any (array(select private.ticket_ids_requested_by_me()))
        and linked_ticket_id = any (array(select private.ticket_ids_requested_by_me()))));
create policy "Agents link their organization's tickets" on public.ticket_links for insert to authenticated
  with check (not (select private.is_anonymous())
    and org_id = any (array(select private.org_ids_with_permission('tickets.manage'))));
create policy "Agents unlink their organization's tickets" on public.ticket_links for delete to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.manage'))));

-- Section - Moving comments between tickets

/**
 * Comment changes (replaces the ticket-comments guard): as before, except that our own trusted
 * functions (split_ticket) may move a comment to another ticket of the same organization.
 */
create or replace function private.trigger_guard_comment_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (new.ticket_id <> old.ticket_id and current_user = 'authenticated')
     or new.org_id <> old.org_id or new.is_internal <> old.is_internal
     or new.created_at <> old.created_at
     -- (a deleted author's id turns null: foreign keys set null, as the table owner)
     or (new.author_id is distinct from old.author_id and new.author_id is not null) then
    perform private.refuse('A comment keeps its ticket, author and visibility.');
  end if;
  if new.ticket_id <> old.ticket_id
     and not exists (select 1 from public.tickets t where t.id = new.ticket_id and t.org_id = old.org_id) then
    perform private.refuse('A comment moves only to a ticket of its organization.');
  end if;
  if current_user = 'authenticated' then
    if new.scheduled_at is distinct from old.scheduled_at then
      if old.published_at is not null then
        perform private.refuse('This reply has already been sent.');
      elsif new.scheduled_at is null or new.scheduled_at <= now() then
        new.published_at := now();  -- "send now"
      end if;
    end if;
    if new.body <> old.body and old.published_at is not null then
      new.edited_at := now();
    end if;
  end if;
  return new;
end;
$$;

-- Section - Splitting

/** See the header. Returns the new ticket. */
create or replace function private.split_ticket(ticket_id uuid, comment_ids uuid[], subject text)
returns public.tickets
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  source public.tickets;
  created public.tickets;
  wanted integer := cardinality(array(select distinct x from unnest(split_ticket.comment_ids) x where x is not null));
  movable integer;
begin
  select * into source from public.tickets t where t.id = split_ticket.ticket_id for update;
  if source.id is null or not private.can_read_ticket(source.id) then
    perform private.refuse('Ticket not found.');
  elsif not private.has_permission(source.org_id, 'tickets.delete') then
    raise exception 'You cannot split tickets in this organization.' using errcode = '42501';
  elsif source.status_category = 'closed' or source.merged_into_id is not null then
    perform private.refuse(format('Ticket %s is closed and cannot be split.', source.number));
  elsif wanted = 0 then
    perform private.refuse('Choose at least one comment to move to the new ticket.');
  end if;
  perform private.check_ticket_text(split_ticket.subject, '');
  select count(*) into movable from public.ticket_comments c
   where c.id = any (split_ticket.comment_ids) and c.ticket_id = source.id and c.published_at is not null;
  if movable <> wanted then
    perform private.refuse(format('Only sent replies and notes of %s can be moved.', source.number),
      'Scheduled replies stay with their ticket.');
  end if;

  insert into public.tickets (org_id, subject, description, requester_id, priority, category, tags, custom_fields, team_id, assignee_id)
  values (source.org_id, btrim(split_ticket.subject), format('Split from %s.', source.number), source.requester_id,
          source.priority, source.category, source.tags, source.custom_fields, source.team_id, source.assignee_id)
  returning * into created;

  update public.ticket_comments c set ticket_id = created.id where c.id = any (split_ticket.comment_ids);
  update public.ticket_attachments a set ticket_id = created.id where a.comment_id = any (split_ticket.comment_ids);
  update public.ticket_mentions m set ticket_id = created.id where m.comment_id = any (split_ticket.comment_ids);
  insert into public.ticket_links (ticket_id, linked_ticket_id, kind) values (created.id, source.id, 'split_from');

  perform private.record_ticket_event(source.id, 'ticket.split', true, null,
    jsonb_build_object('ticket_id', created.id, 'number', created.number, 'comment_ids', to_jsonb(split_ticket.comment_ids)));
  perform private.record_ticket_event(created.id, 'ticket.split_from', true, null,
    jsonb_build_object('ticket_id', source.id, 'number', source.number, 'comment_ids', to_jsonb(split_ticket.comment_ids)));
  return created;
end;
$$;
grant execute on function private.split_ticket(uuid, uuid[], text) to authenticated;

create or replace function public.split_ticket(ticket_id uuid, comment_ids uuid[], subject text)
returns public.tickets
language sql
volatile
security invoker
set search_path = ''
as $$ select * from private.split_ticket(ticket_id, comment_ids, subject) $$;

revoke execute on function public.split_ticket(uuid, uuid[], text) from public, anon;
grant execute on function public.split_ticket(uuid, uuid[], text) to authenticated;
