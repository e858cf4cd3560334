/**
 * The private schema: RLS helpers, trigger functions and internals the API never exposes.
 * Default EXECUTE is revoked so that every grant below is a deliberate choice.
 */
create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

alter default privileges in schema private revoke execute on functions from public;
alter default privileges in schema public revoke execute on functions from public;

/** Keeps updated_at current on every update. */
create or replace function private.trigger_set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

/** The caller's user id, only while the session of their token still exists (revoked sessions lose access at once). */
create or replace function private.current_user_id()
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select s.user_id
    from auth.sessions s
   where s.id = nullif((select auth.jwt()) ->> 'session_id', '')::uuid
     and s.user_id = (select auth.uid())
$$;
grant execute on function private.current_user_id() to authenticated, service_role;

/** True for anonymous users (chat widget visitors), who must never pass member-only checks. */
create or replace function private.is_anonymous()
returns boolean
language sql
stable
set search_path = ''
as $$
  select coalesce(((select auth.jwt()) ->> 'is_anonymous')::boolean, false)
$$;
grant execute on function private.is_anonymous() to authenticated, service_role;
