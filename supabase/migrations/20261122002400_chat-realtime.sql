/**
 * Live chat: Broadcast from the database on private topics, authorized by RLS on realtime.messages.
 *   conversation:<id>         the visitor's topic: visitor-safe payloads only (never private notes); the
 *                             visitor and the org's chat staff may join it and send typing broadcasts there
 *   conversation:<id>:staff   every message of the conversation, notes included (chat staff)
 *   org:<org_id>:inbox        conversation changes for the inbox list (chat staff)
 *   org:<org_id>:agents       agents' availability changes; agents track presence here (chat staff)
 * Chat needs the message itself at once, so message payloads carry the text (visitor-safe fields on the
 * visitor's topic).
 */

-- Section - Topic authorization

/**
 * Whether the caller may join (read) or send on (write) a chat topic. Visitors: their own conversation's
 * topic only. Chat staff (conversations.view): every chat topic of their organizations; the inbox topic
 * is filled by the database alone.
 */
create or replace function private.can_use_chat_topic(topic text, for_write boolean)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  parts text[] := regexp_match(topic,
    '^(conversation|org):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?::(staff|inbox|agents))?$');
  conversation record;
begin
  if parts is null then
    return false;
  elsif parts[1] = 'org' then
    return coalesce(parts[3] = 'agents' or (parts[3] = 'inbox' and not for_write), false)
      and parts[2]::uuid in (select private.staff_org_ids('conversations.view'));
  elsif parts[3] is not null and parts[3] <> 'staff' then
    return false;
  end if;
  select c.org_id, c.contact_id into conversation from public.conversations c where c.id = parts[2]::uuid;
  if conversation.org_id is null then
    return false;
  end if;
  return conversation.org_id in (select private.staff_org_ids('conversations.view'))
    or (parts[3] is null and conversation.contact_id in (select private.contact_ids_for_user()));
end;
$$;
grant execute on function private.can_use_chat_topic(text, boolean) to authenticated, service_role;

create policy "Chat topics are joined by their conversation's visitor and the organization's chat staff"
  on realtime.messages for select to authenticated
  using (topic = (select realtime.topic()) and (select private.can_use_chat_topic((select realtime.topic()), false)));
create policy "Visitors and chat staff send typing and presence on the chat topics they may join"
  on realtime.messages for insert to authenticated
  with check (topic = (select realtime.topic()) and (select private.can_use_chat_topic((select realtime.topic()), true)));

-- Section - Payloads

/** A message as a visitor may see it (never called for private notes). */
create or replace function private.visitor_message_json(message public.messages)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select jsonb_build_object('id', message.id, 'conversation_id', message.conversation_id,
    'sender_type', message.sender_type, 'sender_name', message.sender_name, 'content', message.content,
    'attachments', message.attachments, 'client_message_id', message.client_message_id,
    'created_at', message.created_at, 'delivered_at', message.delivered_at, 'read_at', message.read_at)
$$;

/** A conversation as its visitor may see it: no labels, priority, team or assignee. */
create or replace function private.visitor_conversation_json(conversation public.conversations)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select jsonb_build_object('id', conversation.id, 'status', conversation.status,
    'last_message_at', conversation.last_message_at, 'visitor_unread_count', conversation.visitor_unread_count,
    'csat_rating', conversation.csat_rating, 'resolved_at', conversation.resolved_at)
$$;

-- Section - Broadcast triggers

create or replace function private.trigger_broadcast_message()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not new.is_private then
    perform realtime.send(private.visitor_message_json(new), 'message_created', format('conversation:%s', new.conversation_id), true);
  end if;
  perform realtime.send(to_jsonb(new), 'message_created', format('conversation:%s:staff', new.conversation_id), true);
  return null;
end;
$$;

create or replace function private.trigger_broadcast_conversation()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform realtime.send(jsonb_build_object('operation', tg_op, 'conversation', to_jsonb(new)),
    'conversation_changed', format('org:%s:inbox', new.org_id), true);
  if tg_op = 'UPDATE' and private.visitor_conversation_json(new) <> private.visitor_conversation_json(old) then
    perform realtime.send(private.visitor_conversation_json(new), 'conversation_changed', format('conversation:%s', new.id), true);
  end if;
  return null;
end;
$$;

/** Agents see each other's availability change live (the widget's "online" state follows it). */
create or replace function private.trigger_broadcast_availability()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform realtime.send(jsonb_build_object('user_id', new.user_id, 'availability', new.availability),
    'availability_changed', format('org:%s:agents', new.org_id), true);
  return null;
end;
$$;

create trigger messages_broadcast after insert on public.messages
  for each row execute function private.trigger_broadcast_message();
create trigger conversations_broadcast after insert or update on public.conversations
  for each row execute function private.trigger_broadcast_conversation();
create trigger memberships_broadcast_availability after update of availability on public.memberships
  for each row when (old.availability is distinct from new.availability)
  execute function private.trigger_broadcast_availability();
