/**
 * Ticket attachments: files in the private "ticket-attachments" bucket under
 *   <org_id>/<ticket_id>/<comment_id | "ticket">/<uuid>-<sanitized file name>
 * so that Storage RLS grants exactly the ticket's readers (files of internal notes: staff only).
 * Each stored object gets a ticket_attachments row (written by trigger), whose display name comes
 * from the upload's metadata {"filename": …} and is sanitized. Per-organization size and type limits
 * are enforced on every write of an object, whichever role writes it.
 */

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('ticket-attachments', 'ticket-attachments', false, 26214400, private.ticket_attachment_mime_types())
on conflict (id) do nothing;

create table public.ticket_attachments (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  ticket_id uuid not null references public.tickets (id) on delete cascade,
  -- The comment the file belongs to; null for files attached to the ticket itself.
  comment_id uuid references public.ticket_comments (id) on delete cascade,
  -- Object name in the ticket-attachments bucket.
  storage_path text not null unique,
  -- Display name: no path separators, control characters or bidirectional overrides; 1–200 characters.
  file_name text not null check (char_length(file_name) between 1 and 200),
  content_type text not null default 'application/octet-stream',
  size_bytes bigint not null default 0 check (size_bytes >= 0),
  -- Copied from the comment: files of internal notes are for staff only.
  is_internal boolean not null default false,
  uploaded_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);
comment on table public.ticket_attachments is 'One row per object in the ticket-attachments bucket; written by Storage triggers only.';
create index ticket_attachments_org_id_idx on public.ticket_attachments (org_id);
create index ticket_attachments_ticket_id_idx on public.ticket_attachments (ticket_id);
create index ticket_attachments_comment_id_idx on public.ticket_attachments (comment_id);
create index ticket_attachments_uploaded_by_idx on public.ticket_attachments (uploaded_by);

revoke all on public.ticket_attachments from anon, authenticated;
grant select on public.ticket_attachments to authenticated;
alter table public.ticket_attachments enable row level security;

create policy "Staff see every attachment; requesters see those of their tickets' visible replies" on public.ticket_attachments
  for select to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.view')))
    or (not is_internal and ticket_id = any (array(select private.ticket_ids_requested_by_me()))
        -- the comment's own policy decides (public and delivered)
        and (comment_id is null or exists (select 1 from public.ticket_comments c where c.id = comment_id))));

-- Section - Names and paths

/** A file name safe to show and to store: separators, controls and bidi overrides removed; ≤ 200. */
create or replace function private.sanitize_file_name(name text)
returns text
language sql
immutable
set search_path = ''
as $$
  select coalesce(nullif(left(btrim(regexp_replace(
           regexp_replace(coalesce(name, ''), '[/\\[:cntrl:]\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]', '', 'g'),
           '^[.\s]+', '')), 200), ''), 'attachment')
$$;

/** The parts of an attachment's object name, or no row when it is not of the expected shape. */
create or replace function private.ticket_file_path(name text)
returns table (org_id uuid, ticket_id uuid, comment_id uuid, file_name text)
language sql
immutable
set search_path = ''
as $$
  select m[1]::uuid, m[2]::uuid, nullif(m[3], 'ticket')::uuid, m[5]
    from regexp_match(name,
      '^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/'
      '(ticket|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-([^/]{1,200})$') m
   where m is not null and m[5] = private.sanitize_file_name(m[5])
$$;

/**
 * Whether the caller may store a file at this name: the ticket is in the named organization and not
 * closed; ticket-level files by its agents or requester; comment files by the comment's author only
 * (requesters: on their public replies).
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
  is_requester := ticket.requester_id = me and private.is_member(ticket.org_id, me);
  if path.comment_id is null then
    return is_staff or is_requester;
  end if;
  select * into comment from public.ticket_comments c where c.id = path.comment_id and c.ticket_id = ticket.id;
  return comment.author_id = me and (is_staff or (is_requester and not comment.is_internal));
end;
$$;

/** Whether the caller may read the file at this name: staff of the ticket's organization, or its requester (public, delivered replies only). */
create or replace function private.can_read_ticket_file(object_name text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  path record;
  ticket public.tickets;
  me uuid := (select private.current_user_id());
begin
  select * into path from private.ticket_file_path(object_name);
  select * into ticket from public.tickets t where t.id = path.ticket_id and t.org_id = path.org_id;
  if ticket.id is null then
    return false;
  elsif private.has_permission(ticket.org_id, 'tickets.view') then
    return true;
  elsif ticket.requester_id is distinct from me or not private.is_member(ticket.org_id, me) then
    return false;
  end if;
  return path.comment_id is null or exists (
    select 1 from public.ticket_comments c
     where c.id = path.comment_id and c.ticket_id = ticket.id and not c.is_internal and c.published_at is not null);
end;
$$;

grant execute on function private.sanitize_file_name(text), private.ticket_file_path(text),
  private.can_attach_ticket_file(text), private.can_read_ticket_file(text) to authenticated, service_role;

-- Section - Triggers

create or replace function private.trigger_sanitize_attachment_name()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.file_name := private.sanitize_file_name(new.file_name);
  return new;
end;
$$;

create trigger ticket_attachments_sanitize_name before insert or update of file_name on public.ticket_attachments
  for each row execute function private.trigger_sanitize_attachment_name();

/** Objects in the bucket: the path shape, no moves, and the organization's size and type limits. */
create or replace function private.trigger_enforce_ticket_attachment_limits()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  path record;
  org public.organizations;
  size bigint;
  mime text;
begin
  if tg_op = 'UPDATE' then
    if (old.bucket_id = 'ticket-attachments' or new.bucket_id = 'ticket-attachments')
       and (new.name <> old.name or new.bucket_id <> old.bucket_id) then
      raise exception 'Ticket attachments cannot be moved or renamed.' using errcode = '42501';
    end if;
  end if;
  if new.bucket_id <> 'ticket-attachments' then
    return new;
  end if;
  select * into path from private.ticket_file_path(new.name);
  if path.org_id is null then
    raise exception 'Attachments are stored as <organization>/<ticket>/<comment or "ticket">/<uuid>-<file name>.'
      using errcode = '42501';
  end if;
  select * into org from public.organizations o where o.id = path.org_id;
  -- metadata is complete when the bytes are stored; an upload's permission test may only declare them
  size := coalesce((new.metadata ->> 'size')::bigint, (new.metadata ->> 'contentLength')::bigint);
  mime := lower(btrim(split_part(new.metadata ->> 'mimetype', ';', 1)));
  if size > org.attachment_max_bytes then
    raise exception 'This file is larger than % accepts (% bytes at most).', org.name, org.attachment_max_bytes
      using errcode = '42501';
  elsif mime <> '' and not mime = any (org.attachment_mime_types) then
    raise exception '% does not accept % files.', org.name, mime using errcode = '42501';
  end if;
  return new;
end;
$$;

create trigger ticket_attachments_enforce_limits before insert or update on storage.objects
  for each row execute function private.trigger_enforce_ticket_attachment_limits();

/** Keeps ticket_attachments in step with the bucket's objects. */
create or replace function private.trigger_sync_ticket_attachment()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  path record;
  comment_internal boolean;
begin
  if tg_op = 'DELETE' then
    if old.bucket_id = 'ticket-attachments' then
      delete from public.ticket_attachments a where a.storage_path = old.name;
    end if;
    return null;
  end if;
  if new.bucket_id <> 'ticket-attachments' then
    return null;
  end if;
  select * into path from private.ticket_file_path(new.name);
  select c.is_internal into comment_internal from public.ticket_comments c
   where c.id = path.comment_id and c.ticket_id = path.ticket_id;
  if not exists (select 1 from public.tickets t where t.id = path.ticket_id and t.org_id = path.org_id)
     or (path.comment_id is not null and comment_internal is null) then
    raise exception 'An attachment''s path must name a ticket of its organization and, optionally, a comment of that ticket.'
      using errcode = '42501';
  end if;
  insert into public.ticket_attachments
    (org_id, ticket_id, comment_id, storage_path, file_name, content_type, size_bytes, is_internal, uploaded_by)
  values (path.org_id, path.ticket_id, path.comment_id, new.name,
          coalesce(nullif(new.user_metadata ->> 'filename', ''), path.file_name),
          coalesce(nullif(lower(btrim(split_part(new.metadata ->> 'mimetype', ';', 1))), ''), 'application/octet-stream'),
          coalesce((new.metadata ->> 'size')::bigint, 0), coalesce(comment_internal, false),
          coalesce(new.owner, (select auth.uid())))
  on conflict (storage_path) do update set content_type = excluded.content_type, size_bytes = excluded.size_bytes;
  return null;
end;
$$;

create trigger ticket_attachments_sync after insert or update or delete on storage.objects
  for each row execute function private.trigger_sync_ticket_attachment();

-- Section - Storage policies

create policy "Ticket readers download its files; files of internal notes only staff" on storage.objects
  for select to authenticated
  using (bucket_id = 'ticket-attachments' and private.can_read_ticket_file(name));
create policy "Ticket participants attach files to the ticket and to their own comments" on storage.objects
  for insert to authenticated
  with check (bucket_id = 'ticket-attachments' and private.can_attach_ticket_file(name));
create policy "Agents remove ticket attachments" on storage.objects for delete to authenticated
  using (bucket_id = 'ticket-attachments'
    and (storage.foldername(name))[1] = any (array(select o::text from private.org_ids_with_permission('tickets.manage') o)));
