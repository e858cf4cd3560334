/**
 * Members are recognisable by email in member lists: profiles carry the account's email, kept in
 * sync with auth.users and readable by the same coworkers who read the profile. And an invitation
 * link can be previewed before signing in (organization, role, invited address): the 256-bit token
 * in the link is the secret.
 */

alter table public.profiles add column email text check (char_length(email) <= 320);
comment on column public.profiles.email is 'Copy of auth.users.email, maintained by triggers; not editable through the API.';
update public.profiles p set email = u.email from auth.users u where u.id = p.id;

create or replace function private.trigger_create_profile()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.profiles (id, display_name, email)
  values (new.id, left(coalesce(new.raw_user_meta_data ->> 'display_name', new.raw_user_meta_data ->> 'name', ''), 80), new.email)
  on conflict (id) do nothing;
  return new;
end;
$$;

/** Keeps profiles.email equal to the account's (confirmed) email. */
create or replace function private.trigger_sync_profile_email()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.profiles set email = new.email where id = new.id;
  return new;
end;
$$;

create trigger on_auth_user_email_changed_sync_profile after update of email on auth.users
  for each row when (old.email is distinct from new.email)
  execute function private.trigger_sync_profile_email();

grant usage on schema private to anon;
grant execute on function private.describe_invitation(text) to anon;
grant execute on function public.describe_invitation(text) to anon;
