/**
 * Chat attachments: files in the private "chat-attachments" bucket under
 *   <org_id>/<conversation_id>/<file>
 * Storage RLS gives exactly the conversation's readers: the org's chat staff read every file; the
 * visitor reads what they uploaded and what a visible (non-private) message of their conversation
 * attaches, so files of private notes stay with staff. Messages attach files by path; the database
 * checks the file exists where it should and fills in its name, size and type.
 */

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('chat-attachments', 'chat-attachments', false, 10 * 1024 * 1024,
  array['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain', 'text/csv'])
on conflict (id) do nothing;

-- Section - Helpers

/** The conversation an object name belongs to, when it has the <org_id>/<conversation_id>/<file> shape. */
create or replace function private.chat_attachment_conversation(name text)
returns table (id uuid, org_id uuid, contact_id uuid)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  folders text[] := storage.foldername(name);
  uuid_pattern constant text := '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
begin
  if cardinality(folders) <> 2 or folders[1] !~ uuid_pattern or folders[2] !~ uuid_pattern then
    return;
  end if;
  return query select c.id, c.org_id, c.contact_id from public.conversations c
    where c.id = folders[2]::uuid and c.org_id = folders[1]::uuid;
end;
$$;

/** Whether the caller may download a chat file (see the header). */
create or replace function private.can_read_chat_attachment(name text, owner_id text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  conversation record;
begin
  select * into conversation from private.chat_attachment_conversation(name);
  if conversation.id is null then
    return false;
  elsif conversation.org_id in (select private.staff_org_ids('conversations.view')) then
    return true;
  end if;
  return conversation.contact_id in (select private.contact_ids_for_user())
    and (owner_id = (select auth.uid())::text
      or exists (select 1 from public.messages m
                  where m.conversation_id = conversation.id and not m.is_private
                    and m.attachments @> jsonb_build_array(jsonb_build_object('path', can_read_chat_attachment.name))));
end;
$$;

/** Whether the caller may upload into a conversation's folder: its visitor, or the org's chat agents. */
create or replace function private.can_upload_chat_attachment(name text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  conversation record;
begin
  select * into conversation from private.chat_attachment_conversation(name);
  return conversation.id is not null
    and (conversation.org_id in (select private.staff_org_ids('conversations.reply'))
      or conversation.contact_id in (select private.contact_ids_for_user()));
end;
$$;
grant execute on function private.can_read_chat_attachment(text, text), private.can_upload_chat_attachment(text)
  to authenticated, service_role;

create policy "Chat files are read by the conversation's staff, and by its visitor unless only a private note attaches them"
  on storage.objects for select to authenticated
  using (bucket_id = 'chat-attachments' and private.can_read_chat_attachment(name, owner_id));
create policy "A conversation's visitor and its organization's chat agents upload chat files"
  on storage.objects for insert to authenticated
  with check (bucket_id = 'chat-attachments' and private.can_upload_chat_attachment(name));

-- Section - Attaching files to messages

/**
 * Each attachment names an uploaded file of the message's own conversation; visitors attach only files
 * they uploaded. The stored entry is rebuilt from the object: {path, name, size, mime_type}.
 */
create or replace function private.trigger_guard_message_attachments()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  item jsonb;
  object storage.objects;
  checked jsonb := '[]';
begin
  if jsonb_typeof(new.attachments) <> 'array' or jsonb_array_length(new.attachments) > 5 then
    perform private.refuse('Attach at most 5 files, as a list of {"path": …}.');
  end if;
  for item in select jsonb_array_elements(new.attachments) loop
    select o.* into object from storage.objects o
     where o.bucket_id = 'chat-attachments' and o.name = item ->> 'path'
       and (storage.foldername(o.name))[1] = new.org_id::text and (storage.foldername(o.name))[2] = new.conversation_id::text;
    if object.id is null then
      perform private.refuse('Each attachment must be a file uploaded to this conversation.',
        'Upload to chat-attachments/<org_id>/<conversation_id>/ first, then send {"path": …}.');
    elsif new.sender_type = 'visitor' and (select auth.uid()) is not null
          and object.owner_id is distinct from (select auth.uid())::text then
      perform private.refuse('Visitors can only attach files they uploaded.');
    end if;
    checked := checked || jsonb_build_object('path', object.name,
      'name', left(regexp_replace(coalesce(nullif(item ->> 'name', ''), storage.filename(object.name)), '[[:cntrl:]/\\]', '', 'g'), 200),
      'size', (object.metadata ->> 'size')::bigint, 'mime_type', object.metadata ->> 'mimetype');
  end loop;
  new.attachments := checked;
  return new;
end;
$$;

-- after messages_guard_new (name order), which may skip a retried send
create trigger messages_guard_new_attachments before insert on public.messages
  for each row when (new.attachments <> '[]'::jsonb)
  execute function private.trigger_guard_message_attachments();
