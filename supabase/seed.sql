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

-- Chat widget demo (slice: widget embed): the widget the demo site at /demo/ embeds, with a fixed key,
-- allowed on 127.0.0.1 and localhost (any port), with a short pre-chat form.
insert into public.widgets (org_id, widget_key, name, greeting, allowed_domains, prechat_fields)
values ('b0000000-0000-4000-8000-000000000001', 'wk_demo_acme_website_chat', 'Acme website chat',
        'Hi there! Ask us anything about your Acme order.', '{127.0.0.1,localhost}',
        '[{"key": "name", "label": "Your name", "type": "text", "required": false},
          {"key": "email", "label": "Your email", "type": "email", "required": true}]');

-- Dashboard demo history (slice: dashboard + portal): 60 Acme tickets spread over the last 30 days,
-- answered and resolved at varied speeds, so the metrics dashboard has something to show. Back-dated as
-- the superuser; each ticket's SLA outcome is judged against the due times its policy gave it.
do $$
declare
  acme constant uuid := 'b0000000-0000-4000-8000-000000000001';
  categories constant text[] := array['Account', 'Billing', 'Bug', 'Feature request', 'IT', null];
  priorities constant public.ticket_priority[] := array['low', 'medium', 'medium', 'high', 'urgent'];
  subjects constant text[] := array['Password reset link expired', 'Charged twice this month', 'Export to CSV fails',
    'Please add dark mode to reports', 'VPN drops every hour', 'Cannot invite a colleague', 'Refund for the annual plan',
    'Search returns nothing', 'Webhook retries too often', 'New starter needs a laptop'];
  ticket public.tickets;
  created timestamptz;
  reply_minutes integer;
  resolve_minutes integer;
  due timestamptz;
begin
  for i in 1 .. 60 loop
    created := date_trunc('hour', now()) - make_interval(days => (i * i * 3 + i) % 30, hours => (i * 5) % 10);
    insert into public.tickets (org_id, subject, description, requester_id, priority, category, assignee_id, created_by, created_at)
    values (acme, subjects[1 + i % 10], 'Demo ticket for the dashboard.',
            case when i % 3 = 0 then 'a0000000-0000-4000-8000-000000000005'::uuid else 'a0000000-0000-4000-8000-000000000006'::uuid end,
            priorities[1 + i % 5], categories[1 + i % 6],
            case i % 4 when 0 then null when 1 then 'a0000000-0000-4000-8000-000000000003'::uuid else 'a0000000-0000-4000-8000-000000000004'::uuid end,
            'a0000000-0000-4000-8000-000000000006', created)
    returning * into ticket;
    continue when i % 7 = 0;  -- not answered yet
    reply_minutes := 5 + (i * 37) % 600;
    -- a public reply published back then: the comment triggers stamp the first response at that moment
    insert into public.ticket_comments (ticket_id, author_id, body, created_at, published_at)
    values (ticket.id, coalesce(ticket.assignee_id, 'a0000000-0000-4000-8000-000000000003'),
            'Thanks for the report, we are looking into it.', least(created + make_interval(mins => reply_minutes), now()),
            least(created + make_interval(mins => reply_minutes), now()));
    continue when i % 5 = 0 or created > now() - interval '2 days';  -- still being worked
    resolve_minutes := reply_minutes + 60 + (i * 241) % 4000;
    select t.resolution_due_at into due from public.tickets t where t.id = ticket.id;
    update public.tickets set status_id = private.default_status_id(acme, 'resolved') where id = ticket.id;
    update public.tickets
       set resolved_at = least(created + make_interval(mins => resolve_minutes), now()),
           resolution_sla_met = least(created + make_interval(mins => resolve_minutes), now()) <= due
     where id = ticket.id;
    if i % 3 = 0 then
      update public.tickets set status_id = private.default_status_id(acme, 'closed') where id = ticket.id;
    end if;
  end loop;
end;
$$;

-- Agent inbox demo (slice: agent inbox): two visitors of the Acme website chat with three conversations,
-- one waiting unassigned, one being worked by Ari Agent (with a private note), one resolved and rated.
do $$
declare
  acme constant uuid := 'b0000000-0000-4000-8000-000000000001';
  agent constant uuid := 'a0000000-0000-4000-8000-000000000004';
  widget uuid := (select w.id from public.widgets w where w.widget_key = 'wk_demo_acme_website_chat');
  nora uuid;
  jonas uuid;
  waiting uuid;
  worked uuid;
  done uuid;
begin
  insert into public.contacts (org_id, external_id, name, email, custom_attributes, last_seen_url, last_seen_title, browser, location, last_seen_at)
  values (acme, 'acme-user-1042', 'Nora Lindqvist', 'nora@example.com', '{"plan": "Pro", "orders": 12}',
          'https://shop.acme.test/checkout', 'Checkout · Acme shop', 'Firefox 133 on Windows', 'Lyon, FR', now() - interval '3 minutes')
  returning id into nora;
  insert into public.contacts (org_id, name, email, last_seen_url, last_seen_title, browser, location, last_seen_at)
  values (acme, 'Jonas Weber', 'jonas@example.com', 'https://shop.acme.test/returns', 'Returns · Acme shop',
          'Chrome 131 on macOS', 'Berlin, DE', now() - interval '40 minutes')
  returning id into jonas;

  insert into public.conversations (widget_id, contact_id, visitor_email, created_at) values (widget, nora, 'nora@example.com', now() - interval '5 minutes')
  returning id into waiting;
  insert into public.conversations (widget_id, contact_id, visitor_email, created_at) values (widget, jonas, 'jonas@example.com', now() - interval '45 minutes')
  returning id into worked;
  insert into public.conversations (widget_id, contact_id, visitor_email, created_at) values (widget, nora, 'nora@example.com', now() - interval '2 days')
  returning id into done;
  -- demo chats continue in the chat, not by email
  update public.conversations set offline = false where id in (waiting, worked, done);

  insert into public.messages (conversation_id, sender_type, sender_id, content, is_private, created_at) values
    (waiting, 'visitor', null, 'Hi! My order #4471 says delivered but nothing arrived.', false, now() - interval '4 minutes'),
    (waiting, 'visitor', null, 'The tracking link shows a different city.', false, now() - interval '3 minutes'),
    (worked, 'visitor', null, 'Can I return shoes bought in a sale?', false, now() - interval '44 minutes'),
    (worked, 'agent', agent, 'Yes, sale items can be returned within 30 days. Do you have the order number?', false, now() - interval '42 minutes'),
    (worked, 'agent', agent, 'Order is 35 days old: offer store credit as a goodwill gesture.', true, now() - interval '41 minutes'),
    (worked, 'visitor', null, 'It is #4388, bought last month.', false, now() - interval '40 minutes'),
    (done, 'visitor', null, 'How do I change my delivery address?', false, now() - interval '2 days'),
    (done, 'agent', agent, 'Under Account → Addresses. I have updated it for your open order too.', false, now() - interval '2 days' + interval '3 minutes');
  update public.conversations set assignee_id = agent where id = worked;
  update public.conversations set status = 'resolved' where id = done;
  update public.conversations set csat_rating = 5, csat_comment = 'Quick and friendly!', csat_submitted_at = now() - interval '2 days',
                                  agent_unread_count = 0, visitor_unread_count = 0
   where id = done;
end;
$$;
