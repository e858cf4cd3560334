/**
 * merge_tickets(source, target): folds a duplicate into another ticket of the same organization.
 * The source is closed and points at the target (merged_into_id); both timelines record it.
 * Comments stay where they were written. Needs tickets.delete ("Delete, merge and split tickets").
 */
create or replace function private.merge_tickets(source_id uuid, target_id uuid)
returns public.tickets
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  source public.tickets;
  target public.tickets;
begin
  select * into source from public.tickets t where t.id = merge_tickets.source_id for update;
  select * into target from public.tickets t where t.id = merge_tickets.target_id for update;
  if source.id is null or target.id is null or not private.can_read_ticket(source.id) or not private.can_read_ticket(target.id) then
    perform private.refuse('Ticket not found.');
  elsif not private.has_permission(source.org_id, 'tickets.delete') then
    raise exception 'You cannot merge tickets in this organization.' using errcode = '42501';
  elsif source.org_id <> target.org_id then
    perform private.refuse('Only tickets of the same organization can be merged.');
  elsif source.id = target.id then
    perform private.refuse('A ticket cannot be merged into itself.');
  elsif source.merged_into_id is not null or source.status_category = 'closed' then
    perform private.refuse(format('Ticket %s is closed and cannot be merged.', source.number));
  elsif target.merged_into_id is not null or target.status_category = 'closed' then
    perform private.refuse(format('Ticket %s is closed: merge into an open ticket.', target.number));
  end if;
  -- as the function owner: the lifecycle's bookkeeping applies, its user rules do not (merging closes)
  update public.tickets t
     set merged_into_id = target.id, status_id = private.default_status_id(source.org_id, 'closed')
   where t.id = source.id
  returning * into source;
  return source;
end;
$$;
grant execute on function private.merge_tickets(uuid, uuid) to authenticated;

create or replace function public.merge_tickets(source_id uuid, target_id uuid)
returns public.tickets
language sql
volatile
security invoker
set search_path = ''
as $$ select * from private.merge_tickets(source_id, target_id) $$;

revoke execute on function public.merge_tickets(uuid, uuid) from public, anon;
grant execute on function public.merge_tickets(uuid, uuid) to authenticated;
