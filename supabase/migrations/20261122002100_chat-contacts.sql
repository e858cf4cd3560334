/**
 * Contacts: the people who chat through a widget. Each browser signs in anonymously; its anonymous
 * user is linked to exactly one contact per organization (contact_users). A host site may vouch for a
 * visitor with a verified external id (HMAC checked by the widget-session function): that id links every
 * browser of the same person to one contact, and a different verified id never reaches it. Contacts are
 * never looked up by email or by an unverified id.
 */

-- Section - Tables

create table public.contacts (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  -- The host site's user id, only ever set from a verified identity (HMAC-checked).
  external_id text check (char_length(external_id) between 1 and 200),
  name text check (char_length(name) <= 200),
  -- As given by the visitor or the host site: unverified, so never used to find a contact.
  email text check (char_length(email) <= 320 and email ~ '^[^@\s]+@[^@\s]+$'),
  -- Free-form attributes from the host page or pre-chat form: a flat object of at most 8 KB.
  custom_attributes jsonb not null default '{}'
    constraint contacts_custom_attributes_size check (jsonb_typeof(custom_attributes) = 'object' and octet_length(custom_attributes::text) <= 8192),
  -- Last page the widget was opened on, e.g. "https://shop.example.com/cart", and its title.
  last_seen_url text check (char_length(last_seen_url) <= 2000),
  last_seen_title text check (char_length(last_seen_title) <= 300),
  -- Browser and OS from the user agent, e.g. "Firefox 133 on Windows".
  browser text check (char_length(browser) <= 200),
  -- Coarse location from the edge's geo headers when present, e.g. "Lyon, FR".
  location text check (char_length(location) <= 200),
  last_seen_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.contacts is 'Visitors who chat through a widget; one per verified person or anonymous browser.';
create index contacts_org_id_created_at_idx on public.contacts (org_id, created_at desc);
create unique index contacts_org_id_external_id_idx on public.contacts (org_id, external_id) where external_id is not null;

/** Which anonymous browser (auth user) currently speaks as which contact, one contact per organization. */
create table private.contact_users (
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  contact_id uuid not null references public.contacts (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (org_id, user_id)
);
create index contact_users_user_id_idx on private.contact_users (user_id);
create index contact_users_contact_id_idx on private.contact_users (contact_id);

-- Section - Grants

revoke all on public.contacts from anon, authenticated;
grant select on public.contacts to authenticated;
grant update (name, email, custom_attributes) on public.contacts to authenticated;
grant select, insert, update, delete on public.contacts to service_role;
-- contact_users is private (not exposed): only the service role's identification function writes it
revoke all on private.contact_users from public, anon, authenticated;
grant select, insert, update, delete on private.contact_users to service_role;

alter table public.contacts enable row level security;

create trigger contacts_set_updated_at before update on public.contacts
  for each row execute function private.trigger_set_updated_at();

-- Section - RLS helpers

/** The contacts the caller's browser speaks as (visitors; empty for everyone else). */
create or replace function private.contact_ids_for_user()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select cu.contact_id from private.contact_users cu where cu.user_id = (select private.current_user_id())
$$;
grant execute on function private.contact_ids_for_user() to authenticated, service_role;

-- Section - Policies

create policy "Visitors read their own contact; chat staff their organization's" on public.contacts
  for select to authenticated
  using (id = any (array(select private.contact_ids_for_user()))
    or org_id = any (array(select private.staff_org_ids('conversations.view'))));
create policy "Chat agents edit their organization's contacts" on public.contacts for update to authenticated
  using (org_id = any (array(select private.staff_org_ids('conversations.reply'))))
  with check (org_id = any (array(select private.staff_org_ids('conversations.reply'))));

-- Section - Identification (service role only: the caller has already verified any external id)

/**
 * Links an anonymous browser to its contact and records what the widget saw. With a verified external
 * id: that person's contact (created, or upgraded from the browser's own anonymous contact, whose history
 * then joins it). Without one: the browser's own anonymous contact, and never a verified person's (so a
 * shared computer does not show the last signed-in person's chats). Returns the contact id.
 */
create or replace function public.service_role_identify_contact(
  widget_id uuid, user_id uuid, external_id text default null, name text default null, email text default null,
  attributes jsonb default '{}', page_url text default null, page_title text default null,
  browser text default null, location text default null)
returns uuid
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  org uuid := (select w.org_id from public.widgets w where w.id = service_role_identify_contact.widget_id);
  current_contact public.contacts;
  target uuid;
begin
  if org is null then
    perform private.refuse('That widget does not exist.');
  end if;
  select c.* into current_contact
    from private.contact_users cu join public.contacts c on c.id = cu.contact_id
   where cu.org_id = org and cu.user_id = service_role_identify_contact.user_id;

  if service_role_identify_contact.external_id is not null then
    select c.id into target from public.contacts c
     where c.org_id = org and c.external_id = service_role_identify_contact.external_id;
    if target is null and current_contact.id is not null and current_contact.external_id is null then
      update public.contacts c set external_id = service_role_identify_contact.external_id where c.id = current_contact.id;
      target := current_contact.id;
    elsif target is null then
      insert into public.contacts (org_id, external_id) values (org, service_role_identify_contact.external_id)
      returning id into target;
    elsif current_contact.id is not null and current_contact.id <> target and current_contact.external_id is null then
      -- the browser's anonymous history belongs to the person who just proved who they are
      update public.conversations c set contact_id = target where c.contact_id = current_contact.id;
      update public.messages m set contact_id = target where m.contact_id = current_contact.id;
    end if;
  elsif current_contact.id is null or current_contact.external_id is not null then
    insert into public.contacts (org_id) values (org) returning id into target;
  else
    target := current_contact.id;
  end if;

  insert into private.contact_users as cu (org_id, user_id, contact_id)
  values (org, service_role_identify_contact.user_id, target)
  on conflict on constraint contact_users_pkey do update set contact_id = excluded.contact_id;
  -- an anonymous contact whose history just moved has nothing left to it
  delete from public.contacts c
   where c.id = current_contact.id and c.id <> target and c.external_id is null
     and not exists (select 1 from public.conversations v where v.contact_id = c.id)
     and not exists (select 1 from private.contact_users u where u.contact_id = c.id);

  update public.contacts c set
    name = coalesce(nullif(btrim(service_role_identify_contact.name), ''), c.name),
    email = coalesce(lower(nullif(btrim(service_role_identify_contact.email), '')), c.email),
    custom_attributes = c.custom_attributes || coalesce(service_role_identify_contact.attributes, '{}'),
    last_seen_url = coalesce(service_role_identify_contact.page_url, c.last_seen_url),
    last_seen_title = coalesce(service_role_identify_contact.page_title, c.last_seen_title),
    browser = coalesce(service_role_identify_contact.browser, c.browser),
    location = coalesce(service_role_identify_contact.location, c.location),
    last_seen_at = now()
   where c.id = target;
  return target;
exception
  when check_violation then
    perform private.refuse('The contact details are too long or malformed.',
      'Attributes are a flat object of at most 8 KB; emails look like name@example.com.');
end;
$$;
revoke execute on function public.service_role_identify_contact(uuid, uuid, text, text, text, jsonb, text, text, text, text)
  from public, anon, authenticated;
grant execute on function public.service_role_identify_contact(uuid, uuid, text, text, text, jsonb, text, text, text, text)
  to service_role;
