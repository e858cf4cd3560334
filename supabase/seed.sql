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

-- Tickets for Acme: a custom field, a personal and a shared saved reply, and a few tickets across the
-- lifecycle, with public replies and one internal note (inserted as the superuser, so the lifecycle's
-- bookkeeping runs but its per-user rules do not).

insert into public.ticket_fields (org_id, key, label, type, options, required, position)
values ('b0000000-0000-4000-8000-000000000001', 'order_number', 'Order number', 'text', '{}', false, 0),
       ('b0000000-0000-4000-8000-000000000001', 'plan', 'Plan', 'select', '{Free,Team,Enterprise}', false, 1);

insert into public.saved_replies (org_id, owner_id, title, body, created_by)
values ('b0000000-0000-4000-8000-000000000001', null, 'Thanks, looking into it',
        'Hi {{customer.name}},' || chr(10) || chr(10) || 'Thanks for reaching out about {{ticket.number}}. We are looking into it.'
        || chr(10) || chr(10) || '{{agent.name}}, {{org.name}}', 'a0000000-0000-4000-8000-000000000003'),
       ('b0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000004', 'Need more details',
        'Hi {{customer.name}}, could you send a screenshot of the error?', 'a0000000-0000-4000-8000-000000000004');

insert into public.tickets (id, org_id, subject, description, requester_id, priority, category, tags, custom_fields,
                            assignee_id, team_id, created_by)
values
  ('d0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 'Cannot log in to the dashboard',
   'Since this morning I get "invalid credentials" although my password is right.',
   'a0000000-0000-4000-8000-000000000006', 'high', 'Account', '{login}', '{"plan": "Team"}',
   'a0000000-0000-4000-8000-000000000004', 'c0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000006'),
  ('d0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000001', 'Invoice shows the wrong VAT number',
   'Our VAT number changed in October; the November invoice still has the old one.',
   'a0000000-0000-4000-8000-000000000006', 'medium', 'Billing', '{billing,invoice}', '{"order_number": "INV-2026-1107"}',
   null, null, 'a0000000-0000-4000-8000-000000000006'),
  ('d0000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000001', 'New laptop for the support team',
   'Maya needs a second monitor as well.', 'a0000000-0000-4000-8000-000000000005', 'low', 'IT', '{}', '{}',
   null, null, 'a0000000-0000-4000-8000-000000000005');

insert into public.ticket_comments (ticket_id, author_id, body, is_internal)
values ('d0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000004',
        'Hi Carl, sorry about that. Could you try resetting your password from the sign-in page?', false),
       ('d0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000004',
        'Looks like the SSO migration again. @[a0000000-0000-4000-8000-000000000003] can you check the IdP logs?', true),
       ('d0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000003',
        'Fixed: the corrected invoice is attached to your account. Thanks for letting us know!', false);

update public.tickets set status_id = private.default_status_id(org_id, 'waiting_on_customer')
 where id = 'd0000000-0000-4000-8000-000000000001';
update public.tickets set status_id = private.default_status_id(org_id, 'resolved'),
                          resolution = 'Invoice re-issued with the new VAT number.'
 where id = 'd0000000-0000-4000-8000-000000000002';
