/**
 * The audit log: an append-only record of membership, role, invitation, organization and team
 * changes, written by triggers. Nobody, not even an owner or the service role, can change or delete
 * an entry.
 */

create table public.audit_logs (
  id bigint generated always as identity primary key,
  org_id uuid not null references public.organizations (id) on delete cascade,
  -- Who acted (null for the system, e.g. migrations or the service role).
  actor_id uuid references auth.users (id) on delete set null,
  -- "<table>.<insert|update|delete>", e.g. "memberships.update".
  action text not null,
  target_type text not null,
  target_id text,
  before jsonb,
  after jsonb,
  -- From the request headers PostgREST passes on (the gateway's X-Forwarded-For).
  ip text,
  user_agent text,
  created_at timestamptz not null default now()
);
create index audit_logs_org_id_created_at_idx on public.audit_logs (org_id, created_at desc);
create index audit_logs_actor_id_idx on public.audit_logs (actor_id);
create index audit_logs_org_id_action_idx on public.audit_logs (org_id, action);

revoke all on public.audit_logs from anon, authenticated;
grant select on public.audit_logs to authenticated;
alter table public.audit_logs enable row level security;

create policy "Auditors can read their organization's log" on public.audit_logs for select to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('audit.view'))));

/** Entries are immutable for everyone. */
create or replace function private.trigger_forbid_audit_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'Audit log entries cannot be changed or deleted.' using errcode = '42501';
end;
$$;

create trigger audit_logs_immutable before update or delete on public.audit_logs
  for each row execute function private.trigger_forbid_audit_change();
create trigger audit_logs_no_truncate before truncate on public.audit_logs
  for each statement execute function private.trigger_forbid_audit_change();

/** Request header from PostgREST's request.headers, if any. */
create or replace function private.request_header(name text)
returns text
language sql
stable
set search_path = ''
as $$
  select nullif(current_setting('request.headers', true), '')::jsonb ->> request_header.name
$$;

/** Writes one audit entry for the changed row; secrets (token hashes) never enter the log. */
create or replace function private.trigger_write_audit_log()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  before_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - 'token_hash' end;
  after_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - 'token_hash' end;
  row_data jsonb := coalesce(after_row, before_row);
  target_org uuid := coalesce((row_data ->> 'org_id')::uuid, case when tg_table_name = 'organizations' then (row_data ->> 'id')::uuid end);
begin
  if tg_table_name = 'role_permissions' then
    select r.org_id into target_org from public.roles r where r.id = (row_data ->> 'role_id')::uuid;
  end if;
  if tg_op = 'UPDATE' and before_row - 'updated_at' = after_row - 'updated_at' then
    return null;
  end if;
  -- an organization being deleted takes its log along; nothing to record
  if target_org is null or not exists (select 1 from public.organizations o where o.id = target_org) then
    return null;
  end if;
  insert into public.audit_logs (org_id, actor_id, action, target_type, target_id, before, after, ip, user_agent)
  values (
    target_org, (select auth.uid()), tg_table_name || '.' || lower(tg_op), tg_table_name,
    coalesce(row_data ->> 'id', row_data ->> 'role_id', row_data ->> 'team_id'),
    before_row, after_row,
    left(split_part(coalesce(private.request_header('x-forwarded-for'), ''), ',', 1), 64),
    left(private.request_header('user-agent'), 300));
  return null;
end;
$$;

create trigger organizations_audit after insert or update on public.organizations
  for each row execute function private.trigger_write_audit_log();
create trigger memberships_audit after insert or update or delete on public.memberships
  for each row execute function private.trigger_write_audit_log();
create trigger roles_audit after insert or update or delete on public.roles
  for each row execute function private.trigger_write_audit_log();
create trigger role_permissions_audit after insert or delete on public.role_permissions
  for each row execute function private.trigger_write_audit_log();
create trigger invitations_audit after insert or update on public.invitations
  for each row execute function private.trigger_write_audit_log();
create trigger teams_audit after insert or update or delete on public.teams
  for each row execute function private.trigger_write_audit_log();
create trigger organization_holidays_audit after insert or update or delete on public.organization_holidays
  for each row execute function private.trigger_write_audit_log();
