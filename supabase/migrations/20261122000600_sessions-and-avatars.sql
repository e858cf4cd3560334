/**
 * Session management for the signed-in user, on top of Supabase's own auth.sessions, and the avatars
 * bucket. Revoking a session deletes it: its refresh token stops working and, because RLS helpers
 * check the session (private.current_user_id), its access token loses data access at once.
 */

/** The caller's sessions, newest activity first; `is_current` marks the one making the request. */
create or replace function private.list_my_sessions()
returns table (id uuid, created_at timestamptz, last_active_at timestamptz, user_agent text, ip text, aal text, is_current boolean)
language sql
stable
security definer
set search_path = ''
as $$
  select s.id, s.created_at, coalesce(s.refreshed_at at time zone 'UTC', s.updated_at, s.created_at),
         s.user_agent, host(s.ip), s.aal::text,
         s.id::text = (select auth.jwt()) ->> 'session_id'
    from auth.sessions s
   where s.user_id = (select private.current_user_id())
   order by 3 desc
$$;
grant execute on function private.list_my_sessions() to authenticated;

/** Ends one of the caller's sessions; returns whether one was ended. */
create or replace function private.revoke_my_session(session_id uuid)
returns boolean
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  removed integer;
begin
  delete from auth.sessions s
   where s.id = revoke_my_session.session_id and s.user_id = (select private.current_user_id());
  get diagnostics removed = row_count;
  return removed > 0;
end;
$$;
grant execute on function private.revoke_my_session(uuid) to authenticated;

create or replace function public.list_my_sessions()
returns table (id uuid, created_at timestamptz, last_active_at timestamptz, user_agent text, ip text, aal text, is_current boolean)
language sql
stable
security invoker
set search_path = ''
as $$ select * from private.list_my_sessions() $$;

create or replace function public.revoke_my_session(session_id uuid)
returns boolean
language sql
volatile
security invoker
set search_path = ''
as $$ select private.revoke_my_session(session_id) $$;

revoke execute on function public.list_my_sessions(), public.revoke_my_session(uuid) from public, anon;
grant execute on function public.list_my_sessions(), public.revoke_my_session(uuid) to authenticated;

-- Section - Avatars: public to read (shown beside names), writable only in one's own folder

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('avatars', 'avatars', true, 2 * 1024 * 1024, array['image/png', 'image/jpeg', 'image/webp', 'image/gif'])
on conflict (id) do nothing;

create policy "Users upload avatars into their own folder" on storage.objects for insert to authenticated
  with check (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text
    and not (select private.is_anonymous()));
create policy "Users replace their own avatars" on storage.objects for update to authenticated
  using (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text)
  with check (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text);
create policy "Users delete their own avatars" on storage.objects for delete to authenticated
  using (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text);
create policy "Users see their own avatar files" on storage.objects for select to authenticated
  using (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text);
