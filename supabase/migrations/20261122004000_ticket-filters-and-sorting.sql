/**
 * Ticket filters as one parser shared by search_tickets and saved views, plus what the ticket list
 * needs on top of the first search: an SLA-state filter, "me" as a person filter, sort orders with
 * keyset pages, and the SLA columns in each hit.
 *
 * search_tickets keeps its contract (same arguments, same defaults, same cursors for the default
 * order); it gains a trailing `sort` argument and four trailing columns.
 */

-- Section - Filter set

/** Ticket filters parsed into typed values (see private.parse_ticket_filters). */
create type private.ticket_filter_set as (
  categories public.ticket_status_category[],
  status_ids uuid[],
  priorities public.ticket_priority[],
  assignees uuid[],
  unassigned boolean,
  teams uuid[],
  no_team boolean,
  requesters uuid[],
  tags text[],
  sla_states text[],
  created_from timestamptz,
  created_to timestamptz
);

/** A person filter: ids, where "me" stands for the caller (resolved when the filter runs). */
create or replace function private.search_filter_people(filters jsonb, key text)
returns uuid[]
language plpgsql
stable
set search_path = ''
as $$
declare
  texts text[] := private.search_filter_texts(filters, key);
  nobody constant text := '00000000-0000-0000-0000-000000000000';
begin
  if texts is null then
    return null;
  end if;
  return private.search_filter_uuids(
    jsonb_build_object(key, array(select case when lower(x) = 'me' then coalesce((select private.current_user_id())::text, nobody) else x end
                                    from unnest(texts) x)),
    key);
end;
$$;

/**
 * Parses ticket filters (the whitelist below) into typed values, refusing unknown keys and bad
 * values with a readable sentence. Keys: status_category, status_id, priority, assignee_id, team_id,
 * requester_id (a value or a list; assignee_id / team_id null = unassigned; assignee_id and
 * requester_id accept "me"), tag (all of them), sla_state (ok, near_breach, breached), created_from
 * (inclusive), created_to (exclusive).
 */
create or replace function private.parse_ticket_filters(filters jsonb)
returns private.ticket_filter_set
language plpgsql
stable
set search_path = ''
as $$
declare
  allowed constant text[] := array['status_category', 'status_id', 'priority', 'assignee_id', 'team_id',
    'requester_id', 'tag', 'sla_state', 'created_from', 'created_to'];
  unknown_key text;
  parsed private.ticket_filter_set;
begin
  if filters is not null and jsonb_typeof(filters) <> 'object' then
    perform private.refuse('filters must be an object, such as {"priority": "high"}.');
  end if;
  select k into unknown_key from jsonb_object_keys(coalesce(filters, '{}')) k where k <> all (allowed) order by k limit 1;
  if unknown_key is not null then
    perform private.refuse(format('Unknown filter "%s".', left(unknown_key, 40)),
      'Filter on ' || array_to_string(allowed, ', ') || '.');
  end if;
  begin
    parsed.categories := private.search_filter_texts(filters, 'status_category')::public.ticket_status_category[];
  exception when invalid_text_representation then
    perform private.refuse('Filter "status_category" takes open, in_progress, waiting_on_customer, resolved or closed.');
  end;
  begin
    parsed.priorities := private.search_filter_texts(filters, 'priority')::public.ticket_priority[];
  exception when invalid_text_representation then
    perform private.refuse('Filter "priority" takes urgent, high, medium or low.');
  end;
  parsed.sla_states := private.search_filter_texts(filters, 'sla_state');
  if parsed.sla_states is not null and not parsed.sla_states <@ array['ok', 'near_breach', 'breached'] then
    perform private.refuse('Filter "sla_state" takes ok, near_breach or breached.');
  end if;
  parsed.status_ids := private.search_filter_uuids(filters, 'status_id');
  parsed.requesters := private.search_filter_people(filters, 'requester_id');
  parsed.unassigned := jsonb_typeof(filters -> 'assignee_id') is not distinct from 'null';
  if not parsed.unassigned then
    parsed.assignees := private.search_filter_people(filters, 'assignee_id');
  end if;
  parsed.no_team := jsonb_typeof(filters -> 'team_id') is not distinct from 'null';
  if not parsed.no_team then
    parsed.teams := private.search_filter_uuids(filters, 'team_id');
  end if;
  parsed.tags := array(select lower(btrim(x)) from unnest(private.search_filter_texts(filters, 'tag')) x);
  if cardinality(parsed.tags) = 0 then
    parsed.tags := null;
  end if;
  parsed.created_from := private.search_filter_timestamp(filters, 'created_from');
  parsed.created_to := private.search_filter_timestamp(filters, 'created_to');
  return parsed;
end;
$$;
grant execute on function private.search_filter_people(jsonb, text), private.parse_ticket_filters(jsonb)
  to authenticated, service_role;

-- Section - Hits and indexes for the list's sort orders

alter type public.ticket_search_hit
  add attribute sla_state text,
  add attribute first_response_due_at timestamptz,
  add attribute next_response_due_at timestamptz,
  add attribute resolution_due_at timestamptz,
  -- This row's sort key: pass it as `after` to get the next page.
  add attribute cursor jsonb;

create index tickets_org_id_created_at_id_idx on public.tickets (org_id, created_at desc, id desc);
create index tickets_org_id_priority_idx on public.tickets (org_id, priority, updated_at desc, id desc);
create index tickets_org_id_sla_state_idx on public.tickets (org_id, sla_state);

-- Section - search_tickets

drop function public.search_tickets(uuid, text, jsonb, jsonb, integer);

/**
 * Searches an organization's tickets the caller may read.
 *
 * - query: websearch syntax (words, "exact phrase", -excluded, or). Null or blank lists tickets.
 * - filters: see private.parse_ticket_filters. Any other key is refused.
 * - sort: with a query, relevance (rank desc, id desc; null or 'relevance'). Without one:
 *   'updated_desc' (default), 'updated_asc', 'created_desc', 'created_asc', or 'priority' (urgent
 *   first, then newest activity).
 * - after: the last row's `cursor` (its sort key): {"rank", "id"} for relevance, {"updated_at", "id"} or
 *   {"created_at", "id"} for the time orders, {"priority", "updated_at", "id"} for priority.
 * - page_size: 1–100.
 */
create or replace function public.search_tickets(
  org_id uuid,
  query text default null,
  filters jsonb default '{}',
  after jsonb default null,
  page_size integer default 50,
  sort text default null
)
returns setof public.ticket_search_hit
language plpgsql
stable
security invoker
set search_path = ''
as $$
#variable_conflict use_column
declare
  f private.ticket_filter_set;
  tsq tsquery;
  order_by text;
  cursor_keys text[];
  after_id uuid;
  after_rank real;
  after_at timestamptz;
  after_priority public.ticket_priority;
  matched_tickets uuid[];
  matched_comments uuid[];
  headline_options constant text := 'StartSel=<b>, StopSel=</b>, MaxWords=30, MinWords=10, MaxFragments=2';
  -- Orders and their keyset predicates ($4 = after id, $5 = after timestamp, $6 = after priority):
  -- constants only, never the caller's text.
  listing_orders constant jsonb := jsonb_build_object(
    'updated_desc', jsonb_build_array('t.updated_at desc, t.id desc', '(t.updated_at, t.id) < ($5, $4)', 'updated_at',
      'jsonb_build_object(''updated_at'', t.updated_at, ''id'', t.id)'),
    'updated_asc', jsonb_build_array('t.updated_at, t.id', '(t.updated_at, t.id) > ($5, $4)', 'updated_at',
      'jsonb_build_object(''updated_at'', t.updated_at, ''id'', t.id)'),
    'created_desc', jsonb_build_array('t.created_at desc, t.id desc', '(t.created_at, t.id) < ($5, $4)', 'created_at',
      'jsonb_build_object(''created_at'', t.created_at, ''id'', t.id)'),
    'created_asc', jsonb_build_array('t.created_at, t.id', '(t.created_at, t.id) > ($5, $4)', 'created_at',
      'jsonb_build_object(''created_at'', t.created_at, ''id'', t.id)'),
    'priority', jsonb_build_array('t.priority, t.updated_at desc, t.id desc',
      '(t.priority > $6 or (t.priority = $6 and (t.updated_at, t.id) < ($5, $4)))', 'updated_at',
      'jsonb_build_object(''priority'', t.priority, ''updated_at'', t.updated_at, ''id'', t.id)'));
begin
  -- Arguments
  if search_tickets.org_id is null then
    perform private.refuse('Choose the organization to search.');
  end if;
  if search_tickets.page_size is null or search_tickets.page_size not between 1 and 100 then
    perform private.refuse('page_size must be between 1 and 100.');
  end if;
  if char_length(search_tickets.query) > 500 then
    perform private.refuse('The search is limited to 500 characters.');
  end if;
  if nullif(btrim(search_tickets.query), '') is not null then
    tsq := websearch_to_tsquery('english'::regconfig, search_tickets.query);
  end if;
  order_by := coalesce(search_tickets.sort, case when tsq is null then 'updated_desc' else 'relevance' end);
  if tsq is not null and order_by <> 'relevance' then
    perform private.refuse('Search results are sorted by relevance.', 'Clear the search to sort otherwise.');
  elsif tsq is null and not listing_orders ? order_by then
    perform private.refuse(format('Unknown sort "%s".', left(order_by, 40)),
      'Sort by updated_desc, updated_asc, created_desc, created_asc or priority.');
  end if;
  if tsq is not null and numnode(tsq) = 0 then
    return;  -- only stop words or punctuation: nothing can match
  end if;

  f := private.parse_ticket_filters(search_tickets.filters);

  -- Cursor: the last row's sort key
  cursor_keys := case when tsq is not null then array['id', 'rank']
                      when order_by = 'priority' then array['id', 'priority', 'updated_at']
                      else array['id', listing_orders -> order_by ->> 2] end;
  if search_tickets.after is not null and jsonb_typeof(search_tickets.after) <> 'null' then
    if jsonb_typeof(search_tickets.after) <> 'object'
       or (select array_agg(k order by k) from jsonb_object_keys(search_tickets.after) k)
          is distinct from (select array_agg(k order by k) from unnest(cursor_keys) k)
       or (search_tickets.after ->> 'id') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       or (tsq is not null and jsonb_typeof(search_tickets.after -> 'rank') <> 'number') then
      perform private.refuse('after must be the last row''s sort key.',
        format('Pass {%s} of the last ticket.', (select string_agg(format('"%s": …', k), ', ') from unnest(cursor_keys) k)));
    end if;
    after_id := (search_tickets.after ->> 'id')::uuid;
    begin
      after_rank := (search_tickets.after ->> 'rank')::real;
      after_at := case when tsq is null then (search_tickets.after ->> cursor_keys[cardinality(cursor_keys)])::timestamptz end;
      after_priority := (search_tickets.after ->> 'priority')::public.ticket_priority;
    exception when invalid_datetime_format or datetime_field_overflow or invalid_text_representation then
      perform private.refuse('after must be the last row''s sort key.', 'Pass the values of the last ticket unchanged.');
    end;
  end if;

  if tsq is null then
    return query execute format($query$
      select t.id, t.org_id, t.number, t.subject, t.description, t.requester_id, t.priority, t.category, t.tags,
             t.custom_fields, t.assignee_id, t.team_id, t.status_id, t.status_category, t.resolution, t.reopen_reason,
             t.reopen_count, t.merged_into_id, t.status_changed_at, t.assigned_at, t.first_response_at, t.resolved_at,
             t.closed_at, t.reopened_at, t.created_by, t.updated_by, t.created_at, t.updated_at,
             null::real, null::text, t.sla_state, t.first_response_due_at, t.next_response_due_at, t.resolution_due_at, %s
        from public.tickets t
       where t.org_id = $1
         and (($2).categories is null or t.status_category = any (($2).categories))
         and (($2).status_ids is null or t.status_id = any (($2).status_ids))
         and (($2).priorities is null or t.priority = any (($2).priorities))
         and %s
         and (not ($2).unassigned or t.assignee_id is null)
         and (($2).teams is null or t.team_id = any (($2).teams))
         and (not ($2).no_team or t.team_id is null)
         and %s
         and (($2).tags is null or t.tags @> ($2).tags)
         and (($2).sla_states is null or t.sla_state = any (($2).sla_states))
         and (($2).created_from is null or t.created_at >= ($2).created_from)
         and (($2).created_to is null or t.created_at < ($2).created_to)
         and ($4 is null or %s)
       order by %s
       limit $3
      $query$, listing_orders -> order_by ->> 3,
        -- a single assignee or requester as "=", so that their (…, updated_at) indexes also give the order
        case cardinality(f.assignees) when 1 then 't.assignee_id = ($2).assignees[1]' else '(($2).assignees is null or t.assignee_id = any (($2).assignees))' end,
        case cardinality(f.requesters) when 1 then 't.requester_id = ($2).requesters[1]' else '(($2).requesters is null or t.requester_id = any (($2).requesters))' end,
        listing_orders -> order_by ->> 1, listing_orders -> order_by ->> 0)
      using search_tickets.org_id, f, search_tickets.page_size, after_id, after_at, after_priority;
    return;
  end if;

  -- candidates through the GIN indexes; everything below reads them by id, as the caller (RLS)
  select coalesce(array_agg(m.ticket_id) filter (where m.comment_id is null), '{}'),
         coalesce(array_agg(m.comment_id) filter (where m.comment_id is not null), '{}')
    into matched_tickets, matched_comments
    from private.ticket_search_matches(search_tickets.org_id, tsq) m;

  return query
    with comment_hits as (
      -- matching comments the caller may read (RLS), each ranked once
      select c.id, c.ticket_id, ts_rank(setweight(to_tsvector('english'::regconfig, c.body), 'C'), tsq) as rank
        from public.ticket_comments c
       where c.id = any (matched_comments)
    ),
    best_comment as (
      select distinct on (h.ticket_id) h.ticket_id, h.id as comment_id, h.rank
        from comment_hits h
       order by h.ticket_id, h.rank desc, h.id
    ),
    own_hits as (
      select unnest(matched_tickets) as ticket_id
    ),
    matches as (
      -- tickets whose own text matches, and tickets with a matching comment the caller may read
      select o.ticket_id from own_hits o
      union
      select b.ticket_id from best_comment b
    ),
    ranked as (
      select t.*,
             (ts_rank(setweight(to_tsvector('english'::regconfig, t.subject), 'A')
                      || setweight(to_tsvector('english'::regconfig, t.description), 'B'), tsq)
              + coalesce(b.rank, 0))::real as rank,
             o.ticket_id is not null as own_match,
             b.comment_id as best_comment_id
        from matches m
        join public.tickets t on t.id = m.ticket_id
        left join best_comment b on b.ticket_id = t.id
        left join own_hits o on o.ticket_id = t.id
       where t.org_id = search_tickets.org_id
         and (f.categories is null or t.status_category = any (f.categories))
         and (f.status_ids is null or t.status_id = any (f.status_ids))
         and (f.priorities is null or t.priority = any (f.priorities))
         and (f.assignees is null or t.assignee_id = any (f.assignees))
         and (not f.unassigned or t.assignee_id is null)
         and (f.teams is null or t.team_id = any (f.teams))
         and (not f.no_team or t.team_id is null)
         and (f.requesters is null or t.requester_id = any (f.requesters))
         and (f.tags is null or t.tags @> f.tags)
         and (f.sla_states is null or t.sla_state = any (f.sla_states))
         and (f.created_from is null or t.created_at >= f.created_from)
         and (f.created_to is null or t.created_at < f.created_to)
    ),
    page as (
      select r.* from ranked r
       where after_id is null or (r.rank, r.id) < (after_rank, after_id)
       order by r.rank desc, r.id desc
       limit search_tickets.page_size
    )
    select p.id, p.org_id, p.number, p.subject, p.description, p.requester_id, p.priority, p.category, p.tags,
           p.custom_fields, p.assignee_id, p.team_id, p.status_id, p.status_category, p.resolution, p.reopen_reason,
           p.reopen_count, p.merged_into_id, p.status_changed_at, p.assigned_at, p.first_response_at, p.resolved_at,
           p.closed_at, p.reopened_at, p.created_by, p.updated_by, p.created_at, p.updated_at,
           p.rank,
           -- snippets only from text the caller reads: the ticket, else its best comment visible to them (RLS)
           case
             when p.own_match
               then ts_headline('english'::regconfig, p.subject || E'\n' || p.description, tsq, headline_options)
             else (select ts_headline('english'::regconfig, c.body, tsq, headline_options)
                     from public.ticket_comments c where c.id = p.best_comment_id)
           end,
           p.sla_state, p.first_response_due_at, p.next_response_due_at, p.resolution_due_at,
           jsonb_build_object('rank', p.rank, 'id', p.id)
      from page p
     order by p.rank desc, p.id desc;
end;
$$;
comment on function public.search_tickets(uuid, text, jsonb, jsonb, integer, text) is
  'Full-text search of an organization''s tickets the caller may read, with filters, sort orders and keyset pagination.';
revoke all on function public.search_tickets(uuid, text, jsonb, jsonb, integer, text) from public, anon;
grant execute on function public.search_tickets(uuid, text, jsonb, jsonb, integer, text) to authenticated, service_role;
