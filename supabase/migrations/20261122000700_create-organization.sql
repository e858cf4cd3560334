/**
 * create_organization(name, slug): creates an organization as the caller (RLS applies) and returns it.
 * A plain `insert … returning` cannot work: the creator's owner membership is added by an AFTER trigger,
 * so the new row is not yet readable under the select policy when RETURNING is evaluated.
 */
create or replace function public.create_organization(name text, slug text)
returns public.organizations
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  created public.organizations;
begin
  insert into public.organizations (name, slug) values (btrim(create_organization.name), lower(btrim(create_organization.slug)));
  select * into created from public.organizations o where o.slug = lower(btrim(create_organization.slug));
  return created;
exception
  when unique_violation then
    raise exception 'The address "%" is already taken.', lower(btrim(create_organization.slug))
      using errcode = '23505', hint = 'Choose another address for your organization.';
  when check_violation then
    raise exception 'Use 1–100 characters for the name, and 1–40 lowercase letters, digits or hyphens for the address.'
      using errcode = '23514';
end;
$$;

revoke execute on function public.create_organization(text, text) from public, anon;
grant execute on function public.create_organization(text, text) to authenticated;
