/**
 * Abuse controls for the public chat widget, enforced in the database so that they hold on every
 * path (REST, functions, anything else). Visitors may start at most 6 conversations per 12 hours per
 * IP address (Chatwoot's default) and per contact, and send at most 20 messages per minute per contact
 * and 60 per minute per IP address. The IP is the first X-Forwarded-For entry the API gateway passes
 * on; without one, the contact stands in for it. Refusals are HTTP 429 with a readable message.
 */

/** Recent limited actions: one row per action, kept only as long as the longest window. */
create table private.chat_rate_events (
  id bigint generated always as identity primary key,
  -- What was limited, e.g. "conversations per ip".
  bucket text not null,
  -- Who: an IP address or "contact:<uuid>".
  subject text not null,
  created_at timestamptz not null default now()
);
create index chat_rate_events_bucket_subject_created_at_idx on private.chat_rate_events (bucket, subject, created_at);
revoke all on private.chat_rate_events from public, anon, authenticated;

/** The caller's IP address as the gateway reports it (first X-Forwarded-For entry), or null. */
create or replace function private.client_ip()
returns text
language sql
stable
set search_path = ''
as $$
  select nullif(left(btrim(split_part(coalesce(private.request_header('x-forwarded-for'), ''), ',', 1)), 64), '')
$$;

/**
 * Records one action for (bucket, subject), or refuses with HTTP 429 when `max_events` happened within
 * `per` already. Serialized per subject, so concurrent requests cannot slip past the limit.
 */
create or replace function private.take_rate_token(bucket text, subject text, max_events integer, per interval, message text)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  recent integer;
  oldest timestamptz;
  wait integer;
begin
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended(take_rate_token.bucket || '|' || take_rate_token.subject, 0));
  delete from private.chat_rate_events e
   where e.bucket = take_rate_token.bucket and e.subject = take_rate_token.subject and e.created_at < now() - per;
  select count(*), min(e.created_at) into recent, oldest from private.chat_rate_events e
   where e.bucket = take_rate_token.bucket and e.subject = take_rate_token.subject;
  if recent >= max_events then
    wait := greatest(ceil(extract(epoch from oldest + per - now())), 1)::integer;
    raise exception using message = take_rate_token.message, errcode = 'PT429',
      hint = 'Try again in ' || case when wait < 120 then wait || ' seconds'
                                     when wait < 7200 then ceil(wait / 60.0) || ' minutes'
                                     else ceil(wait / 3600.0) || ' hours' end || '.';
  end if;
  insert into private.chat_rate_events (bucket, subject) values (take_rate_token.bucket, take_rate_token.subject);
end;
$$;

/** Limits new conversations started by visitors (not by the server). */
create or replace function private.trigger_limit_new_conversations()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  message constant text := 'You have started too many conversations recently. Please continue an existing one or try again later.';
begin
  if (select auth.uid()) is not null then
    perform private.take_rate_token('conversations per ip', coalesce(private.client_ip(), 'contact:' || new.contact_id),
      6, interval '12 hours', message);
    perform private.take_rate_token('conversations per contact', 'contact:' || new.contact_id, 6, interval '12 hours', message);
  end if;
  return new;
end;
$$;

/** Limits visitor messages (agents and the server are not limited). */
create or replace function private.trigger_limit_visitor_messages()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  message constant text := 'You are sending messages too quickly. Please wait a moment and try again.';
begin
  if new.sender_type = 'visitor' and (select auth.uid()) is not null then
    perform private.take_rate_token('messages per contact', 'contact:' || new.contact_id, 20, interval '1 minute', message);
    perform private.take_rate_token('messages per ip', coalesce(private.client_ip(), 'contact:' || new.contact_id),
      60, interval '1 minute', message);
  end if;
  return new;
end;
$$;

-- Named to run after the *_guard_new triggers (same timing fires in name order), so that a retried
-- send the guard skipped is not counted.
create trigger conversations_limit_flood before insert on public.conversations
  for each row execute function private.trigger_limit_new_conversations();
create trigger messages_limit_flood before insert on public.messages
  for each row execute function private.trigger_limit_visitor_messages();
