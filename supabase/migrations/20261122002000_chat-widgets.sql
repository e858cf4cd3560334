/**
 * The chat widget's configuration (one or more per organization) and its identity secret.
 * Anyone, even signed out, reads a widget's public configuration by its widget_key through
 * get_widget_config(). The HMAC secret that verifies host-site identities lives in a private table no
 * API role can read: widget managers rotate it and see the new value once; only the server (service
 * role, in the widget-session function) reads it to check hashes.
 */

-- Section - Tables

create table public.widgets (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  -- Public identifier pasted into the host page's snippet: random, 144 bits, unguessable.
  widget_key text not null unique default ('wk_' || encode(extensions.gen_random_bytes(18), 'hex')),
  name text not null default 'Website chat' check (char_length(btrim(name)) between 1 and 100),
  -- Launcher and header colour, "#rrggbb".
  color text not null default '#2f6fdf' check (color ~ '^#[0-9a-f]{6}$'),
  launcher_position text not null default 'right' check (launcher_position in ('left', 'right')),
  greeting text not null default 'Hi there! How can we help?' check (char_length(greeting) <= 300),
  -- Shown when nobody is online or the organization is closed.
  away_message text not null default 'We are away right now. Leave your email and we will reply there.'
    check (char_length(away_message) <= 500),
  -- Default widget language (BCP 47), e.g. "en" or "pt-BR"; the visitor's browser may override it.
  locale text not null default 'en' check (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  -- Host patterns of the sites that may embed the widget: "example.com", "*.example.com", "localhost:3000".
  -- Empty: no site may embed it yet.
  allowed_domains text[] not null default '{}' check (cardinality(allowed_domains) <= 50),
  -- When on, visitors must present a host-signed identity (HMAC of their user id) to chat.
  require_verified_identity boolean not null default false,
  -- When the identity secret was last rotated; null until one exists.
  identity_secret_rotated_at timestamptz,
  -- Pre-chat form: [{"key": "email", "label": "Your email", "type": "email", "required": true}, ...].
  prechat_fields jsonb not null default '[]',
  -- When on and nobody can answer (no agent online, or outside business hours), conversations require the
  -- visitor's email and agent replies are emailed to them.
  offline_mode boolean not null default true,
  -- Whether visitors may rate a resolved conversation (1-5 and a comment).
  csat_enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.widgets is 'Chat widgets embedded on customer websites; the public part is read by widget_key.';
create index widgets_org_id_idx on public.widgets (org_id);

/** The identity secret of a widget: readable by no API role but the service role. */
create table private.widget_secrets (
  widget_id uuid primary key references public.widgets (id) on delete cascade,
  -- 256 random bits, hex. Host sites compute hex(HMAC-SHA256(key = this string, message = user id)).
  secret text not null,
  rotated_at timestamptz not null default now()
);

-- Section - Grants

revoke all on public.widgets from anon, authenticated;
grant select on public.widgets to authenticated;
grant insert (org_id, name, color, launcher_position, greeting, away_message, locale, allowed_domains,
  require_verified_identity, prechat_fields, offline_mode, csat_enabled) on public.widgets to authenticated;
grant update (name, color, launcher_position, greeting, away_message, locale, allowed_domains,
  require_verified_identity, prechat_fields, offline_mode, csat_enabled) on public.widgets to authenticated;
grant delete on public.widgets to authenticated;
grant select, insert, update, delete on public.widgets to service_role;

revoke all on private.widget_secrets from public, anon, authenticated;
grant select on private.widget_secrets to service_role;

alter table public.widgets enable row level security;

-- Section - Helpers

/** Organizations where the caller holds a permission as staff: anonymous visitors never pass. */
create or replace function private.staff_org_ids(permission text)
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select o from private.org_ids_with_permission(staff_org_ids.permission) o where not (select private.is_anonymous())
$$;
grant execute on function private.staff_org_ids(text) to authenticated, service_role;

/**
 * Whether an organization is open at a moment: its weekly hours in its own time zone (ranges
 * open <= t < close, minute precision), except on its holidays (local dates).
 */
create or replace function private.is_open_at(org_id uuid, at timestamptz)
returns boolean
language sql
stable
set search_path = ''
as $$
  select coalesce((
    select not exists (select 1 from public.organization_holidays h where h.org_id = o.id and h.day = local.ts::date)
       and exists (
         select 1
           from jsonb_array_elements(o.business_hours -> (array['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])[extract(isodow from local.ts)::int]) slot
          where to_char(local.ts, 'HH24:MI') >= slot ->> 'open' and to_char(local.ts, 'HH24:MI') < slot ->> 'close')
      from public.organizations o
     cross join lateral (select is_open_at.at at time zone o.time_zone as ts) local
     where o.id = is_open_at.org_id), false)
$$;
grant execute on function private.is_open_at(uuid, timestamptz) to service_role;

/** Whether someone who can reply to chats has set themselves online in the organization. */
create or replace function private.org_has_online_agent(org_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
      join public.role_permissions rp on rp.role_id = m.role_id and rp.permission = 'conversations.reply'
     where m.org_id = org_has_online_agent.org_id and m.availability = 'online')
$$;

/** Whether a user (not necessarily the caller) may reply to chats in an organization: assignees must. */
create or replace function private.user_can_reply(org_id uuid, user_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
      join public.role_permissions rp on rp.role_id = m.role_id and rp.permission = 'conversations.reply'
     where m.org_id = user_can_reply.org_id and m.user_id = user_can_reply.user_id)
$$;

-- Section - Validation

/** Normalizes and validates host patterns and the pre-chat form, with messages a settings page can show. */
create or replace function private.trigger_validate_widget()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  pattern text;
  field jsonb;
  keys text[] := '{}';
begin
  new.allowed_domains := array(select distinct lower(btrim(d)) from unnest(new.allowed_domains) d where btrim(d) <> '');
  foreach pattern in array new.allowed_domains loop
    if char_length(pattern) > 253
       or pattern !~ '^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(:[0-9]{1,5})?$'
       or (pattern like '*.%' and split_part(pattern, ':', 1) !~ '^\*\.[^.]+\.[^.]+') then
      perform private.refuse(format('"%s" is not a host pattern.', left(pattern, 60)),
        'Use a host such as example.com, *.example.com or localhost:3000, without https:// or a path.');
    end if;
  end loop;
  if jsonb_typeof(new.prechat_fields) <> 'array' or jsonb_array_length(new.prechat_fields) > 10 then
    perform private.refuse('The pre-chat form must be a list of at most 10 fields.');
  end if;
  for field in select jsonb_array_elements(new.prechat_fields) loop
    if jsonb_typeof(field) <> 'object'
       or not (field ?& array['key', 'label', 'type'])
       or exists (select 1 from jsonb_object_keys(field) k where k not in ('key', 'label', 'type', 'required', 'options'))
       or coalesce(field ->> 'key', '') !~ '^[a-z][a-z0-9_]{0,39}$'
       or char_length(btrim(coalesce(field ->> 'label', ''))) not between 1 and 100
       or field ->> 'type' not in ('text', 'email', 'phone', 'textarea', 'select')
       or jsonb_typeof(coalesce(field -> 'required', 'false')) <> 'boolean' then
      perform private.refuse('Each pre-chat field needs a key (lowercase letters, digits, _), a label of 1-100 characters and a type.',
        'Types: text, email, phone, textarea, select; "required" is true or false.');
    end if;
    if (field ->> 'type' = 'select') <> (field ? 'options')
       or (field ? 'options' and (jsonb_typeof(field -> 'options') <> 'array'
         or jsonb_array_length(field -> 'options') not between 1 and 20
         or exists (select 1 from jsonb_array_elements(field -> 'options') o
                     where jsonb_typeof(o) <> 'string' or char_length(o #>> '{}') not between 1 and 100))) then
      perform private.refuse(format('Pre-chat field "%s": only select fields have options, 1-20 texts of at most 100 characters.', field ->> 'key'));
    end if;
    if field ->> 'key' = any (keys) then
      perform private.refuse(format('Pre-chat field "%s" appears twice.', field ->> 'key'));
    end if;
    keys := keys || (field ->> 'key');
  end loop;
  if new.require_verified_identity and new.identity_secret_rotated_at is null then
    perform private.refuse('Create an identity secret before requiring verified identities.',
      'Rotate the widget''s identity secret, set it on your server, then turn this on.');
  end if;
  return new;
end;
$$;

create trigger widgets_validate before insert or update on public.widgets
  for each row execute function private.trigger_validate_widget();
create trigger widgets_set_updated_at before update on public.widgets
  for each row execute function private.trigger_set_updated_at();
create trigger widgets_audit after insert or update or delete on public.widgets
  for each row execute function private.trigger_write_audit_log();

-- Section - Policies

create policy "Chat staff and widget managers read their organization's widgets" on public.widgets
  for select to authenticated
  using (org_id = any (array(select private.staff_org_ids('conversations.view')))
    or org_id = any (array(select private.staff_org_ids('widget.manage'))));
create policy "Widget managers create widgets" on public.widgets for insert to authenticated
  with check (org_id = any (array(select private.staff_org_ids('widget.manage'))));
create policy "Widget managers edit widgets" on public.widgets for update to authenticated
  using (org_id = any (array(select private.staff_org_ids('widget.manage'))))
  with check (org_id = any (array(select private.staff_org_ids('widget.manage'))));
create policy "Widget managers delete widgets" on public.widgets for delete to authenticated
  using (org_id = any (array(select private.staff_org_ids('widget.manage'))));

-- Section - Functions

/** The public face of a widget, plus whether someone is online and whether the organization is open now. */
create or replace function private.widget_public_config(widget_key text)
returns table (widget_id uuid, widget_key text, name text, org_name text, color text, launcher_position text,
  greeting text, away_message text, locale text, allowed_domains text[], require_verified_identity boolean,
  prechat_fields jsonb, offline_mode boolean, csat_enabled boolean, agents_online boolean, open_now boolean)
language sql
stable
security definer
set search_path = ''
as $$
  select w.id, w.widget_key, w.name, o.name, w.color, w.launcher_position, w.greeting, w.away_message, w.locale,
         w.allowed_domains, w.require_verified_identity, w.prechat_fields, w.offline_mode, w.csat_enabled,
         private.org_has_online_agent(w.org_id), private.is_open_at(w.org_id, now())
    from public.widgets w
    join public.organizations o on o.id = w.org_id
   where w.widget_key = widget_public_config.widget_key
$$;
grant execute on function private.widget_public_config(text) to anon, authenticated;

create or replace function public.get_widget_config(widget_key text)
returns table (widget_id uuid, widget_key text, name text, org_name text, color text, launcher_position text,
  greeting text, away_message text, locale text, allowed_domains text[], require_verified_identity boolean,
  prechat_fields jsonb, offline_mode boolean, csat_enabled boolean, agents_online boolean, open_now boolean)
language sql
stable
security invoker
set search_path = ''
as $$ select * from private.widget_public_config(widget_key) $$;
revoke execute on function public.get_widget_config(text) from public;
grant execute on function public.get_widget_config(text) to anon, authenticated;

/** Replaces a widget's identity secret and returns it: the only time anyone sees it. */
create or replace function private.rotate_widget_secret(widget_id uuid)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  widget_org uuid;
  fresh text := encode(extensions.gen_random_bytes(32), 'hex');
begin
  select w.org_id into widget_org from public.widgets w where w.id = rotate_widget_secret.widget_id;
  if widget_org is null or not exists (
       select 1 from private.staff_org_ids('widget.manage') o where o = widget_org) then
    raise exception 'You cannot manage this widget.' using errcode = '42501';
  end if;
  insert into private.widget_secrets (widget_id, secret) values (rotate_widget_secret.widget_id, fresh)
  on conflict on constraint widget_secrets_pkey do update set secret = excluded.secret, rotated_at = now();
  update public.widgets w set identity_secret_rotated_at = now() where w.id = rotate_widget_secret.widget_id;
  return fresh;
end;
$$;
grant execute on function private.rotate_widget_secret(uuid) to authenticated;

create or replace function public.rotate_widget_secret(widget_id uuid)
returns text
language sql
volatile
security invoker
set search_path = ''
as $$ select private.rotate_widget_secret(widget_id) $$;
revoke execute on function public.rotate_widget_secret(uuid) from public, anon;
grant execute on function public.rotate_widget_secret(uuid) to authenticated;

/** What the widget-session function needs to admit a visitor, secret included: service role only. */
create or replace function public.service_role_widget_for_session(widget_key text)
returns table (widget_id uuid, org_id uuid, allowed_domains text[], require_verified_identity boolean,
  prechat_fields jsonb, identity_secret text)
language sql
stable
security invoker
set search_path = ''
as $$
  select w.id, w.org_id, w.allowed_domains, w.require_verified_identity, w.prechat_fields, s.secret
    from public.widgets w
    left join private.widget_secrets s on s.widget_id = w.id
   where w.widget_key = service_role_widget_for_session.widget_key
$$;
revoke execute on function public.service_role_widget_for_session(text) from public, anon, authenticated;
grant execute on function public.service_role_widget_for_session(text) to service_role;
