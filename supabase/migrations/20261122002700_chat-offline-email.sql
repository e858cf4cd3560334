/**
 * Offline conversations continue by email: every agent reply (not private notes) in a conversation
 * started while nobody could answer is queued here, and the send-outbound-emails function sends the
 * queue through the shared mailer. Schedule that function every minute (on Supabase Cloud: pg_cron +
 * pg_net posting to /functions/v1/send-outbound-emails with the service role key from Vault); it can
 * also be invoked by hand. Only the service role reads or changes the queue.
 */

create table private.outbound_emails (
  id bigint generated always as identity primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  conversation_id uuid not null references public.conversations (id) on delete cascade,
  -- The reply being emailed: at most one email per message.
  message_id uuid not null unique references public.messages (id) on delete cascade,
  to_email text not null,
  subject text not null,
  body_text text not null,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
  attempts integer not null default 0,
  last_error text,
  claimed_at timestamptz,
  sent_at timestamptz,
  created_at timestamptz not null default now()
);
create index outbound_emails_org_id_idx on private.outbound_emails (org_id);
create index outbound_emails_conversation_id_idx on private.outbound_emails (conversation_id);
create index outbound_emails_pending_idx on private.outbound_emails (id) where status in ('pending', 'sending');
revoke all on private.outbound_emails from public, anon, authenticated;
grant select, update on private.outbound_emails to service_role;

/** Queues an email for an agent's reply in an offline conversation. */
create or replace function private.trigger_enqueue_offline_reply()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  conversation public.conversations;
  org_name text;
begin
  select * into conversation from public.conversations c where c.id = new.conversation_id;
  if not conversation.offline or conversation.visitor_email is null then
    return null;
  end if;
  select o.name into org_name from public.organizations o where o.id = new.org_id;
  insert into private.outbound_emails (org_id, conversation_id, message_id, to_email, subject, body_text)
  values (new.org_id, new.conversation_id, new.id, conversation.visitor_email,
    left(format('New reply from %s', org_name), 200),
    format(E'%s from %s replied to your chat:\n\n%s\n\nReply in the chat on our website to continue the conversation.',
      coalesce(new.sender_name, 'An agent'), org_name, new.content));
  return null;
end;
$$;

create trigger messages_enqueue_offline_reply after insert on public.messages
  for each row when (new.sender_type = 'agent' and not new.is_private)
  execute function private.trigger_enqueue_offline_reply();

/**
 * Claims up to `batch_size` emails to send: pending ones, and ones whose sender died mid-send (claimed
 * over 10 minutes ago). Concurrent senders never claim the same email.
 */
create or replace function public.service_role_claim_outbound_emails(batch_size integer default 20)
returns table (id bigint, to_email text, subject text, body_text text)
language sql
volatile
security invoker
set search_path = ''
as $$
  update private.outbound_emails e
     set status = 'sending', attempts = e.attempts + 1, claimed_at = now()
   where e.id in (
     select q.id from private.outbound_emails q
      where q.status = 'pending' or (q.status = 'sending' and q.claimed_at < now() - interval '10 minutes')
      order by q.id
      limit least(greatest(batch_size, 1), 100)
        for update skip locked)
  returning e.id, e.to_email, e.subject, e.body_text
$$;
revoke execute on function public.service_role_claim_outbound_emails(integer) from public, anon, authenticated;
grant execute on function public.service_role_claim_outbound_emails(integer) to service_role;

/** Records the outcome of one send: sent, or back to pending (failed for good after 5 attempts). */
create or replace function public.service_role_finish_outbound_email(email_id bigint, error text default null)
returns void
language sql
volatile
security invoker
set search_path = ''
as $$
  update private.outbound_emails e
     set status = case when error is null then 'sent' when e.attempts >= 5 then 'failed' else 'pending' end,
         sent_at = case when error is null then now() end,
         last_error = left(error, 1000)
   where e.id = email_id
$$;
revoke execute on function public.service_role_finish_outbound_email(bigint, text) from public, anon, authenticated;
grant execute on function public.service_role_finish_outbound_email(bigint, text) to service_role;
