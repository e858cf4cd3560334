/**
 * Chat housekeeping on pg_cron: snoozed conversations come back when their time is up (within 30
 * seconds), and flood-limit records older than the longest window (12 hours) are dropped hourly.
 */

/** Reopens every snoozed conversation whose time has come; returns how many. */
create or replace function private.wake_snoozed_conversations()
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  woken integer;
begin
  update public.conversations c set status = 'open' where c.status = 'snoozed' and c.snoozed_until <= now();
  get diagnostics woken = row_count;
  return woken;
end;
$$;

/** Drops flood-limit records no window looks at any more; returns how many. */
create or replace function private.purge_chat_rate_events()
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  purged integer;
begin
  delete from private.chat_rate_events e where e.created_at < now() - interval '12 hours';
  get diagnostics purged = row_count;
  return purged;
end;
$$;

create index conversations_snoozed_until_idx on public.conversations (snoozed_until) where status = 'snoozed';
create index chat_rate_events_created_at_idx on private.chat_rate_events (created_at);

create extension if not exists pg_cron;
select cron.schedule('wake-snoozed-conversations', '30 seconds', $$select private.wake_snoozed_conversations()$$);
select cron.schedule('purge-chat-rate-events', '17 * * * *', $$select private.purge_chat_rate_events()$$);
