/**
 * Full-text ticket search: search_tickets(org_id, query, filters, after, page_size).
 *
 * Documents: a ticket is its subject (weight A) and description (weight B); each comment is its body
 * (weight C), all with the `english` configuration. They are expression GIN indexes rather than
 * stored columns: nothing is added to the rows that triggers compare (to_jsonb(new) vs old), the audit
 * log copies, or the API returns. Queries spell out exactly the indexed expressions.
 *
 * Who finds what: the function is security invoker, so the tickets and comments it reads are those
 * RLS lets the caller read. Staff match (and get snippets from) internal notes; requesters only match
 * their own tickets and the delivered public replies on them; other organizations match nothing.
 *
 * Filters are a whitelist of keys, each parsed into a typed variable used by one static query: no
 * SQL is ever built from the caller's strings.
 */

-- Section - Indexes

create index tickets_search_idx on public.tickets using gin (
  (setweight(to_tsvector('english'::regconfig, subject), 'A') || setweight(to_tsvector('english'::regconfig, description), 'B')));
create index ticket_comments_search_idx on public.ticket_comments using gin (
  (setweight(to_tsvector('english'::regconfig, body), 'C')));
-- Default listing (no query): newest activity first within an organization.
create index tickets_org_id_updated_at_idx on public.tickets (org_id, updated_at desc, id desc);

-- Section - Result type

/** One search hit: the ticket's columns, its relevance and a snippet of text the caller may read. */
create type public.ticket_search_hit as (
  id uuid,
  org_id uuid,
  number text,
  subject text,
  description text,
  requester_id uuid,
  priority public.ticket_priority,
  category text,
  tags text[],
  custom_fields jsonb,
  assignee_id uuid,
  team_id uuid,
  status_id uuid,
  status_category public.ticket_status_category,
  resolution text,
  reopen_reason text,
  reopen_count integer,
  merged_into_id uuid,
  status_changed_at timestamptz,
  assigned_at timestamptz,
  first_response_at timestamptz,
  resolved_at timestamptz,
  closed_at timestamptz,
  reopened_at timestamptz,
  created_by uuid,
  updated_by uuid,
  created_at timestamptz,
  updated_at timestamptz,
  -- Relevance (null without a query); with `id`, the sort key of a search.
  rank real,
  -- Matching words marked <b>…</b> (null without a query). Raw text: clients render it inert.
  headline text
);

-- Section - Filter parsing

/** A filter given as one string or a list of strings, as a text array; refused readably otherwise. */
create or replace function private.search_filter_texts(filters jsonb, key text)
returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  value jsonb := filters -> key;
begin
  if value is null then
    return null;
  elsif jsonb_typeof(value) = 'string' then
    return array[value #>> '{}'];
  elsif jsonb_typeof(value) = 'array' and jsonb_array_length(value) between 1 and 50
        and not exists (select 1 from jsonb_array_elements(value) e where jsonb_typeof(e) <> 'string') then
    return array(select e from jsonb_array_elements_text(value) e);
  end if;
  perform private.refuse(format('Filter "%s" takes a value or a list of 1–50 values.', key));
end;
$$;

/** A filter of ids (one or a list), as a uuid array; refused readably when a value is not an id. */
create or replace function private.search_filter_uuids(filters jsonb, key text)
returns uuid[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  texts text[] := private.search_filter_texts(filters, key);
begin
  if texts is not null and exists (select 1 from unnest(texts) x
                                    where x !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$') then
    perform private.refuse(format('Filter "%s" takes an id or a list of ids.', key));
  end if;
  return texts::uuid[];
end;
$$;

/** A date or timestamp filter; refused readably when it is not one. */
create or replace function private.search_filter_timestamp(filters jsonb, key text)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
begin
  if filters -> key is null then
    return null;
  elsif jsonb_typeof(filters -> key) <> 'string' then
    perform private.refuse(format('Filter "%s" takes a date such as 2026-11-22 or 2026-11-22T10:00:00Z.', key));
  end if;
  return (filters ->> key)::timestamptz;
exception
  when invalid_datetime_format or datetime_field_overflow then
    perform private.refuse(format('Filter "%s" takes a date such as 2026-11-22 or 2026-11-22T10:00:00Z.', key));
end;
$$;

grant execute on function private.search_filter_texts(jsonb, text), private.search_filter_uuids(jsonb, text),
  private.search_filter_timestamp(jsonb, text) to authenticated, service_role;

-- Section - Index-driven matching

/**
 * Ids of the tickets and comments of one organization matching a query, for its members only.
 *
 * Why a security-definer helper: `@@` is not leakproof, so under RLS Postgres may not use it as an
 * index condition (it would run before the policies) and a search falls back to a sequential scan.
 * This helper only finds candidate ids through the GIN indexes; search_tickets then reads tickets and
 * comments by id as the caller, so RLS still decides what is found and shown (internal notes included).
 */
create or replace function private.ticket_search_matches(org_id uuid, tsq tsquery)
returns table (ticket_id uuid, comment_id uuid)
language sql
stable
security definer
set search_path = ''
as $$
  select t.id, null::uuid
    from public.tickets t
   where t.org_id = ticket_search_matches.org_id
     and ticket_search_matches.org_id = any (array(select private.org_ids_for_user()))
     and (setweight(to_tsvector('english'::regconfig, t.subject), 'A')
          || setweight(to_tsvector('english'::regconfig, t.description), 'B')) @@ ticket_search_matches.tsq
  union all
  select c.ticket_id, c.id
    from public.ticket_comments c
   where c.org_id = ticket_search_matches.org_id
     and ticket_search_matches.org_id = any (array(select private.org_ids_for_user()))
     and setweight(to_tsvector('english'::regconfig, c.body), 'C') @@ ticket_search_matches.tsq
$$;
revoke all on function private.ticket_search_matches(uuid, tsquery) from public, anon;
grant execute on function private.ticket_search_matches(uuid, tsquery) to authenticated, service_role;

-- Section - search_tickets

/**
 * Searches an organization's tickets the caller may read.
 *
 * - query: websearch syntax (words, "exact phrase", -excluded, or). Null or blank lists tickets.
 * - filters: status_category, status_id, priority, assignee_id, team_id, requester_id (a value or a
 *   list; assignee_id / team_id null = unassigned), tag (a tag or a list: all of them), created_from
 *   (inclusive), created_to (exclusive). Any other key is refused.
 * - Sorted by rank desc, id desc with a query, else updated_at desc, id desc. `after` is the last row's
 *   sort key: {"rank": …, "id": …} or {"updated_at": …, "id": …}.
 * - page_size: 1–100.
 */
create or replace function public.search_tickets(
  org_id uuid,
  query text default null,
  filters jsonb default '{}',
  after jsonb default null,
  page_size integer default 50
)
returns setof public.ticket_search_hit
language plpgsql
stable
security invoker
set search_path = ''
as $$
#variable_conflict use_column
declare
  allowed constant text[] := array['status_category', 'status_id', 'priority', 'assignee_id', 'team_id',
    'requester_id', 'tag', 'created_from', 'created_to'];
  unknown_key text;
  tsq tsquery;
  f_categories public.ticket_status_category[];
  f_status_ids uuid[];
  f_priorities public.ticket_priority[];
  f_assignees uuid[];
  f_unassigned boolean := false;
  f_teams uuid[];
  f_no_team boolean := false;
  f_requesters uuid[];
  f_tags text[];
  f_created_from timestamptz;
  f_created_to timestamptz;
  after_id uuid;
  after_rank real;
  after_updated_at timestamptz;
  matched_tickets uuid[];
  matched_comments uuid[];
  headline_options constant text := 'StartSel=<b>, StopSel=</b>, MaxWords=30, MinWords=10, MaxFragments=2';
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
    if numnode(tsq) = 0 then
      return;  -- only stop words or punctuation: nothing can match
    end if;
  end if;

  -- Filters (whitelisted keys, typed values)
  if search_tickets.filters is not null and jsonb_typeof(search_tickets.filters) <> 'object' then
    perform private.refuse('filters must be an object, such as {"priority": "high"}.');
  end if;
  select k into unknown_key from jsonb_object_keys(coalesce(search_tickets.filters, '{}')) k
   where k <> all (allowed) order by k limit 1;
  if unknown_key is not null then
    perform private.refuse(format('Unknown filter "%s".', left(unknown_key, 40)),
      'Filter on ' || array_to_string(allowed, ', ') || '.');
  end if;
  begin
    f_categories := private.search_filter_texts(search_tickets.filters, 'status_category')::public.ticket_status_category[];
  exception when invalid_text_representation then
    perform private.refuse('Filter "status_category" takes open, in_progress, waiting_on_customer, resolved or closed.');
  end;
  begin
    f_priorities := private.search_filter_texts(search_tickets.filters, 'priority')::public.ticket_priority[];
  exception when invalid_text_representation then
    perform private.refuse('Filter "priority" takes urgent, high, medium or low.');
  end;
  f_status_ids := private.search_filter_uuids(search_tickets.filters, 'status_id');
  f_requesters := private.search_filter_uuids(search_tickets.filters, 'requester_id');
  if jsonb_typeof(search_tickets.filters -> 'assignee_id') = 'null' then
    f_unassigned := true;
  else
    f_assignees := private.search_filter_uuids(search_tickets.filters, 'assignee_id');
  end if;
  if jsonb_typeof(search_tickets.filters -> 'team_id') = 'null' then
    f_no_team := true;
  else
    f_teams := private.search_filter_uuids(search_tickets.filters, 'team_id');
  end if;
  f_tags := array(select lower(btrim(x)) from unnest(private.search_filter_texts(search_tickets.filters, 'tag')) x);
  if cardinality(f_tags) = 0 then
    f_tags := null;
  end if;
  f_created_from := private.search_filter_timestamp(search_tickets.filters, 'created_from');
  f_created_to := private.search_filter_timestamp(search_tickets.filters, 'created_to');

  -- Cursor: the last row's sort key
  if search_tickets.after is not null and jsonb_typeof(search_tickets.after) <> 'null' then
    if jsonb_typeof(search_tickets.after) <> 'object' or jsonb_typeof(search_tickets.after -> 'id') is distinct from 'string'
       or (search_tickets.after ->> 'id') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       or exists (select 1 from jsonb_object_keys(search_tickets.after) k
                   where k not in ('id', case when tsq is null then 'updated_at' else 'rank' end))
       or (tsq is null and jsonb_typeof(search_tickets.after -> 'updated_at') is distinct from 'string')
       or (tsq is not null and jsonb_typeof(search_tickets.after -> 'rank') is distinct from 'number') then
      perform private.refuse('after must be the last row''s sort key.',
        case when tsq is null then 'Pass {"updated_at": …, "id": …} of the last ticket.'
             else 'Pass {"rank": …, "id": …} of the last ticket.' end);
    end if;
    after_id := (search_tickets.after ->> 'id')::uuid;
    if tsq is null then
      begin
        after_updated_at := (search_tickets.after ->> 'updated_at')::timestamptz;
      exception when invalid_datetime_format or datetime_field_overflow then
        perform private.refuse('after must be the last row''s sort key.', 'updated_at is not a timestamp.');
      end;
    else
      after_rank := (search_tickets.after ->> 'rank')::real;
    end if;
  end if;

  if tsq is null then
    return query
      select t.id, t.org_id, t.number, t.subject, t.description, t.requester_id, t.priority, t.category, t.tags,
             t.custom_fields, t.assignee_id, t.team_id, t.status_id, t.status_category, t.resolution, t.reopen_reason,
             t.reopen_count, t.merged_into_id, t.status_changed_at, t.assigned_at, t.first_response_at, t.resolved_at,
             t.closed_at, t.reopened_at, t.created_by, t.updated_by, t.created_at, t.updated_at,
             null::real, null::text
        from public.tickets t
       where t.org_id = search_tickets.org_id
         and (f_categories is null or t.status_category = any (f_categories))
         and (f_status_ids is null or t.status_id = any (f_status_ids))
         and (f_priorities is null or t.priority = any (f_priorities))
         and (f_assignees is null or t.assignee_id = any (f_assignees))
         and (not f_unassigned or t.assignee_id is null)
         and (f_teams is null or t.team_id = any (f_teams))
         and (not f_no_team or t.team_id is null)
         and (f_requesters is null or t.requester_id = any (f_requesters))
         and (f_tags is null or t.tags @> f_tags)
         and (f_created_from is null or t.created_at >= f_created_from)
         and (f_created_to is null or t.created_at < f_created_to)
         and (after_id is null or (t.updated_at, t.id) < (after_updated_at, after_id))
       order by t.updated_at desc, t.id desc
       limit search_tickets.page_size;
    return;
  end if;

  -- candidates through the GIN indexes; everything below reads them by id, as the caller (RLS)
  select coalesce(array_agg(m.ticket_id) filter (where m.comment_id is null), '{}'),
         coalesce(array_agg(m.comment_id) filter (where m.comment_id is not null), '{}')
    into matched_tickets, matched_comments
    from private.ticket_search_matches(search_tickets.org_id, tsq) m;

  return query
    with matches as (
      -- tickets whose own text matches, and tickets with a matching comment the caller may read
      select t.id as ticket_id from public.tickets t where t.id = any (matched_tickets)
      union
      select c.ticket_id from public.ticket_comments c where c.id = any (matched_comments)
    ),
    ranked as (
      select t.*,
             (ts_rank(setweight(to_tsvector('english'::regconfig, t.subject), 'A')
                      || setweight(to_tsvector('english'::regconfig, t.description), 'B'), tsq)
              + coalesce((select max(ts_rank(setweight(to_tsvector('english'::regconfig, c.body), 'C'), tsq))
                            from public.ticket_comments c
                           where c.id = any (matched_comments) and c.ticket_id = t.id), 0))::real as rank
        from matches m
        join public.tickets t on t.id = m.ticket_id
       where t.org_id = search_tickets.org_id
         and (f_categories is null or t.status_category = any (f_categories))
         and (f_status_ids is null or t.status_id = any (f_status_ids))
         and (f_priorities is null or t.priority = any (f_priorities))
         and (f_assignees is null or t.assignee_id = any (f_assignees))
         and (not f_unassigned or t.assignee_id is null)
         and (f_teams is null or t.team_id = any (f_teams))
         and (not f_no_team or t.team_id is null)
         and (f_requesters is null or t.requester_id = any (f_requesters))
         and (f_tags is null or t.tags @> f_tags)
         and (f_created_from is null or t.created_at >= f_created_from)
         and (f_created_to is null or t.created_at < f_created_to)
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
             when p.id = any (matched_tickets)
               then ts_headline('english'::regconfig, p.subject || E'\n' || p.description, tsq, headline_options)
             else (select ts_headline('english'::regconfig, c.body, tsq, headline_options)
                     from public.ticket_comments c
                    where c.id = any (matched_comments) and c.ticket_id = p.id
                    order by ts_rank(setweight(to_tsvector('english'::regconfig, c.body), 'C'), tsq) desc, c.created_at, c.id
                    limit 1)
           end
      from page p
     order by p.rank desc, p.id desc;
end;
$$;
comment on function public.search_tickets(uuid, text, jsonb, jsonb, integer) is
  'Full-text search of an organization''s tickets the caller may read, with filters and keyset pagination.';
revoke all on function public.search_tickets(uuid, text, jsonb, jsonb, integer) from public, anon;
grant execute on function public.search_tickets(uuid, text, jsonb, jsonb, integer) to authenticated, service_role;
