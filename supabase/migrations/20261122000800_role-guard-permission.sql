/**
 * Custom-role writes by someone without roles.manage are refused as a permission error (42501), the
 * same answer RLS gives, before any rank rule is looked at.
 */
create or replace function private.trigger_guard_role()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  role_org uuid := case tg_op when 'DELETE' then old.org_id else new.org_id end;
begin
  if (select auth.uid()) is null then
    return case tg_op when 'DELETE' then old else new end;
  end if;
  if role_org is null then
    perform private.refuse('Built-in roles cannot be changed.');
  end if;
  if not private.has_permission(role_org, 'roles.manage') then
    raise exception 'You cannot manage roles in this organization.' using errcode = '42501';
  end if;
  if tg_op <> 'DELETE' and new.rank > private.rank_in_org(new.org_id) then
    perform private.refuse('A custom role cannot rank above your own role.');
  end if;
  if tg_op = 'UPDATE' and new.org_id <> old.org_id then
    perform private.refuse('A role cannot move to another organization.');
  end if;
  if tg_op = 'DELETE' and exists (select 1 from public.memberships m where m.role_id = old.id) then
    perform private.refuse('This role is still assigned to members.', 'Give them another role first.');
  end if;
  return case tg_op when 'DELETE' then old else new end;
end;
$$;
