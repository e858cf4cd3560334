/**
 * Ticket comments: public replies and internal notes, @mentions of staff, per-user drafts, and
 * scheduled replies ("send later") delivered by a pg_cron job. A requester never sees an internal
 * note, nor a scheduled reply before it is delivered.
 */

-- Section - Tables

create table public.ticket_comments (
  id uuid primary key default gen_random_uuid(),
  -- Copied from the ticket by trigger (tenancy checks without a join).
  org_id uuid not null default private.filled_by_trigger() references public.organizations (id) on delete cascade,
  ticket_id uuid not null references public.tickets (id) on delete cascade,
  author_id uuid references auth.users (id) on delete set null default auth.uid(),
  -- Plain text as typed (mentions as @[user id]); rendered inert by clients.
  body text not null check (char_length(btrim(body)) between 1 and 20000),
  -- Internal notes are for staff only, forever: a note never becomes a public reply.
  is_internal boolean not null default false,
  -- "Send later": when a public reply should be delivered to the requester.
  scheduled_at timestamptz,
  -- When the requester could first see it (null: scheduled and not yet delivered).
  published_at timestamptz,
  edited_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.ticket_comments is 'Replies and internal notes on tickets.';
create index ticket_comments_ticket_id_created_at_idx on public.ticket_comments (ticket_id, created_at);
create index ticket_comments_org_id_idx on public.ticket_comments (org_id);
create index ticket_comments_author_id_idx on public.ticket_comments (author_id);
create index ticket_comments_due_idx on public.ticket_comments (scheduled_at) where published_at is null;

/** Staff mentioned in a comment (created by trigger from @[user id] tokens). */
create table public.ticket_mentions (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  ticket_id uuid not null references public.tickets (id) on delete cascade,
  comment_id uuid not null references public.ticket_comments (id) on delete cascade,
  mentioned_user_id uuid not null references auth.users (id) on delete cascade,
  -- The comment's author (no foreign key: kept when the user is deleted).
  mentioned_by uuid,
  -- Set by the mentioned user once seen.
  read_at timestamptz,
  created_at timestamptz not null default now(),
  unique (comment_id, mentioned_user_id)
);
create index ticket_mentions_mentioned_user_id_idx on public.ticket_mentions (mentioned_user_id, created_at desc);
create index ticket_mentions_org_id_idx on public.ticket_mentions (org_id);
create index ticket_mentions_ticket_id_idx on public.ticket_mentions (ticket_id);

/** One autosaved draft per user and ticket, private to its user. */
create table public.ticket_drafts (
  id uuid primary key default gen_random_uuid(),
  -- Copied from the ticket by trigger.
  org_id uuid not null default private.filled_by_trigger() references public.organizations (id) on delete cascade,
  ticket_id uuid not null references public.tickets (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade default auth.uid(),
  body text not null default '' check (char_length(body) <= 20000),
  is_internal boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (ticket_id, user_id)
);
create index ticket_drafts_user_id_idx on public.ticket_drafts (user_id);
create index ticket_drafts_org_id_idx on public.ticket_drafts (org_id);

revoke all on public.ticket_comments, public.ticket_mentions, public.ticket_drafts from anon, authenticated;
grant select, insert (ticket_id, body, is_internal, scheduled_at), update (body, scheduled_at), delete
  on public.ticket_comments to authenticated;
grant select, update (read_at) on public.ticket_mentions to authenticated;
-- ticket_id is updatable so that an upsert on (ticket_id, user_id) works; the guard keeps it unchanged.
grant select, insert (ticket_id, body, is_internal), update (ticket_id, body, is_internal), delete
  on public.ticket_drafts to authenticated;
alter table public.ticket_comments enable row level security;
alter table public.ticket_mentions enable row level security;
alter table public.ticket_drafts enable row level security;

-- Section - Helpers

/** A ticket's organization, number, status category and requester, whoever asks. */
create or replace function private.ticket_brief(ticket_id uuid)
returns table (org_id uuid, number text, status_category public.ticket_status_category, requester_id uuid)
language sql
stable
security definer
set search_path = ''
as $$
  select t.org_id, t.number, t.status_category, t.requester_id from public.tickets t where t.id = ticket_brief.ticket_id
$$;
grant execute on function private.ticket_brief(uuid) to authenticated, service_role;

-- Section - Triggers

/**
 * New comments: only readers of the ticket write on it (as themselves); closed tickets take no more
 * comments; internal notes and scheduled replies are for agents; a reply is published at once unless
 * scheduled for later.
 */
create or replace function private.trigger_guard_new_comment()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  by_user boolean := current_user = 'authenticated';
  ticket record;
  is_staff boolean;
begin
  if by_user and not private.can_read_ticket(new.ticket_id) then
    raise exception 'new row violates row-level security policy for table "ticket_comments"' using errcode = '42501';
  end if;
  select * into ticket from private.ticket_brief(new.ticket_id);
  new.org_id := ticket.org_id;
  is_staff := not by_user or private.has_permission(ticket.org_id, 'tickets.manage');
  if by_user then
    new.author_id := (select auth.uid());
    new.created_at := now();
    new.edited_at := null;
  end if;
  if ticket.status_category = 'closed' then
    perform private.refuse(format('Ticket %s is closed: it takes no more replies.', ticket.number), 'Raise a new ticket instead.');
  elsif new.is_internal and not is_staff then
    perform private.refuse('Only agents can add internal notes.');
  elsif new.scheduled_at > now() and not is_staff then
    perform private.refuse('Only agents can schedule replies.');
  elsif new.scheduled_at > now() and new.is_internal then
    perform private.refuse('Internal notes cannot be scheduled; they are only seen by staff anyway.');
  end if;
  if new.scheduled_at > now() then
    new.published_at := null;
  elsif by_user or new.published_at is null then
    new.scheduled_at := null;
    new.published_at := now();
  end if;
  return new;
end;
$$;

/**
 * Comment changes: a comment stays on its ticket, with its author and visibility; its author may
 * edit the text, and reschedule or cancel a reply until it is delivered.
 */
create or replace function private.trigger_guard_comment_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.ticket_id <> old.ticket_id or new.org_id <> old.org_id or new.is_internal <> old.is_internal
     or new.created_at <> old.created_at
     -- (a deleted author's id turns null: foreign keys set null, as the table owner)
     or (new.author_id is distinct from old.author_id and new.author_id is not null) then
    perform private.refuse('A comment keeps its ticket, author and visibility.');
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

create trigger ticket_comments_guard_insert before insert on public.ticket_comments
  for each row execute function private.trigger_guard_new_comment();
create trigger ticket_comments_guard_update before update on public.ticket_comments
  for each row execute function private.trigger_guard_comment_change();
create trigger ticket_comments_set_updated_at before update on public.ticket_comments
  for each row execute function private.trigger_set_updated_at();

/**
 * Once a reply is published: the ticket's first response is stamped (a public reply by staff other
 * than the requester), and a requester's answer moves a ticket waiting on them back to in progress.
 */
create or replace function private.trigger_comment_published()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  ticket record;
begin
  if new.published_at is null or new.is_internal or (tg_op = 'UPDATE' and old.published_at is not null) then
    return null;
  end if;
  select * into ticket from private.ticket_brief(new.ticket_id);
  if new.author_id is distinct from ticket.requester_id
     and private.member_has_permission(new.org_id, new.author_id, 'tickets.manage') then
    update public.tickets t set first_response_at = new.published_at
     where t.id = new.ticket_id and t.first_response_at is null;
  elsif new.author_id = ticket.requester_id and ticket.status_category = 'waiting_on_customer' then
    update public.tickets t set status_id = private.default_status_id(new.org_id, 'in_progress')
     where t.id = new.ticket_id;
  end if;
  return null;
end;
$$;

create trigger ticket_comments_published after insert or update of published_at on public.ticket_comments
  for each row execute function private.trigger_comment_published();

/** Mentions: @[user id] tokens naming staff of the organization, written by staff. */
create or replace function private.trigger_record_mentions()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.author_id is null or not private.member_has_permission(new.org_id, new.author_id, 'tickets.view') then
    return null;
  end if;
  insert into public.ticket_mentions (org_id, ticket_id, comment_id, mentioned_user_id, mentioned_by)
  select new.org_id, new.ticket_id, new.id, m.user_id, new.author_id
    from (select distinct lower(match[1])::uuid as user_id
            from regexp_matches(new.body, '@\[([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\]', 'g') match) m
   where m.user_id <> new.author_id
     and private.member_has_permission(new.org_id, m.user_id, 'tickets.view')
  on conflict (comment_id, mentioned_user_id) do nothing;
  return null;
end;
$$;

create trigger ticket_comments_record_mentions after insert or update of body on public.ticket_comments
  for each row execute function private.trigger_record_mentions();

/** Drafts belong to their user and carry the ticket's organization. */
create or replace function private.trigger_guard_draft()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and (new.ticket_id <> old.ticket_id or new.user_id <> old.user_id) then
    perform private.refuse('A draft stays with its ticket and user.');
  end if;
  if current_user = 'authenticated' then
    new.user_id := (select auth.uid());
  end if;
  select b.org_id into new.org_id from private.ticket_brief(new.ticket_id) b;
  return new;
end;
$$;

create trigger ticket_drafts_guard before insert or update on public.ticket_drafts
  for each row execute function private.trigger_guard_draft();
create trigger ticket_drafts_set_updated_at before update on public.ticket_drafts
  for each row execute function private.trigger_set_updated_at();

-- Section - Policies

create policy "Staff read every comment; requesters read delivered public replies on their tickets" on public.ticket_comments
  for select to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.view')))
    or (not is_internal and published_at is not null
        and ticket_id = any (array(select private.ticket_ids_requested_by_me()))));
create policy "Agents reply and add notes; requesters reply publicly on their tickets" on public.ticket_comments
  for insert to authenticated
  with check (not (select private.is_anonymous()) and author_id = (select private.current_user_id())
    and (org_id = any (array(select private.org_ids_with_permission('tickets.manage')))
         or (not is_internal and scheduled_at is null
             and ticket_id = any (array(select private.ticket_ids_requested_by_me())))));
create policy "Agents edit their own comments" on public.ticket_comments for update to authenticated
  using (author_id = (select private.current_user_id())
    and org_id = any (array(select private.org_ids_with_permission('tickets.manage'))))
  with check (author_id = (select private.current_user_id())
    and org_id = any (array(select private.org_ids_with_permission('tickets.manage'))));
create policy "Agents cancel their own replies before delivery" on public.ticket_comments for delete to authenticated
  using (author_id = (select private.current_user_id()) and published_at is null
    and org_id = any (array(select private.org_ids_with_permission('tickets.manage'))));

create policy "Staff read their own mentions" on public.ticket_mentions for select to authenticated
  using (mentioned_user_id = (select private.current_user_id())
    and org_id = any (array(select private.org_ids_with_permission('tickets.view'))));
create policy "Staff mark their own mentions read" on public.ticket_mentions for update to authenticated
  using (mentioned_user_id = (select private.current_user_id())
    and org_id = any (array(select private.org_ids_with_permission('tickets.view'))))
  with check (mentioned_user_id = (select private.current_user_id())
    and org_id = any (array(select private.org_ids_with_permission('tickets.view'))));

create policy "Users read their own drafts" on public.ticket_drafts for select to authenticated
  using (user_id = (select private.current_user_id()));
create policy "Readers of a ticket save a draft on it; internal drafts only staff" on public.ticket_drafts
  for insert to authenticated
  with check (user_id = (select private.current_user_id()) and not (select private.is_anonymous())
    and (org_id = any (array(select private.org_ids_with_permission('tickets.manage')))
         or (not is_internal and ticket_id = any (array(select private.ticket_ids_requested_by_me())))));
create policy "Users update their own drafts" on public.ticket_drafts for update to authenticated
  using (user_id = (select private.current_user_id()))
  with check (user_id = (select private.current_user_id())
    and (org_id = any (array(select private.org_ids_with_permission('tickets.manage')))
         or (not is_internal and ticket_id = any (array(select private.ticket_ids_requested_by_me())))));
create policy "Users delete their own drafts" on public.ticket_drafts for delete to authenticated
  using (user_id = (select private.current_user_id()));

-- Section - Scheduled replies

/** Delivers every scheduled reply that is due; returns how many. Run by pg_cron. */
create or replace function private.deliver_scheduled_replies()
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  delivered integer;
begin
  update public.ticket_comments c set published_at = now()
   where c.published_at is null and c.scheduled_at <= now();
  get diagnostics delivered = row_count;
  return delivered;
end;
$$;

create extension if not exists pg_cron;
select cron.schedule('deliver-scheduled-replies', '30 seconds', $$select private.deliver_scheduled_replies()$$);
