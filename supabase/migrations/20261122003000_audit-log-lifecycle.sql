/**
 * The audit log must not stand in the way of deleting people or organizations:
 * - a deleted user's entries keep the actor id they recorded (no foreign key to rewrite them), so the
 *   history stays exactly as written;
 * - deleting an organization takes its log along (the only delete the log allows).
 */
alter table public.audit_logs drop constraint audit_logs_actor_id_fkey;
comment on column public.audit_logs.actor_id is 'Who acted, as recorded at the time (the account may since have been deleted).';

create or replace function private.trigger_forbid_audit_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and not exists (select 1 from public.organizations o where o.id = old.org_id) then
    return old;
  end if;
  raise exception 'Audit log entries cannot be changed or deleted.' using errcode = '42501';
end;
$$;
