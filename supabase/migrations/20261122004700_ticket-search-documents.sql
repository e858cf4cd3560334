/**
 * Ticket search over stored documents: the weighted text of every ticket and comment is kept, already
 * parsed, in two private side tables, so that a search reads ranks instead of re-parsing the text of
 * each match (to_tsvector per match was most of a search's time).
 *
 * Why side tables rather than tsvector columns on tickets and ticket_comments: those rows are
 * compared whole by triggers (to_jsonb(new) vs old), copied by the audit log and returned by
 * `select *`; a document column would weigh on all three. The side tables live in the private
 * schema (not exposed by the API; no grant to anon or authenticated) and are kept by after-row
 * triggers of their own: one insert per new ticket or comment, an update when its text changes or a
 * comment moves to another ticket (split, merge); a deleted ticket or comment takes its document
 * with it (foreign keys).
 *
 * Documents (unchanged): a ticket is its subject (weight A) and description (weight B), a comment its
 * body (weight C), with the `english` configuration. Indexes: GIN on the document, and (org_id,
 * created_at) for an organization's newest documents. The planner serves a small organization from
 * the latter (its own documents, tested one by one) and a large one from the GIN index. A GIN index on
 * (document, org_id) (btree_gin, available here and on Supabase Cloud) would also keep other
 * organizations' matches out of a mid-sized one's search, but walks the organization's postings for
 * every match: +36% CPU for a three-word search of the one-organization benchmark.
 *
 * Recency cap: when more than 4,000 documents (tickets and comments) match, only the 4,000 most
 * recently written count. A common word matches tens of thousands of documents; ranking all of them
 * and reading each as the caller would take seconds, and recent tickets are the ones looked for.
 *
 * search_tickets keeps its contract and its security: candidates come from the documents through
 * the security-definer helper (the only way to use the indexes under RLS, `@@` not being leakproof),
 * and every ticket and comment is then read by id as the caller, so RLS decides what is found.
 */

-- Section - Documents

-- The expression indexes go first: the migration then holds its strongest lock on both tables from the
-- start, rather than upgrading to it at the end (a deadlock with the cron jobs that update tickets).
drop index public.tickets_search_idx;
drop index public.ticket_comments_search_idx;

/** A ticket's search document: subject (A) and description (B). */
create or replace function private.ticket_search_document(subject text, description text)
returns tsvector
language sql
immutable
parallel safe
set search_path = ''
as $$
  select setweight(to_tsvector('english'::regconfig, subject), 'A') || setweight(to_tsvector('english'::regconfig, description), 'B')
$$;

/** A comment's search document: its body (C). */
create or replace function private.comment_search_document(body text)
returns tsvector
language sql
immutable
parallel safe
set search_path = ''
as $$
  select setweight(to_tsvector('english'::regconfig, body), 'C')
$$;

-- org_id and created_at are the row's, copied: searches filter on the one and cap by the other.
create table private.ticket_search_documents (
  ticket_id uuid primary key references public.tickets (id) on delete cascade,
  org_id uuid not null,
  created_at timestamptz not null,
  document tsvector not null
);
comment on table private.ticket_search_documents is 'Search documents of tickets (subject A, description B), kept by trigger.';

create table private.comment_search_documents (
  comment_id uuid primary key references public.ticket_comments (id) on delete cascade,
  -- Follows the comment when it moves to another ticket.
  ticket_id uuid not null,
  org_id uuid not null,
  created_at timestamptz not null,
  document tsvector not null
);
comment on table private.comment_search_documents is 'Search documents of ticket comments (body C), kept by trigger.';

revoke all on private.ticket_search_documents, private.comment_search_documents from public, anon, authenticated;

-- Section - Triggers

/** Keeps a ticket's document: written when it is raised, rewritten when its text changes. */
create or replace function private.trigger_ticket_search_document()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into private.ticket_search_documents (ticket_id, org_id, created_at, document)
    values (new.id, new.org_id, new.created_at, private.ticket_search_document(new.subject, new.description));
  else
    update private.ticket_search_documents d
       set org_id = new.org_id, created_at = new.created_at,
           document = private.ticket_search_document(new.subject, new.description)
     where d.ticket_id = new.id;
  end if;
  return null;
end;
$$;

create trigger tickets_search_document_insert after insert on public.tickets
  for each row execute function private.trigger_ticket_search_document();
create trigger tickets_search_document_update after update of subject, description, org_id, created_at on public.tickets
  for each row
  when (new.subject is distinct from old.subject or new.description is distinct from old.description
        or new.org_id is distinct from old.org_id or new.created_at is distinct from old.created_at)
  execute function private.trigger_ticket_search_document();

/** Keeps a comment's document: written with the comment, rewritten when its text changes, moved with it. */
create or replace function private.trigger_comment_search_document()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into private.comment_search_documents (comment_id, ticket_id, org_id, created_at, document)
    values (new.id, new.ticket_id, new.org_id, new.created_at, private.comment_search_document(new.body));
  else
    update private.comment_search_documents d
       set ticket_id = new.ticket_id, org_id = new.org_id,
           document = case when new.body = old.body then d.document else private.comment_search_document(new.body) end
     where d.comment_id = new.id;
  end if;
  return null;
end;
$$;

create trigger ticket_comments_search_document_insert after insert on public.ticket_comments
  for each row execute function private.trigger_comment_search_document();
create trigger ticket_comments_search_document_update after update of body, ticket_id, org_id on public.ticket_comments
  for each row
  when (new.body is distinct from old.body or new.ticket_id is distinct from old.ticket_id or new.org_id is distinct from old.org_id)
  execute function private.trigger_comment_search_document();

-- Section - Backfill, then the indexes (built once: faster than row by row)

insert into private.ticket_search_documents (ticket_id, org_id, created_at, document)
select t.id, t.org_id, t.created_at, private.ticket_search_document(t.subject, t.description) from public.tickets t;
insert into private.comment_search_documents (comment_id, ticket_id, org_id, created_at, document)
select c.id, c.ticket_id, c.org_id, c.created_at, private.comment_search_document(c.body) from public.ticket_comments c;

create index ticket_search_documents_search_idx on private.ticket_search_documents using gin (document);
create index comment_search_documents_search_idx on private.comment_search_documents using gin (document);
create index ticket_search_documents_recent_idx on private.ticket_search_documents (org_id, created_at desc);
create index comment_search_documents_recent_idx on private.comment_search_documents (org_id, created_at desc);

-- Section - Matching

drop function private.ticket_search_matches(uuid, tsquery);

/**
 * The tickets of one organization matching a query, for its members only: one row per ticket that
 * matches or has a matching comment, with its own text's relevance (ts_rank of the stored document),
 * whether its own text matches, and its matching comments with theirs, best first. Only the 4,000 most
 * recent matching documents count (the cap, see the header). A ticket found through a comment still
 * gets its own text's rank: ts_rank also scores partial matches, and search_tickets adds it to the
 * comment's, as it always did.
 *
 * Staff search the organization's documents; anyone else only those of the tickets they raised or
 * follow (the only ones RLS could let them read), tested one by one, so that neither the cap nor the
 * organization's size weighs on a customer's search. For staff, how the newest matches are found
 * depends on how common the query is: when at least one in ten of the organization's 200 newest
 * documents matches, walking the documents from the newest is quickest; otherwise the index finds
 * every match and the newest are kept. The planner cannot tell the two cases apart (it walks for a
 * word matching one document in a hundred, visiting 400,000), so walks test documents with
 * ts_match_vq (`@@` as a function: no index serves it) and the other way is planned on its own. Plans
 * are made per call: they depend on the organization, the caller and the words.
 *
 * Why a security-definer helper: `@@` is not leakproof, so under RLS Postgres may not use it as an
 * index condition (it would run before the policies) and a search falls back to a sequential scan.
 * This helper only finds candidates through the indexes; search_tickets then reads tickets and
 * comments by id as the caller, so RLS still decides what is found and shown (internal notes included).
 */
create function private.ticket_search_matches(org_id uuid, tsq tsquery)
returns table (ticket_id uuid, rank real, matched boolean, comment_ids uuid[], comment_ranks real[])
language sql
stable
security definer
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
  with member as (
    select ticket_search_matches.org_id = any (array(select private.org_ids_for_user())) as yes
  ),
  -- staff may read the organization's tickets; anyone else at most their own, so only those are searched
  -- (what is found is still up to RLS: this only leaves out what the caller could never read)
  staff as (
    select ticket_search_matches.org_id = any (array(select private.org_ids_with_permission('tickets.view'))) as yes
  ),
  mine as (
    select t.id from private.ticket_ids_requested_by_me() t (id) where not (select s.yes from staff s)
  ),
  -- the organization's documents of both kinds (filtered outside the union, so that each table's indexes serve)
  documents as not materialized (
    select d.ticket_id, null::uuid as comment_id, d.org_id, d.created_at, d.document from private.ticket_search_documents d
    union all
    select d.ticket_id, d.comment_id, d.org_id, d.created_at, d.document from private.comment_search_documents d
  ),
  common as (
    select count(*) filter (where n.document @@ ticket_search_matches.tsq) >= 20 as yes
      from (select d.document from documents d
             where d.org_id = ticket_search_matches.org_id and (select m.yes from member m) and (select s.yes from staff s)
             order by d.created_at desc
             limit 200) n
  ),
  matches as materialized (
    select w.ticket_id, w.comment_id, ts_rank(w.document, ticket_search_matches.tsq) as rank
      from (select d.ticket_id, d.comment_id, d.document from documents d
             where d.org_id = ticket_search_matches.org_id and (select m.yes from member m) and (select s.yes from staff s)
               and (select c.yes from common c) and ts_match_vq(d.document, ticket_search_matches.tsq)
             order by d.created_at desc
             limit 4000) w
    union all
    (select f.ticket_id, f.comment_id, f.rank
       from (select d.ticket_id, d.comment_id, d.created_at, ts_rank(d.document, ticket_search_matches.tsq) as rank
               from documents d
              where d.org_id = ticket_search_matches.org_id and (select m.yes from member m) and (select s.yes from staff s)
                and not (select c.yes from common c) and d.document @@ ticket_search_matches.tsq
             offset 0) f  -- planned on its own, not as a walk from the newest
      order by f.created_at desc
      limit 4000)
    union all
    (select f.ticket_id, f.comment_id, f.rank
       from (select d.ticket_id, null::uuid as comment_id, d.created_at, ts_rank(d.document, ticket_search_matches.tsq) as rank
               from private.ticket_search_documents d
              where d.ticket_id in (select m.id from mine m) and d.org_id = ticket_search_matches.org_id
                and (select m.yes from member m) and ts_match_vq(d.document, ticket_search_matches.tsq)
             union all
             select d.ticket_id, d.comment_id, d.created_at, ts_rank(d.document, ticket_search_matches.tsq)
               from public.ticket_comments c
               join private.comment_search_documents d on d.comment_id = c.id
              where c.ticket_id in (select m.id from mine m) and d.org_id = ticket_search_matches.org_id
                and (select m.yes from member m) and ts_match_vq(d.document, ticket_search_matches.tsq)) f
      order by f.created_at desc
      limit 4000)
  ),
  own as (
    select m.ticket_id, m.rank, true as matched
      from matches m
     where m.comment_id is null
    union all
    select d.ticket_id, ts_rank(d.document, ticket_search_matches.tsq), d.document @@ ticket_search_matches.tsq
      from (select m.ticket_id from matches m where m.comment_id is not null
            except
            select m.ticket_id from matches m where m.comment_id is null) c
      join private.ticket_search_documents d on d.ticket_id = c.ticket_id
  ),
  comments as (
    select m.ticket_id, array_agg(m.comment_id order by m.rank desc, m.comment_id) as ids,
           array_agg(m.rank order by m.rank desc, m.comment_id) as ranks
      from matches m
     where m.comment_id is not null
     group by m.ticket_id
  )
  select o.ticket_id, o.rank, o.matched, c.ids, c.ranks
    from own o
    left join comments c on c.ticket_id = o.ticket_id
$$;
revoke all on function private.ticket_search_matches(uuid, tsquery) from public, anon;
grant execute on function private.ticket_search_matches(uuid, tsquery) to authenticated, service_role;

-- Section - search_tickets

/**
 * Searches an organization's tickets the caller may read (unchanged, but for ranks read from the stored
 * documents and the recency cap of a query matching more than 4,000 documents: see the header).
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
  hit record;
  page_ids uuid[] := '{}';
  page_ranks real[] := '{}';
  page_own_matches boolean[] := '{}';
  page_best_comments uuid[] := '{}';
  lowest_rank real;
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

  -- Candidates come from the stored documents; they are read by id as the caller (RLS decides what is
  -- found), in order of the rank each could reach: its own text's plus its best matching comment's. A
  -- caller who may not read that comment gets a lower rank, so reading goes on until no candidate left
  -- could still make the page (for staff, who read every comment, just past the page itself).
  for hit in
    select k.ticket_id as id, (k.rank + coalesce(b.rank, 0))::real as rank, k.matched as own_match,
           b.comment_id as best_comment_id, k.bound
      from (select m.*, (m.rank + coalesce(m.comment_ranks[1], 0))::real as bound
              from private.ticket_search_matches(search_tickets.org_id, tsq) m
             order by bound desc, m.ticket_id desc
            offset 0) k
      join public.tickets t on t.id = k.ticket_id
      left join lateral (
        -- the best matching comment the caller may read
        select x.comment_id, x.rank
          from unnest(k.comment_ids, k.comment_ranks) with ordinality x (comment_id, rank, n)
          join public.ticket_comments c on c.id = x.comment_id and c.ticket_id = k.ticket_id
         order by x.n
         limit 1) b on true
     where (k.matched or b.comment_id is not null)
       and t.org_id = search_tickets.org_id
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
       and (after_id is null or ((k.rank + coalesce(b.rank, 0))::real, t.id) < (after_rank, after_id))
     order by k.bound desc, k.ticket_id desc
  loop
    exit when cardinality(page_ids) >= search_tickets.page_size and hit.bound < lowest_rank;
    page_ids := page_ids || hit.id;
    page_ranks := page_ranks || hit.rank;
    page_own_matches := page_own_matches || hit.own_match;
    page_best_comments := page_best_comments || hit.best_comment_id;
    if cardinality(page_ids) >= search_tickets.page_size then
      lowest_rank := (select r from unnest(page_ranks) r order by r desc offset search_tickets.page_size - 1 limit 1);
    end if;
  end loop;

  return query
    select t.id, t.org_id, t.number, t.subject, t.description, t.requester_id, t.priority, t.category, t.tags,
           t.custom_fields, t.assignee_id, t.team_id, t.status_id, t.status_category, t.resolution, t.reopen_reason,
           t.reopen_count, t.merged_into_id, t.status_changed_at, t.assigned_at, t.first_response_at, t.resolved_at,
           t.closed_at, t.reopened_at, t.created_by, t.updated_by, t.created_at, t.updated_at,
           p.rank,
           -- snippets only from text the caller reads: the ticket, else its best comment visible to them (RLS)
           case
             when p.own_match
               then ts_headline('english'::regconfig, t.subject || E'\n' || t.description, tsq, headline_options)
             else (select ts_headline('english'::regconfig, c.body, tsq, headline_options)
                     from public.ticket_comments c where c.id = p.best_comment_id)
           end,
           t.sla_state, t.first_response_due_at, t.next_response_due_at, t.resolution_due_at,
           jsonb_build_object('rank', p.rank, 'id', t.id)
      from unnest(page_ids, page_ranks, page_own_matches, page_best_comments) p (id, rank, own_match, best_comment_id)
      join public.tickets t on t.id = p.id
     order by p.rank desc, t.id desc
     limit search_tickets.page_size;
end;
$$;
revoke all on function public.search_tickets(uuid, text, jsonb, jsonb, integer, text) from public, anon;
grant execute on function public.search_tickets(uuid, text, jsonb, jsonb, integer, text) to authenticated, service_role;
