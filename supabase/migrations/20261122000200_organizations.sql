/**
 * Organizations, profiles, permissions, roles (built-in and custom), memberships and teams.
 * Roles are resolved in the database on every request, never from JWT claims, so a demoted or
 * removed member loses access at once.
 */

-- Section - Tables

/** A company that supports its customers with this product. */
create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  -- Display name, e.g. "Acme Support".
  name text not null check (char_length(btrim(name)) between 1 and 100),
  -- URL handle, unique across the product.
  slug text not null unique check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$'),
  -- Brand colour for the app and widget, "#rrggbb".
  brand_color text not null default '#2f6fdf' check (brand_color ~ '^#[0-9a-f]{6}$'),
  -- Path of the logo in the public "branding" bucket.
  logo_path text check (char_length(logo_path) <= 300),
  -- IANA time zone used for business hours and SLA, e.g. "Europe/Paris".
  time_zone text not null default 'UTC',
  -- Weekly opening hours: {"mon": [{"open": "09:00", "close": "17:00"}], ...}; days absent are closed.
  business_hours jsonb not null default '{"mon":[{"open":"09:00","close":"17:00"}],"tue":[{"open":"09:00","close":"17:00"}],"wed":[{"open":"09:00","close":"17:00"}],"thu":[{"open":"09:00","close":"17:00"}],"fri":[{"open":"09:00","close":"17:00"}]}',
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.organizations is 'Tenants. Every other row belongs to exactly one organization.';
create index organizations_created_by_idx on public.organizations (created_by);

/** Days an organization is closed although its weekly hours say open. */
create table public.organization_holidays (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  day date not null,
  name text not null check (char_length(btrim(name)) between 1 and 100),
  unique (org_id, day)
);

/** Public profile of a user, shared with the people they work with. */
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null default '' check (char_length(display_name) <= 80),
  -- Path of the avatar in the "avatars" bucket: "<user id>/<file>".
  avatar_path text check (char_length(avatar_path) <= 300),
  -- BCP 47 language tag, e.g. "en" or "pt-BR".
  locale text not null default 'en' check (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

/** The catalog of permissions policies check. */
create table public.permissions (
  key text primary key check (key ~ '^[a-z]+\.[a-z_]+$'),
  description text not null
);

/** Built-in roles (org_id null) and an organization's custom roles: named permission sets. */
create table public.roles (
  id uuid primary key default gen_random_uuid(),
  org_id uuid references public.organizations (id) on delete cascade,
  -- Stable identifier: owner, admin, manager, agent, requester, customer, or a custom key.
  key text not null check (key ~ '^[a-z][a-z0-9_]{1,39}$'),
  name text not null check (char_length(btrim(name)) between 1 and 60),
  description text not null default '' check (char_length(description) <= 300),
  -- Seniority: who may manage whom. Owner 100, admin 90, manager 70, agent 50, requester 30, customer 10.
  rank integer not null check (rank between 1 and 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Custom roles rank below admins, so that only built-in roles manage organizations.
  constraint custom_roles_rank_below_admin check (org_id is null or rank < 90)
);
create unique index roles_builtin_key_idx on public.roles (key) where org_id is null;
create unique index roles_org_key_idx on public.roles (org_id, key) where org_id is not null;
create index roles_org_id_idx on public.roles (org_id);

create table public.role_permissions (
  role_id uuid not null references public.roles (id) on delete cascade,
  permission text not null references public.permissions (key) on delete cascade,
  primary key (role_id, permission)
);
create index role_permissions_permission_idx on public.role_permissions (permission);

/** Who belongs to which organization, with which role. */
create table public.memberships (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role_id uuid not null references public.roles (id),
  -- Agent availability, driving assignment and the chat widget's state.
  availability text not null default 'online' check (availability in ('online', 'away', 'offline')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, org_id)
);
create index memberships_org_id_idx on public.memberships (org_id);
create index memberships_role_id_idx on public.memberships (role_id);

create table public.teams (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 60),
  description text not null default '' check (char_length(description) <= 300),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (org_id, name)
);

create table public.team_members (
  team_id uuid not null references public.teams (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  org_id uuid not null references public.organizations (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (team_id, user_id)
);
create index team_members_user_id_idx on public.team_members (user_id);
create index team_members_org_id_idx on public.team_members (org_id);

-- Section - Catalog data

insert into public.permissions (key, description) values
  ('org.manage', 'Change the organization''s name, slug, branding, time zone and business hours'),
  ('members.view', 'See the organization''s members and teams'),
  ('members.manage', 'Invite, remove and change the role of members'),
  ('roles.manage', 'Create and edit custom roles'),
  ('teams.manage', 'Create teams and choose their members'),
  ('tickets.view', 'See all tickets of the organization'),
  ('tickets.create', 'Raise tickets'),
  ('tickets.manage', 'Work tickets: reply, change status and priority, add internal notes'),
  ('tickets.assign', 'Assign tickets to agents and teams'),
  ('tickets.delete', 'Delete, merge and split tickets'),
  ('conversations.view', 'See chat conversations'),
  ('conversations.reply', 'Reply to chat conversations'),
  ('kb.view', 'Read internal knowledge-base drafts'),
  ('kb.write', 'Write knowledge-base articles'),
  ('kb.publish', 'Publish knowledge-base articles'),
  ('analytics.view', 'See the metrics dashboard'),
  ('audit.view', 'Read the audit log'),
  ('billing.manage', 'Manage the subscription and payment details'),
  ('automation.manage', 'Create automation rules and schedules'),
  ('widget.manage', 'Configure the chat widget'),
  ('ai.use', 'Use AI assistance'),
  ('portal.access', 'Use the customer portal');

insert into public.roles (key, name, description, rank) values
  ('owner', 'Owner', 'Full control, including billing and other owners.', 100),
  ('admin', 'Admin', 'Manages the organization and everyone but owners.', 90),
  ('manager', 'Manager', 'Team lead: works and assigns tickets, sees metrics and the audit log.', 70),
  ('agent', 'Agent', 'Works tickets and chats.', 50),
  ('requester', 'Requester', 'Internal staff who raise and follow their own tickets.', 30),
  ('customer', 'Customer', 'External user of the customer portal.', 10);

insert into public.role_permissions (role_id, permission)
select r.id, p.key
  from public.roles r
  join public.permissions p on case r.key
    when 'owner' then true
    when 'admin' then p.key <> 'billing.manage'
    when 'manager' then p.key in ('members.view', 'teams.manage', 'tickets.view', 'tickets.create', 'tickets.manage',
      'tickets.assign', 'tickets.delete', 'conversations.view', 'conversations.reply', 'kb.view', 'kb.write', 'kb.publish',
      'analytics.view', 'audit.view', 'automation.manage', 'ai.use')
    when 'agent' then p.key in ('members.view', 'tickets.view', 'tickets.create', 'tickets.manage', 'tickets.assign',
      'conversations.view', 'conversations.reply', 'kb.view', 'kb.write', 'ai.use')
    when 'requester' then p.key in ('members.view', 'tickets.create', 'kb.view')
    when 'customer' then p.key in ('portal.access', 'tickets.create')
  end
 where r.org_id is null;

-- Section - Grants (table-level defaults revoked first: every privilege below is deliberate)

revoke all on public.organizations, public.organization_holidays, public.profiles, public.permissions, public.roles,
  public.role_permissions, public.memberships, public.teams, public.team_members from anon, authenticated;
grant select on public.permissions to authenticated;
grant select on public.roles, public.role_permissions to authenticated;
grant insert (org_id, key, name, description, rank), update (name, description, rank), delete on public.roles to authenticated;
grant insert, delete on public.role_permissions to authenticated;
grant select, update (name, slug, brand_color, logo_path, time_zone, business_hours) on public.organizations to authenticated;
grant insert (name, slug, brand_color, time_zone) on public.organizations to authenticated;
grant select, insert, update, delete on public.organization_holidays to authenticated;
grant select, update (display_name, avatar_path, locale) on public.profiles to authenticated;
grant select, update (role_id, availability), delete on public.memberships to authenticated;
grant select, insert, update, delete on public.teams to authenticated;
grant select, insert, delete on public.team_members to authenticated;
-- Section - Row level security

alter table public.organizations enable row level security;
alter table public.organization_holidays enable row level security;
alter table public.profiles enable row level security;
alter table public.permissions enable row level security;
alter table public.roles enable row level security;
alter table public.role_permissions enable row level security;
alter table public.memberships enable row level security;
alter table public.teams enable row level security;
alter table public.team_members enable row level security;
