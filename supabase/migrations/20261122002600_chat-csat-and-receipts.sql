/**
 * Read receipts and satisfaction ratings. Both are RPCs rather than column updates, because who may
 * do them is a rule about the caller's side of the conversation, not about the row.
 */

/**
 * Marks the other side's messages delivered and read for the caller (the conversation's visitor, or its
 * chat staff), zeroes the caller's unread counter and tells both topics. Returns how many were marked.
 */
create or replace function private.mark_conversation_read(conversation_id uuid)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  conversation public.conversations;
  by_visitor boolean;
  marked integer;
begin
  select * into conversation from public.conversations c where c.id = mark_conversation_read.conversation_id;
  if conversation.id is not null and conversation.contact_id in (select private.contact_ids_for_user()) then
    by_visitor := true;
  elsif conversation.id is not null and conversation.org_id in (select private.staff_org_ids('conversations.view')) then
    by_visitor := false;
  else
    raise exception 'You cannot read this conversation.' using errcode = '42501';
  end if;
  update public.messages m set delivered_at = coalesce(m.delivered_at, now()), read_at = now()
   where m.conversation_id = conversation.id and m.read_at is null and not m.is_private
     and (m.sender_type = 'visitor') <> by_visitor;
  get diagnostics marked = row_count;
  update public.conversations c
     set visitor_unread_count = case when by_visitor then 0 else c.visitor_unread_count end,
         agent_unread_count = case when by_visitor then c.agent_unread_count else 0 end
   where c.id = conversation.id;
  if marked > 0 then
    perform realtime.send(jsonb_build_object('conversation_id', conversation.id, 'read_by', case when by_visitor then 'visitor' else 'agent' end, 'read_at', now()),
      'messages_read', topic, true)
      from unnest(array[format('conversation:%s', conversation.id), format('conversation:%s:staff', conversation.id)]) topic;
  end if;
  return marked;
end;
$$;
grant execute on function private.mark_conversation_read(uuid) to authenticated;

create or replace function public.mark_conversation_read(conversation_id uuid)
returns integer
language sql
volatile
security invoker
set search_path = ''
as $$ select private.mark_conversation_read(conversation_id) $$;
revoke execute on function public.mark_conversation_read(uuid) from public, anon;
grant execute on function public.mark_conversation_read(uuid) to authenticated;

/** The conversation's visitor rates it 1-5, once, after it is resolved, when the widget asks for ratings. */
create or replace function private.submit_csat(conversation_id uuid, rating integer, comment text default null)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  conversation public.conversations;
begin
  select * into conversation from public.conversations c
   where c.id = submit_csat.conversation_id and c.contact_id in (select private.contact_ids_for_user())
     for update;
  if conversation.id is null then
    raise exception 'Only the visitor of this conversation can rate it.' using errcode = '42501';
  elsif not coalesce((select w.csat_enabled from public.widgets w where w.id = conversation.widget_id), false) then
    perform private.refuse('Ratings are turned off for this chat.');
  elsif conversation.status <> 'resolved' then
    perform private.refuse('You can rate a conversation once it is resolved.');
  elsif conversation.csat_rating is not null then
    perform private.refuse('This conversation has already been rated.');
  elsif submit_csat.rating is null or submit_csat.rating not between 1 and 5 then
    perform private.refuse('Choose a rating from 1 to 5.');
  elsif char_length(submit_csat.comment) > 1000 then
    perform private.refuse('Keep the comment under 1,000 characters.');
  end if;
  update public.conversations c
     set csat_rating = submit_csat.rating, csat_comment = nullif(btrim(submit_csat.comment), ''), csat_submitted_at = now()
   where c.id = conversation.id;
end;
$$;
grant execute on function private.submit_csat(uuid, integer, text) to authenticated;

create or replace function public.submit_csat(conversation_id uuid, rating integer, comment text default null)
returns void
language sql
volatile
security invoker
set search_path = ''
as $$ select private.submit_csat(conversation_id, rating, comment) $$;
revoke execute on function public.submit_csat(uuid, integer, text) from public, anon;
grant execute on function public.submit_csat(uuid, integer, text) to authenticated;
