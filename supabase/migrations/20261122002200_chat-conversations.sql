/**
 * Conversations and their messages. A visitor (anonymous user) starts conversations as their own
 * contact and writes visitor messages into them; staff with conversations.view read their organization's;
 * conversations.reply holders reply, write private notes, assign, snooze and resolve. Private notes are
 * rows visitors can never select. Triggers keep counters and timestamps; messages carry the
 * conversation's org and contact so that RLS needs no join.
 */

-- Section - Types and tables

/**
 * Default of columns a BEFORE trigger always fills in (a message's organization and contact): null, so
 * NOT NULL still holds after the trigger while clients and the generated types leave the column out.
 * The tickets migrations declare the same helper; declared here too so chat stands on its own.
 */
create or replace function private.filled_by_trigger()
returns uuid
language sql
stable
set search_path = ''
as $$ select null::uuid $$;
grant execute on function private.filled_by_trigger() to authenticated, service_role;

create type public.conversation_status as enum ('open', 'snoozed', 'resolved');
create type public.message_sender_type as enum ('visitor', 'agent', 'bot', 'system');

create table public.conversations (
  id uuid primary key default gen_random_uuid(),
  -- The contact's organization, set by trigger.
  org_id uuid not null default private.filled_by_trigger() references public.organizations (id) on delete cascade,
  -- The widget the conversation started in (null once that widget is deleted).
  widget_id uuid references public.widgets (id) on delete set null,
  contact_id uuid not null references public.contacts (id) on delete cascade,
  status public.conversation_status not null default 'open',
  -- Set while snoozed: when the conversation should come back.
  snoozed_until timestamptz,
  -- A member of the organization who can reply to chats.
  assignee_id uuid references auth.users (id) on delete set null,
  team_id uuid references public.teams (id) on delete set null,
  priority text check (priority in ('low', 'medium', 'high', 'urgent')),
  -- Lower-case, trimmed, unique; at most 20 of at most 40 characters.
  labels text[] not null default '{}' check (cardinality(labels) <= 20),
  -- Started while nobody could answer (widget offline mode): agent replies are emailed to visitor_email.
  offline boolean not null default false,
  -- Where replies go by email; from the visitor when the conversation starts, or their contact.
  visitor_email text check (char_length(visitor_email) <= 320 and visitor_email ~ '^[^@\s]+@[^@\s]+$'),
  first_response_at timestamptz,
  resolved_at timestamptz,
  csat_rating smallint check (csat_rating between 1 and 5),
  csat_comment text check (char_length(csat_comment) <= 1000),
  csat_submitted_at timestamptz,
  -- Time of the newest message the visitor can see (private notes do not count).
  last_message_at timestamptz,
  -- Visitor messages no agent has read yet, and agent replies the visitor has not read yet.
  agent_unread_count integer not null default 0 check (agent_unread_count >= 0),
  visitor_unread_count integer not null default 0 check (visitor_unread_count >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.conversations is 'Chat conversations between a contact and the organization''s agents.';
create index conversations_org_id_last_message_at_idx on public.conversations (org_id, last_message_at desc nulls last);
create index conversations_org_id_status_idx on public.conversations (org_id, status);
create index conversations_contact_id_idx on public.conversations (contact_id);
create index conversations_widget_id_idx on public.conversations (widget_id);
create index conversations_assignee_id_idx on public.conversations (assignee_id);
create index conversations_team_id_idx on public.conversations (team_id);

create table public.messages (
  id uuid primary key default gen_random_uuid(),
  conversation_id uuid not null references public.conversations (id) on delete cascade,
  -- Copied from the conversation by a trigger (whatever the client sends).
  org_id uuid not null default private.filled_by_trigger() references public.organizations (id) on delete cascade,
  contact_id uuid not null default private.filled_by_trigger() references public.contacts (id) on delete cascade,
  sender_type public.message_sender_type not null,
  -- The signed-in sender (the visitor's anonymous user, or the agent); null for bot and system messages.
  sender_id uuid references auth.users (id) on delete set null,
  -- Display name at the time of sending (agent profile name, contact name), so visitors need no profile access.
  sender_name text check (char_length(sender_name) <= 200),
  -- Plain text, stored as typed and never rendered as HTML.
  content text not null default '' constraint messages_content_length check (char_length(content) <= 10000),
  -- Internal note: visible to staff only, on every path (REST, Realtime, Storage).
  is_private boolean not null default false,
  -- [{"path": "<org_id>/<conversation_id>/<file>", "name", "size", "mime_type"}] in the chat-attachments bucket.
  attachments jsonb not null default '[]'
    check (jsonb_typeof(attachments) = 'array' and jsonb_array_length(attachments) <= 5),
  -- Chosen by the sending client: a retried send with the same id is ignored.
  client_message_id uuid not null default gen_random_uuid(),
  created_at timestamptz not null default now(),
  -- When the other side's client received and read it (set by mark_conversation_read).
  delivered_at timestamptz,
  read_at timestamptz,
  constraint messages_not_empty check (content ~ '\S' or jsonb_array_length(attachments) > 0),
  constraint messages_private_notes_by_staff check (not is_private or sender_type in ('agent', 'system')),
  constraint messages_client_message_id_key unique (conversation_id, client_message_id)
);
comment on table public.messages is 'Chat messages and private notes of a conversation.';
create index messages_conversation_id_created_at_idx on public.messages (conversation_id, created_at);
create index messages_org_id_created_at_idx on public.messages (org_id, created_at desc);
create index messages_contact_id_idx on public.messages (contact_id);
create index messages_sender_id_idx on public.messages (sender_id);

-- Section - Grants

revoke all on public.conversations, public.messages from anon, authenticated;
grant select on public.conversations, public.messages to authenticated;
grant insert (widget_id, contact_id, visitor_email) on public.conversations to authenticated;
grant update (status, snoozed_until, assignee_id, team_id, priority, labels) on public.conversations to authenticated;
grant insert (conversation_id, sender_type, content, is_private, attachments, client_message_id) on public.messages to authenticated;
grant select, insert, update, delete on public.conversations, public.messages to service_role;

alter table public.conversations enable row level security;
alter table public.messages enable row level security;

-- Section - Protective triggers

/** A new conversation joins its contact's organization, in one of its widgets; offline mode needs an email. */
create or replace function private.trigger_guard_new_conversation()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  contact public.contacts;
  widget public.widgets;
begin
  select * into contact from public.contacts c where c.id = new.contact_id;
  if contact.id is null then
    perform private.refuse('That contact does not exist.');
  end if;
  new.org_id := contact.org_id;
  select * into widget from public.widgets w where w.id = new.widget_id and w.org_id = new.org_id;
  if widget.id is null then
    perform private.refuse('That widget does not belong to this contact''s organization.');
  end if;
  new.labels := private.normalize_chat_labels(new.labels);
  new.visitor_email := lower(btrim(coalesce(new.visitor_email, contact.email)));
  new.offline := widget.offline_mode
    and not (private.org_has_online_agent(new.org_id) and private.is_open_at(new.org_id, now()));
  if new.offline and new.visitor_email is null then
    perform private.refuse('Nobody can answer right now. Leave your email address and we will reply there.',
      'Send visitor_email with the new conversation.');
  end if;
  if contact.email is null and new.visitor_email is not null then
    update public.contacts c set email = new.visitor_email where c.id = contact.id;
  end if;
  return new;
end;
$$;

/** Lower-cases, trims and de-duplicates labels. */
create or replace function private.normalize_chat_labels(labels text[])
returns text[]
language sql
immutable
set search_path = ''
as $$
  select coalesce(array(select distinct lower(btrim(l)) from unnest(labels) l where btrim(l) <> '' order by 1), '{}')
$$;

/** Assignees reply to chats in the organization; teams belong to it; status changes keep their timestamps. */
create or replace function private.trigger_guard_conversation_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.assignee_id is distinct from old.assignee_id and new.assignee_id is not null
     and not private.user_can_reply(new.org_id, new.assignee_id) then
    perform private.refuse('Conversations can only be assigned to members who reply to chats.');
  end if;
  if new.team_id is distinct from old.team_id and new.team_id is not null
     and not exists (select 1 from public.teams t where t.id = new.team_id and t.org_id = new.org_id) then
    perform private.refuse('That team is not part of this organization.');
  end if;
  new.labels := private.normalize_chat_labels(new.labels);
  if cardinality(new.labels) > 20 or exists (select 1 from unnest(new.labels) l where char_length(l) > 40) then
    perform private.refuse('Use at most 20 labels of up to 40 characters each.');
  end if;
  if new.status is distinct from old.status then
    new.resolved_at := case when new.status = 'resolved' then now() end;
  end if;
  if new.status <> 'snoozed' then
    new.snoozed_until := null;
  elsif new.snoozed_until is null or (new.snoozed_until is distinct from old.snoozed_until and new.snoozed_until <= now()) then
    perform private.refuse('Choose a time in the future to snooze until.', 'Set snoozed_until with status "snoozed".');
  end if;
  return new;
end;
$$;

/**
 * A new message takes its conversation's org and contact; clients send only as themselves, as visitor
 * or agent (policies decide which); a retried send (same client_message_id) is skipped.
 */
create or replace function private.trigger_guard_new_message()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  conversation public.conversations;
  actor uuid := (select auth.uid());
begin
  select * into conversation from public.conversations c where c.id = new.conversation_id;
  if conversation.id is null then
    perform private.refuse('That conversation does not exist.');
  end if;
  new.org_id := conversation.org_id;
  new.contact_id := conversation.contact_id;
  if actor is not null then
    new.sender_id := actor;
    if new.sender_type not in ('visitor', 'agent') then
      perform private.refuse('Only the server posts bot and system messages.');
    end if;
  end if;
  if new.content !~ '\S' and new.attachments = '[]'::jsonb then
    perform private.refuse('A message needs text or an attachment.');
  elsif char_length(new.content) > 10000 then
    perform private.refuse('A message can be at most 10,000 characters.',
      format('This one has %s characters: split it or attach a file.', char_length(new.content)));
  end if;
  if exists (select 1 from public.messages m
              where m.conversation_id = new.conversation_id and m.client_message_id = new.client_message_id) then
    return null;  -- a retried send: the first copy stands
  end if;
  new.sender_name := case new.sender_type
    when 'visitor' then (select c.name from public.contacts c where c.id = new.contact_id)
    -- never the agent's email: visitors see this name
    when 'agent' then coalesce((select nullif(btrim(p.display_name), '') from public.profiles p where p.id = new.sender_id), 'Support')
    else new.sender_name end;
  return new;
end;
$$;

/** Counters, last-message time, first response, and a visitor's message reopening the conversation. */
create or replace function private.trigger_apply_message_to_conversation()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.conversations c set
    last_message_at = case when new.is_private then c.last_message_at else greatest(c.last_message_at, new.created_at) end,
    agent_unread_count = c.agent_unread_count + (new.sender_type = 'visitor')::int,
    visitor_unread_count = c.visitor_unread_count + (new.sender_type in ('agent', 'bot') and not new.is_private)::int,
    first_response_at = case when c.first_response_at is null and new.sender_type = 'agent' and not new.is_private
                             then new.created_at else c.first_response_at end,
    status = case when new.sender_type = 'visitor' then 'open' else c.status end
   where c.id = new.conversation_id;
  return null;
end;
$$;

create trigger conversations_guard_new before insert on public.conversations
  for each row execute function private.trigger_guard_new_conversation();
create trigger conversations_guard_change before update on public.conversations
  for each row execute function private.trigger_guard_conversation_change();
create trigger conversations_set_updated_at before update on public.conversations
  for each row execute function private.trigger_set_updated_at();
create trigger messages_guard_new before insert on public.messages
  for each row execute function private.trigger_guard_new_message();
create trigger messages_apply_to_conversation after insert on public.messages
  for each row execute function private.trigger_apply_message_to_conversation();

-- Section - Policies

create policy "Visitors read their own conversations; chat staff their organization's" on public.conversations
  for select to authenticated
  using (contact_id = any (array(select private.contact_ids_for_user()))
    or org_id = any (array(select private.staff_org_ids('conversations.view'))));
create policy "Visitors start conversations as their own contact" on public.conversations for insert to authenticated
  with check (contact_id = any (array(select private.contact_ids_for_user())));
create policy "Chat agents assign, snooze and resolve their organization's conversations" on public.conversations
  for update to authenticated
  using (org_id = any (array(select private.staff_org_ids('conversations.reply'))))
  with check (org_id = any (array(select private.staff_org_ids('conversations.reply'))));

create policy "Visitors read their conversations' messages but no private notes; chat staff all of their organization's"
  on public.messages for select to authenticated
  using ((contact_id = any (array(select private.contact_ids_for_user())) and not is_private)
    or org_id = any (array(select private.staff_org_ids('conversations.view'))));
create policy "Visitors write visitor messages in their conversations; chat agents reply and write notes"
  on public.messages for insert to authenticated
  with check (
    (sender_type = 'visitor' and not is_private and sender_id = (select auth.uid())
      and contact_id = any (array(select private.contact_ids_for_user())))
    or (sender_type = 'agent' and sender_id = (select auth.uid())
      and org_id = any (array(select private.staff_org_ids('conversations.reply')))));
