/** whoami(): the caller's identity as the database sees it (proves JWT claims reach SQL). */
create or replace function public.whoami()
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object('uid', auth.uid(), 'role', auth.role(), 'email', auth.email());
$$;

revoke execute on function public.whoami() from public;
grant execute on function public.whoami() to anon, authenticated, service_role;
