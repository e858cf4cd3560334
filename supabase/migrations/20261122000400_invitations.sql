/**
 * Invitations: a member manager invites an email address with a role; the invitee accepts with a
 * one-time token from their email. Only the token's SHA-256 is stored.
 */

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  -- Lower-cased address the invitation was sent to; only a user signed in with it can accept.
  email text not null check (email = lower(email) and email ~ '^[^@\s]{1,64}@[^@\s]{1,255}$'),
  role_id uuid not null references public.roles (id) on delete cascade,
  -- Hex SHA-256 of the token in the emailed link.
  token_hash text not null unique,
  invited_by uuid references auth.users (id) on delete set null,
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
comment on column public.invitations.token_hash is 'Never returned to clients: see the column grants below.';
create index invitations_org_id_idx on public.invitations (org_id);
create index invitations_role_id_idx on public.invitations (role_id);
create index invitations_invited_by_idx on public.invitations (invited_by);
create index invitations_accepted_by_idx on public.invitations (accepted_by);
create unique index invitations_one_pending_per_email_idx on public.invitations (org_id, email)
  where accepted_at is null and revoked_at is null;

revoke all on public.invitations from anon, authenticated;
grant select (id, org_id, email, role_id, invited_by, expires_at, accepted_at, accepted_by, revoked_at, created_at)
  on public.invitations to authenticated;
grant update (revoked_at) on public.invitations to authenticated;
alter table public.invitations enable row level security;

create policy "Member managers can read their organization's invitations" on public.invitations
  for select to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('members.manage'))));
create policy "Member managers can revoke invitations" on public.invitations for update to authenticated
  using (org_id = any (array(select private.org_ids_with_permission('members.manage'))))
  with check (org_id = any (array(select private.org_ids_with_permission('members.manage'))));

-- Section - Functions

/** Issues (or re-issues) the pending invitation for an email and returns the raw token once. */
create or replace function private.issue_invitation(org_id uuid, email text, role_id uuid)
returns table (invitation_id uuid, token text)
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  new_token text := encode(extensions.gen_random_bytes(32), 'hex');
  clean_email text := lower(btrim(issue_invitation.email));
  role_rank integer := private.role_rank_for_org(issue_invitation.role_id, issue_invitation.org_id);
begin
  if not private.has_permission(issue_invitation.org_id, 'members.manage') then
    perform private.refuse('You cannot invite members to this organization.');
  elsif role_rank is null then
    perform private.refuse('That role does not exist in this organization.');
  elsif role_rank > private.rank_in_org(issue_invitation.org_id) or (role_rank >= 100 and private.rank_in_org(issue_invitation.org_id) < 100) then
    perform private.refuse('You cannot invite someone with a role above your own.');
  elsif clean_email !~ '^[^@\s]{1,64}@[^@\s]{1,255}$' then
    perform private.refuse('Enter a valid email address.');
  elsif exists (
    select 1 from public.memberships m join auth.users u on u.id = m.user_id
     where m.org_id = issue_invitation.org_id and lower(u.email) = clean_email) then
    perform private.refuse('This person is already a member.');
  end if;
  update public.invitations i set revoked_at = now()
   where i.org_id = issue_invitation.org_id and i.email = clean_email
     and i.accepted_at is null and i.revoked_at is null;
  insert into public.invitations (org_id, email, role_id, token_hash, invited_by)
  values (issue_invitation.org_id, clean_email, issue_invitation.role_id,
          encode(extensions.digest(new_token, 'sha256'), 'hex'), (select auth.uid()))
  returning id into invitation_id;
  token := new_token;
  return next;
end;
$$;
grant execute on function private.issue_invitation(uuid, text, uuid) to authenticated;

/** Accepts an invitation for the signed-in user, whose email must be the invited one. */
create or replace function private.accept_invitation(token text)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  invitation public.invitations;
  me uuid := (select private.current_user_id());
begin
  if me is null or (select private.is_anonymous()) then
    perform private.refuse('Sign in to accept this invitation.');
  end if;
  select * into invitation from public.invitations i
   where i.token_hash = encode(extensions.digest(accept_invitation.token, 'sha256'), 'hex')
   for update;
  if invitation.id is null then
    perform private.refuse('This invitation link is not valid.', 'Ask for a new invitation.');
  elsif invitation.accepted_at is not null then
    perform private.refuse('This invitation has already been used.');
  elsif invitation.revoked_at is not null then
    perform private.refuse('This invitation was withdrawn.', 'Ask for a new invitation.');
  elsif invitation.expires_at < now() then
    perform private.refuse('This invitation has expired.', 'Ask for a new invitation.');
  elsif invitation.email <> lower((select auth.email())) then
    perform private.refuse(format('This invitation was sent to %s. Sign in with that address to accept it.', invitation.email));
  end if;
  insert into public.memberships (org_id, user_id, role_id)
  values (invitation.org_id, me, invitation.role_id)
  on conflict (user_id, org_id) do nothing;
  update public.invitations set accepted_at = now(), accepted_by = me where id = invitation.id;
  return invitation.org_id;
end;
$$;
grant execute on function private.accept_invitation(text) to authenticated;

/** The organization and role an invitation is for, so the accept page can say what joining means. */
create or replace function private.describe_invitation(token text)
returns table (org_name text, role_name text, email text, expires_at timestamptz, status text)
language sql
stable
security definer
set search_path = ''
as $$
  select o.name, r.name, i.email, i.expires_at,
         case when i.accepted_at is not null then 'accepted'
              when i.revoked_at is not null then 'revoked'
              when i.expires_at < now() then 'expired'
              else 'pending' end
    from public.invitations i
    join public.organizations o on o.id = i.org_id
    join public.roles r on r.id = i.role_id
   where i.token_hash = encode(extensions.digest(describe_invitation.token, 'sha256'), 'hex')
$$;
grant execute on function private.describe_invitation(text) to authenticated;

-- Section - Public API (security invoker wrappers over the private definers)

create or replace function public.create_invitation(org_id uuid, email text, role_id uuid)
returns table (invitation_id uuid, token text)
language sql
volatile
security invoker
set search_path = ''
as $$ select * from private.issue_invitation(org_id, email, role_id) $$;

create or replace function public.accept_invitation(token text)
returns uuid
language sql
volatile
security invoker
set search_path = ''
as $$ select private.accept_invitation(token) $$;

create or replace function public.describe_invitation(token text)
returns table (org_name text, role_name text, email text, expires_at timestamptz, status text)
language sql
stable
security invoker
set search_path = ''
as $$ select * from private.describe_invitation(token) $$;

revoke execute on function public.create_invitation(uuid, text, uuid), public.accept_invitation(text),
  public.describe_invitation(text) from public, anon;
grant execute on function public.create_invitation(uuid, text, uuid), public.accept_invitation(text),
  public.describe_invitation(text) to authenticated;
