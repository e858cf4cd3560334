/**
 * Turning a chat into a ticket, and saved replies in chat. An agent who may both raise tickets and
 * reply to chats converts a conversation once: the ticket's description is the public transcript, the
 * private notes become one internal note, the two are linked both ways, the ticket's timeline records
 * where it came from, and the visitor is told the ticket's number (nothing else) in the chat.
 * Converting again returns the same ticket.
 */

-- Section - Links

alter table public.conversations
  -- The ticket this conversation was turned into (set only by convert_conversation_to_ticket).
  add column ticket_id uuid references public.tickets (id) on delete set null;
create index conversations_ticket_id_idx on public.conversations (ticket_id);

alter table public.tickets
  -- The chat this ticket was created from.
  add column source_conversation_id uuid references public.conversations (id) on delete set null,
  -- The chat contact the ticket is about, when it came from a chat (requesters are members; contacts are not).
  add column contact_id uuid references public.contacts (id) on delete set null;
create index tickets_source_conversation_id_idx on public.tickets (source_conversation_id);
create index tickets_contact_id_idx on public.tickets (contact_id);
-- Both are read like the rest of the row (the tables' select grants cover new columns); no client writes them.

-- Section - Helpers

/**
 * Posts a system message into a conversation. The message guard lets only the server (no JWT subject)
 * post as the system, so the caller's claims are set aside for this one insert and then restored.
 */
create or replace function private.post_system_message(conversation_id uuid, content text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  claims text := current_setting('request.jwt.claims', true);
  subject text := current_setting('request.jwt.claim.sub', true);
begin
  perform set_config('request.jwt.claims', '', true);
  perform set_config('request.jwt.claim.sub', '', true);
  insert into public.messages (conversation_id, sender_type, sender_name, content)
  values (post_system_message.conversation_id, 'system', null, post_system_message.content);
  perform set_config('request.jwt.claims', coalesce(claims, ''), true);
  perform set_config('request.jwt.claim.sub', coalesce(subject, ''), true);
end;
$$;
revoke execute on function private.post_system_message(uuid, text) from public, anon, authenticated;

/** One transcript line per message: "[2026-11-22 09:14] Ada (visitor): text", files listed below it. */
create or replace function private.transcript_line(message public.messages, time_zone text)
returns text
language sql
stable
set search_path = ''
as $$
  select format('[%s] %s: %s', to_char(message.created_at at time zone time_zone, 'YYYY-MM-DD HH24:MI'),
      case message.sender_type
        when 'visitor' then coalesce(message.sender_name, 'Visitor') || ' (visitor)'
        when 'agent' then coalesce(message.sender_name, 'Agent')
        when 'bot' then coalesce(message.sender_name, 'Bot') || ' (bot)'
        else 'System' end,
      message.content)
    || coalesce((select string_agg(format(E'\n    Attachment: %s (chat-attachments/%s)', a ->> 'name', a ->> 'path'), '' order by ord)
                   from jsonb_array_elements(message.attachments) with ordinality as f(a, ord)), '')
$$;

/** Text cut to `max_length` characters with a closing remark when it had to be cut. */
create or replace function private.truncate_text(body text, max_length integer, remark text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case when char_length(body) <= max_length then body
              else left(body, max_length - char_length(remark) - 2) || E'\n\n' || remark end
$$;

-- Section - Conversion

/**
 * Creates the ticket for a conversation (see the header) and returns its id. Callers: members with
 * tickets.create and conversations.reply in the conversation's organization. The requester is the
 * contact's own member account when their browser is signed in as one, else the converting agent; the
 * contact is recorded on the ticket either way.
 */
create or replace function private.convert_conversation_to_ticket(
  conversation_id uuid, subject text default null, priority public.ticket_priority default null)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := (select private.current_user_id());
  conversation public.conversations;
  contact public.contacts;
  org public.organizations;
  requester uuid;
  chosen_subject text;
  transcript text;
  notes text;
  created public.tickets;
begin
  select * into conversation from public.conversations c where c.id = convert_conversation_to_ticket.conversation_id for update;
  if conversation.id is null or caller is null or (select private.is_anonymous())
     or not private.has_permission(conversation.org_id, 'conversations.reply')
     or not private.has_permission(conversation.org_id, 'tickets.create') then
    raise exception 'You cannot turn this conversation into a ticket.' using errcode = '42501',
      hint = 'It takes permission to reply to chats and to raise tickets in the conversation''s organization.';
  end if;
  if conversation.ticket_id is not null then
    return conversation.ticket_id;
  end if;

  select * into contact from public.contacts c where c.id = conversation.contact_id;
  select * into org from public.organizations o where o.id = conversation.org_id;
  select cu.user_id into requester
    from private.contact_users cu join public.memberships m on m.user_id = cu.user_id and m.org_id = conversation.org_id
   where cu.contact_id = contact.id
   order by cu.created_at desc limit 1;
  if requester is distinct from caller and requester is not null and not private.has_permission(org.id, 'tickets.manage') then
    requester := null;
  end if;

  chosen_subject := btrim(coalesce(convert_conversation_to_ticket.subject, ''));
  if chosen_subject = '' then
    chosen_subject := coalesce(
      (select left(btrim(regexp_replace(m.content, '\s+', ' ', 'g')), 120) from public.messages m
        where m.conversation_id = conversation.id and m.sender_type = 'visitor' and m.content ~ '\S'
        order by m.created_at limit 1),
      format('Chat with %s', coalesce(contact.name, contact.email, 'a visitor')));
  elsif char_length(chosen_subject) > 200 then
    perform private.refuse('The subject must be 1–200 characters.');
  end if;

  select string_agg(private.transcript_line(m, org.time_zone), E'\n' order by m.created_at, m.id) into transcript
    from public.messages m where m.conversation_id = conversation.id and not m.is_private;
  transcript := private.truncate_text(
    format(E'Chat with %s%s, started %s%s.\n\n%s',
      coalesce(contact.name, 'a visitor'), coalesce(' <' || coalesce(conversation.visitor_email, contact.email) || '>', ''),
      to_char(conversation.created_at at time zone org.time_zone, 'YYYY-MM-DD HH24:MI'),
      coalesce(' on ' || contact.last_seen_url, ''), coalesce(transcript, '(no messages)')),
    20000, '[Transcript shortened: the whole conversation stays in the inbox.]');

  insert into public.tickets (org_id, subject, description, requester_id, priority, created_by, source_conversation_id, contact_id)
  values (org.id, chosen_subject, transcript, coalesce(requester, caller),
    coalesce(convert_conversation_to_ticket.priority, conversation.priority::public.ticket_priority, 'medium'),
    caller, conversation.id, contact.id)
  returning * into created;

  select string_agg(private.transcript_line(m, org.time_zone), E'\n' order by m.created_at, m.id) into notes
    from public.messages m where m.conversation_id = conversation.id and m.is_private;
  if notes is not null then
    insert into public.ticket_comments (ticket_id, author_id, body, is_internal)
    values (created.id, caller,
      private.truncate_text(E'Private notes from the chat:\n\n' || notes, 20000, '[Notes shortened: the rest stay in the inbox.]'), true);
  end if;

  update public.conversations c set ticket_id = created.id where c.id = conversation.id;
  perform private.record_ticket_event(created.id, 'ticket.created_from_chat', false, null,
    jsonb_build_object('conversation_id', conversation.id), caller);
  perform private.post_system_message(conversation.id,
    format('We have opened ticket %s for this conversation. We will follow up on it there.', created.number));
  return created.id;
end;
$$;
grant execute on function private.convert_conversation_to_ticket(uuid, text, public.ticket_priority) to authenticated;

/** The ticket a conversation was (or is now) turned into, read under the caller's RLS. */
create or replace function public.convert_conversation_to_ticket(
  conversation_id uuid, subject text default null, priority public.ticket_priority default null)
returns setof public.tickets
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  ticket_id uuid := private.convert_conversation_to_ticket(conversation_id, subject, priority);
begin
  return query select t.* from public.tickets t where t.id = ticket_id;
end;
$$;
revoke execute on function public.convert_conversation_to_ticket(uuid, text, public.ticket_priority) from public, anon;
grant execute on function public.convert_conversation_to_ticket(uuid, text, public.ticket_priority) to authenticated;

-- Section - Saved replies in chat

/** The variables of a conversation as the caller may see them (RLS applies to every read). */
create or replace function private.conversation_template_variables(conversation_id uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'customer.name', coalesce(nullif(contact.name, ''), contact.email, ''),
    'agent.name', coalesce(nullif(me.display_name, ''), me.email, ''),
    'org.name', o.name)
    from public.conversations c
    join public.organizations o on o.id = c.org_id
    left join public.contacts contact on contact.id = c.contact_id
    left join public.profiles me on me.id = (select auth.uid())
   where c.id = conversation_template_variables.conversation_id
$$;
grant execute on function private.conversation_template_variables(uuid) to authenticated, service_role;

/** A saved reply rendered for a conversation; null when the caller can read neither. */
create or replace function public.render_saved_reply_for_conversation(saved_reply_id uuid, conversation_id uuid)
returns text
language sql
stable
security invoker
set search_path = ''
as $$
  select private.render_template(r.body, private.conversation_template_variables(c.id))
    from public.saved_replies r
    join public.conversations c on c.id = render_saved_reply_for_conversation.conversation_id
   where r.id = render_saved_reply_for_conversation.saved_reply_id
$$;
revoke execute on function public.render_saved_reply_for_conversation(uuid, uuid) from public, anon;
grant execute on function public.render_saved_reply_for_conversation(uuid, uuid) to authenticated;
