/**
 * Saved replies (canned responses): shared by an organization or personal to an agent, rendered for
 * a ticket by replacing {{customer.name}}, {{ticket.number}}, {{ticket.subject}}, {{agent.name}} and
 * {{org.name}}. Rendering is plain string work (no dynamic SQL); unknown variables stay visible.
 */

insert into public.permissions (key, description) values
  ('replies.manage', 'Create and edit the organization''s shared saved replies');
insert into public.role_permissions (role_id, permission)
select r.id, 'replies.manage' from public.roles r where r.org_id is null and r.key in ('owner', 'admin', 'manager');

create table public.saved_replies (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  -- The agent a personal reply belongs to; null for a reply shared with the organization's agents.
  owner_id uuid references auth.users (id) on delete cascade,
  title text not null check (char_length(btrim(title)) between 1 and 100),
  -- Plain text with {{variables}}.
  body text not null check (char_length(btrim(body)) between 1 and 10000),
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.saved_replies is 'Canned responses: shared (owner_id null) or personal.';
create index saved_replies_org_id_idx on public.saved_replies (org_id);
create index saved_replies_owner_id_idx on public.saved_replies (owner_id);
create index saved_replies_created_by_idx on public.saved_replies (created_by);

revoke all on public.saved_replies from anon, authenticated;
grant select, insert (org_id, owner_id, title, body), update (title, body), delete on public.saved_replies to authenticated;
alter table public.saved_replies enable row level security;

create trigger saved_replies_set_updated_at before update on public.saved_replies
  for each row execute function private.trigger_set_updated_at();

create policy "Agents read shared replies and their own" on public.saved_replies for select to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.manage')))
    and (owner_id is null or owner_id = (select private.current_user_id())));
create policy "Agents write their own replies; reply managers write shared ones" on public.saved_replies
  for insert to authenticated
  with check (org_id = any (array(select private.org_ids_with_permission('tickets.manage')))
    and (owner_id = (select private.current_user_id())
         or (owner_id is null and org_id = any (array(select private.org_ids_with_permission('replies.manage'))))));
create policy "Agents edit their own replies; reply managers edit shared ones" on public.saved_replies
  for update to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.manage')))
    and (owner_id = (select private.current_user_id())
         or (owner_id is null and org_id = any (array(select private.org_ids_with_permission('replies.manage'))))))
  with check (org_id = any (array(select private.org_ids_with_permission('tickets.manage')))
    and (owner_id = (select private.current_user_id())
         or (owner_id is null and org_id = any (array(select private.org_ids_with_permission('replies.manage'))))));
create policy "Agents delete their own replies; reply managers delete shared ones" on public.saved_replies
  for delete to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('tickets.manage')))
    and (owner_id = (select private.current_user_id())
         or (owner_id is null and org_id = any (array(select private.org_ids_with_permission('replies.manage'))))));

-- Section - Rendering

/**
 * Replaces each {{name}} found in `template` by variables ->> name in a single left-to-right pass, so
 * a value that itself contains {{…}} is never expanded again. Unknown names stay as written.
 */
create or replace function private.render_template(template text, variables jsonb)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  rest text := template;
  result text := '';
  token text[];
  token_at integer;
begin
  loop
    -- token[1]: the whole {{ name }} as written; token[2]: the name
    token := regexp_match(rest, '(\{\{\s*([a-z]+(?:\.[a-z_]+)?)\s*\}\})');
    exit when token is null;
    token_at := strpos(rest, token[1]);
    result := result || left(rest, token_at - 1)
      || case when variables ? token[2] then coalesce(variables ->> token[2], '') else token[1] end;
    rest := substr(rest, token_at + char_length(token[1]));
  end loop;
  return result || rest;
end;
$$;
grant execute on function private.render_template(text, jsonb) to authenticated, service_role;

/** The variables of a ticket as the caller may see them (RLS applies to every read). */
create or replace function private.ticket_template_variables(ticket_id uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'customer.name', coalesce(nullif(requester.display_name, ''), requester.email, ''),
    'ticket.number', t.number,
    'ticket.subject', t.subject,
    'agent.name', coalesce(nullif(me.display_name, ''), me.email, ''),
    'org.name', o.name)
    from public.tickets t
    join public.organizations o on o.id = t.org_id
    left join public.profiles requester on requester.id = t.requester_id
    left join public.profiles me on me.id = (select auth.uid())
   where t.id = ticket_template_variables.ticket_id
$$;
grant execute on function private.ticket_template_variables(uuid) to authenticated, service_role;

/** A saved reply rendered for a ticket; null when the caller can read neither. */
create or replace function public.render_saved_reply(saved_reply_id uuid, ticket_id uuid)
returns text
language sql
stable
security invoker
set search_path = ''
as $$
  select private.render_template(r.body, private.ticket_template_variables(render_saved_reply.ticket_id))
    from public.saved_replies r
   where r.id = render_saved_reply.saved_reply_id
     and exists (select 1 from public.tickets t where t.id = render_saved_reply.ticket_id)
$$;

/** Any text (a draft, an edited saved reply) rendered for a ticket the caller can read. */
create or replace function public.render_reply_template(template text, ticket_id uuid)
returns text
language sql
stable
security invoker
set search_path = ''
as $$
  select private.render_template(render_reply_template.template, private.ticket_template_variables(t.id))
    from public.tickets t
   where t.id = render_reply_template.ticket_id
$$;

revoke execute on function public.render_saved_reply(uuid, uuid), public.render_reply_template(text, uuid) from public, anon;
grant execute on function public.render_saved_reply(uuid, uuid), public.render_reply_template(text, uuid) to authenticated;
