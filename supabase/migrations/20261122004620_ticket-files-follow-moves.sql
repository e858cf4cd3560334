/**
 * A file keeps its storage path when its comment moves to another ticket (split, merge), so who may read
 * it follows the file's ticket_attachments row, which moves with the comment; the path decides only for
 * objects that have no row (yet).
 */
create or replace function private.can_read_ticket_file(object_name text)
returns boolean
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  path record;
  file public.ticket_attachments;
  ticket public.tickets;
begin
  select * into path from private.ticket_file_path(object_name);
  select * into file from public.ticket_attachments a where a.storage_path = object_name;
  select * into ticket from public.tickets t
   where t.id = coalesce(file.ticket_id, path.ticket_id) and t.org_id = path.org_id;
  if ticket.id is null then
    return false;
  elsif private.has_permission(ticket.org_id, 'tickets.view') then
    return true;
  elsif not private.is_portal_requester(ticket.org_id, ticket.requester_id) then
    return false;
  end if;
  return coalesce(file.comment_id, path.comment_id) is null or exists (
    select 1 from public.ticket_comments c
     where c.id = coalesce(file.comment_id, path.comment_id) and c.ticket_id = ticket.id
       and not c.is_internal and c.published_at is not null);
end;
$$;
