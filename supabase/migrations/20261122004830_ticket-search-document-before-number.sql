/**
 * A new ticket's search document is written before its number is taken, like its `ticket.created`
 * event (see 20261122004800_ticket-insert-fast-path): the day's counter row stays locked from the
 * numbering until commit, so parsing the text there would hold up every other new ticket of the
 * organization. The document's link to its ticket is checked at commit for that; edits still rewrite
 * the document after the update.
 */

alter table private.ticket_search_documents
  alter constraint ticket_search_documents_ticket_id_fkey deferrable initially deferred;

create or replace function private.trigger_ticket_search_document()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into private.ticket_search_documents (ticket_id, org_id, created_at, document)
    values (new.id, new.org_id, new.created_at, private.ticket_search_document(new.subject, new.description));
    return new;
  end if;
  update private.ticket_search_documents d
     set org_id = new.org_id, created_at = new.created_at,
         document = private.ticket_search_document(new.subject, new.description)
   where d.ticket_id = new.id;
  return null;
end;
$$;

-- after the guard has settled subject and creation time; before the number (before-triggers fire in name order)
drop trigger tickets_search_document_insert on public.tickets;
create trigger tickets_search_document_insert before insert on public.tickets
  for each row execute function private.trigger_ticket_search_document();
