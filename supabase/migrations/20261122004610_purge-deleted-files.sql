/**
 * Files outlive nothing: when a ticket or a conversation is deleted (directly, or with its organization),
 * the objects stored for it are queued here, and the purge-deleted-files edge function removes them
 * through the Storage API (Supabase forbids deleting storage.objects rows with SQL: the files would stay
 * in the object store). The job runs every five minutes; the queue is for the service role only.
 */

create table private.storage_deletions (
  id bigint generated always as identity primary key,
  bucket_id text not null,
  object_name text not null,
  status text not null default 'pending' check (status in ('pending', 'deleting', 'failed')),
  attempts integer not null default 0,
  last_error text,
  claimed_at timestamptz,
  queued_at timestamptz not null default now(),
  unique (bucket_id, object_name)
);
create index storage_deletions_pending_idx on private.storage_deletions (id) where status in ('pending', 'deleting');
revoke all on private.storage_deletions from public, anon, authenticated;
grant select, update, delete on private.storage_deletions to service_role;

/** Queues every object of a bucket under <org_id>/<owner_id>/ (a deleted ticket's or conversation's folder). */
create or replace function private.queue_folder_deletion(bucket text, folder_org uuid, folder_owner uuid)
returns void
language sql
volatile
security definer
set search_path = ''
as $$
  insert into private.storage_deletions (bucket_id, object_name)
  select o.bucket_id, o.name from storage.objects o
   where o.bucket_id = bucket and o.name like format('%s/%s/%%', folder_org, folder_owner)
  on conflict (bucket_id, object_name) do nothing
$$;
revoke execute on function private.queue_folder_deletion(text, uuid, uuid) from public, anon, authenticated;

/** After a ticket or conversation is deleted: queues its folder in the bucket named by the trigger's argument. */
create or replace function private.trigger_queue_folder_deletion()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.queue_folder_deletion(tg_argv[0], old.org_id, old.id);
  return null;
end;
$$;

create trigger tickets_queue_file_deletion after delete on public.tickets
  for each row execute function private.trigger_queue_folder_deletion('ticket-attachments');
create trigger conversations_queue_file_deletion after delete on public.conversations
  for each row execute function private.trigger_queue_folder_deletion('chat-attachments');

/** Claims up to `batch_size` objects to remove; ones claimed over 10 minutes ago count as abandoned. */
create or replace function public.service_role_claim_storage_deletions(batch_size integer default 100)
returns table (id bigint, bucket_id text, object_name text)
language sql
volatile
security invoker
set search_path = ''
as $$
  update private.storage_deletions d
     set status = 'deleting', attempts = d.attempts + 1, claimed_at = now()
   where d.id in (
     select q.id from private.storage_deletions q
      where q.status = 'pending' or (q.status = 'deleting' and q.claimed_at < now() - interval '10 minutes')
      order by q.id
      limit least(greatest(batch_size, 1), 1000)
        for update skip locked)
  returning d.id, d.bucket_id, d.object_name
$$;
revoke execute on function public.service_role_claim_storage_deletions(integer) from public, anon, authenticated;
grant execute on function public.service_role_claim_storage_deletions(integer) to service_role;

/** Records one removal: done (the row goes), or back to pending (failed for good after 5 attempts). */
create or replace function public.service_role_finish_storage_deletion(deletion_id bigint, error text default null)
returns void
language plpgsql
volatile
security invoker
set search_path = ''
as $$
begin
  if error is null then
    delete from private.storage_deletions where id = deletion_id;
  else
    update private.storage_deletions d
       set status = case when d.attempts >= 5 then 'failed' else 'pending' end, last_error = left(error, 1000)
     where d.id = deletion_id;
  end if;
end;
$$;
revoke execute on function public.service_role_finish_storage_deletion(bigint, text) from public, anon, authenticated;
grant execute on function public.service_role_finish_storage_deletion(bigint, text) to service_role;

select cron.schedule('purge-deleted-files', '*/5 * * * *', $$select private.invoke_edge_function('purge-deleted-files')$$);
