/**
 * System messages are posted by our own functions through an explicit, transaction-local permit for
 * one conversation, instead of by hiding the caller's JWT claims for the duration of the insert.
 *
 * Before, private.post_system_message cleared request.jwt.claims so that the message guard, which
 * refuses bot and system messages from API callers, took the insert for a trusted one; every other
 * trigger on the way (broadcasts, audit) then also saw no caller. Now the guard accepts a system
 * message from a signed-in caller only for the conversation named by `supportdesk.system_message_for`,
 * a setting that only security-definer code of ours writes (PostgREST sets request.* settings and the
 * role, never ours), and a system message never takes the caller as its sender.
 */

create or replace function private.post_system_message(conversation_id uuid, content text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  perform set_config('supportdesk.system_message_for', post_system_message.conversation_id::text, true);
  insert into public.messages (conversation_id, sender_type, sender_name, content)
  values (post_system_message.conversation_id, 'system', null, post_system_message.content);
  perform set_config('supportdesk.system_message_for', '', true);
end;
$$;
revoke execute on function private.post_system_message(uuid, text) from public, anon, authenticated;

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
  -- (unset, the setting reads as null or '' depending on the session's history: never a permit)
  permitted_system_message boolean := new.sender_type = 'system'
    and coalesce(current_setting('supportdesk.system_message_for', true), '') = new.conversation_id::text;
begin
  select * into conversation from public.conversations c where c.id = new.conversation_id;
  if conversation.id is null then
    perform private.refuse('That conversation does not exist.');
  end if;
  new.org_id := conversation.org_id;
  new.contact_id := conversation.contact_id;
  if actor is not null and not permitted_system_message then
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
