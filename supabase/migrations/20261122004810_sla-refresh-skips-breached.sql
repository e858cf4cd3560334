/**
 * The SLA refresh job (every 30 seconds) skips tickets already breached.
 *
 * A breached clock stays breached until the ticket changes (time only moves forward), and any change
 * of a ticket's clocks recomputes its state in the tickets_sla trigger. Re-evaluating breached
 * tickets every run was most of the job's work on a large backlog (old unresolved tickets are
 * breached), so the running-clocks index now leaves them out too.
 */

create index tickets_sla_unbreached_idx on public.tickets (org_id)
  where sla_paused_at is null and sla_state <> 'breached'
    and (first_response_due_at is not null or next_response_due_at is not null or resolution_due_at is not null);
drop index public.tickets_sla_running_idx;

create or replace function private.refresh_sla_states()
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  changed integer;
begin
  with due as (
    select t.id, private.sla_state_of(t, now()) as state
      from public.tickets t
     where t.sla_paused_at is null
       and t.sla_state <> 'breached'
       and (t.first_response_due_at is not null or t.next_response_due_at is not null or t.resolution_due_at is not null))
  update public.tickets t set sla_state = due.state
    from due
   where t.id = due.id and t.sla_state is distinct from due.state;
  get diagnostics changed = row_count;
  return changed;
end;
$$;
