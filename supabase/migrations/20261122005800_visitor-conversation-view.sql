/**
 * Visitors see their conversations only in a visitor-safe shape: what the chat widget shows, none of
 * the columns agents triage with (assignee, team, priority, labels, agent counters, first response,
 * the rating's comment, the ticket, the visitor email...). Column privileges cannot tell visitors from
 * agents (both are `authenticated`), so the table's SELECT policy is now for chat staff alone, and
 * visitors read through public.visitor_conversations and start through public.start_conversation.
 * The same shape is the payload on the visitor's Realtime topic.
 */

-- Section - The visitor-safe shape

create type public.visitor_conversation as (
  id uuid,
  org_id uuid,
  status public.conversation_status,
  offline boolean,
  created_at timestamptz,
  last_message_at timestamptz,
  visitor_unread_count integer,
  csat_rating smallint,
  resolved_at timestamptz
);
comment on type public.visitor_conversation is 'A chat conversation as its visitor sees it.';

create or replace function private.visitor_conversation(conversation public.conversations)
returns public.visitor_conversation
language sql
immutable
set search_path = ''
as $$
  select conversation.id, conversation.org_id, conversation.status, conversation.offline, conversation.created_at,
    conversation.last_message_at, conversation.visitor_unread_count, conversation.csat_rating, conversation.resolved_at
$$;

/** A conversation as its visitor may see it (the Realtime payload of the visitor's topic). */
create or replace function private.visitor_conversation_json(conversation public.conversations)
returns jsonb
language sql
immutable
set search_path = ''
as $$ select to_jsonb(private.visitor_conversation(conversation)) $$;

-- Section - Reading

drop policy "Visitors read their own conversations; chat staff their organization's" on public.conversations;
create policy "Chat staff read their organization's conversations" on public.conversations
  for select to authenticated
  using (org_id = any (array(select private.staff_org_ids('conversations.view'))));

/** The caller's own conversations (visitors; empty for everyone else), optionally of one widget or one id. */
create or replace function private.visitor_conversations(widget_id uuid default null, conversation_id uuid default null)
returns setof public.visitor_conversation
language sql
stable
security definer
set search_path = ''
as $$
  select v.*
    from public.conversations c
   cross join lateral private.visitor_conversation(c) v
   where c.contact_id = any (array(select private.contact_ids_for_user()))
     and (visitor_conversations.widget_id is null or c.widget_id = visitor_conversations.widget_id)
     and (visitor_conversations.conversation_id is null or c.id = visitor_conversations.conversation_id)
$$;
grant execute on function private.visitor_conversations(uuid, uuid) to authenticated;

create or replace function public.visitor_conversations(widget_id uuid default null, conversation_id uuid default null)
returns setof public.visitor_conversation
language sql
stable
security invoker
set search_path = ''
as $$ select * from private.visitor_conversations(widget_id, conversation_id) $$;
revoke execute on function public.visitor_conversations(uuid, uuid) from public, anon;
grant execute on function public.visitor_conversations(uuid, uuid) to authenticated;

-- Section - Starting

/**
 * Starts a conversation as the caller, so the insert policy, guards and abuse limits apply as to a
 * direct insert, and returns it in the visitor's shape.
 */
create or replace function public.start_conversation(widget_id uuid, contact_id uuid, visitor_email text default null)
returns public.visitor_conversation
language sql
volatile
security invoker
set search_path = ''
as $$
  insert into public.conversations (widget_id, contact_id, visitor_email)
  values (start_conversation.widget_id, start_conversation.contact_id, start_conversation.visitor_email);
  -- The insert cannot return the row (visitors do not read the table); the row created in this
  -- transaction is the caller's one created at now().
  select v.* from private.visitor_conversations(start_conversation.widget_id) v where v.created_at = now();
$$;
revoke execute on function public.start_conversation(uuid, uuid, text) from public, anon;
grant execute on function public.start_conversation(uuid, uuid, text) to authenticated;
