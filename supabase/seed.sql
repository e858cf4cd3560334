-- Demo data for local development: the "Acme Support" organization with one user per built-in role.
-- Every demo account signs in with the password "demo-password-1" (printed by `npm start`).

insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  confirmation_token, recovery_token, email_change_token_new, email_change,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at
)
select '00000000-0000-0000-0000-000000000000', demo.id, 'authenticated', 'authenticated', demo.email,
       extensions.crypt('demo-password-1', extensions.gen_salt('bf', 10)), now(),
       '', '', '', '',
       '{"provider": "email", "providers": ["email"]}',
       jsonb_build_object('display_name', demo.name, 'demo_role', demo.role_key),
       now() - (10 - demo.ord) * interval '1 second', now()
  from (values
    (1, 'a0000000-0000-4000-8000-000000000001'::uuid, 'owner@demo.supportdesk.test', 'Olivia Owner', 'owner'),
    (2, 'a0000000-0000-4000-8000-000000000002'::uuid, 'admin@demo.supportdesk.test', 'Adam Admin', 'admin'),
    (3, 'a0000000-0000-4000-8000-000000000003'::uuid, 'manager@demo.supportdesk.test', 'Maya Manager', 'manager'),
    (4, 'a0000000-0000-4000-8000-000000000004'::uuid, 'agent@demo.supportdesk.test', 'Ari Agent', 'agent'),
    (5, 'a0000000-0000-4000-8000-000000000005'::uuid, 'requester@demo.supportdesk.test', 'Rita Requester', 'requester'),
    (6, 'a0000000-0000-4000-8000-000000000006'::uuid, 'customer@demo.supportdesk.test', 'Carl Customer', 'customer')
  ) as demo(ord, id, email, name, role_key);

insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
       'email', now(), now(), now()
  from auth.users u
 where u.email like '%@demo.supportdesk.test';

insert into public.organizations (id, name, slug, brand_color, time_zone, created_by)
values ('b0000000-0000-4000-8000-000000000001', 'Acme Support', 'acme', '#2f6fdf', 'Europe/Paris',
        'a0000000-0000-4000-8000-000000000001');

insert into public.memberships (org_id, user_id, role_id)
select 'b0000000-0000-4000-8000-000000000001', u.id, r.id
  from auth.users u
  join public.roles r on r.org_id is null and r.key = u.raw_user_meta_data ->> 'demo_role'
 where u.email like '%@demo.supportdesk.test' and r.key <> 'owner';

insert into public.teams (id, org_id, name, description)
values ('c0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 'Tier 1', 'First line: chats and new tickets');

insert into public.team_members (team_id, user_id, org_id)
values ('c0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000004', 'b0000000-0000-4000-8000-000000000001'),
       ('c0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000001');

insert into public.organization_holidays (org_id, day, name)
values ('b0000000-0000-4000-8000-000000000001', '2026-12-25', 'Christmas Day'),
       ('b0000000-0000-4000-8000-000000000001', '2027-01-01', 'New Year''s Day');
