/**
 * The helpdesk data set of the tickets benchmark: one organization with 1,000,000 tickets and
 * 5,000,000 comments, 50 agents in 5 teams and 50,000 customers, created once per benchmark stack
 * (an organization with BENCH_SLUG means it is there: the whole seed is one transaction).
 *
 * Set-based SQL with triggers off (session_replication_role = replica) for the bulk rows, filling
 * every column the triggers would have filled when the tickets were raised and worked over two years:
 * per-day numbers and counters, status categories and lifecycle stamps, first responses from the
 * agents' first public replies, SLA due times, pause and state (through the SLA functions themselves),
 * normalized tags, comments' organization and publication, and the search documents (written with the
 * rows; their indexes, like the tables' secondary ones, are rebuilt after the load). Users, the
 * organization, memberships and teams go through their triggers. Not generated: the timeline
 * (ticket_events) and stored broadcasts, which no measured query reads.
 *
 * Texts have the word statistics of support mail, which is what search depends on (they are not
 * sentences; see vocabulary.ts): each word a Zipf draw, part from the general vocabulary and part from
 * the ticket's topic (so that a topic's words occur together), greetings and sign-offs with names,
 * order numbers, product model codes and misspellings. About 3,000 words, 250,000 model codes and a
 * million order numbers: the most common words are in tens of percent of the documents, a topic's
 * everyday words in a few percent, most words in a fraction of a percent.
 */
import type pg from 'pg';
import { FIRST_NAMES, GENERAL, LAST_NAMES, MODEL_PREFIXES, TOPIC_WEIGHTS, TOPICS } from './vocabulary.ts';

export const BENCH_SLUG = 'bench-helpdesk';
/** BENCH_TICKETS_COUNT shrinks the data set for a quick trial run (the figures then mean little). */
export const TICKETS = Number(process.env.BENCH_TICKETS_COUNT ?? 1_000_000);
/** Comments come in pairs of tickets whose counts add up to 10 (1–9 each): exactly 5 per ticket on average. */
export const COMMENTS = TICKETS * 5;
export const AGENTS = 50;
export const CUSTOMERS = 50_000;
const TEAMS = ['Billing', 'Technical', 'Onboarding', 'Shipping', 'Enterprise'];
const TAGS = ['billing', 'refund', 'invoice', 'bug', 'login', 'password', 'shipping', 'delivery', 'damaged', 'vip', 'api',
  'mobile', 'ios', 'android', 'web', 'export', 'import', 'integration', 'slack', 'email', 'sso', 'outage', 'feature-request',
  'cancellation', 'upgrade', 'downgrade', 'trial', 'gdpr', 'security', 'performance'];
const CATEGORIES = ['Billing', 'Account', 'Technical', 'Shipping', 'Feedback', 'Other'];
/** A uniform number in [0, 1) derived from a row key and a salt (repeatable, unlike random()). */
const u = (key: string, salt: number) => `((hashint8extended((${key})::bigint, ${salt}) & 1048575)::float8 / 1048576)`;
/** A Zipf-distributed rank in 1..n (P(r) ∝ 1/r) from a uniform number in [0, 1). */
const zipf = (uniform: string, n: string | number) => `least(${n}, floor(exp(${uniform} * ln(${n} + 1)))::int)`;
/** A word list as an SQL array constant (constants are read in place: an array per word drawn would be the seed's cost). */
const words = (list: string[]) => `array[${list.map((w) => `'${w}'`).join(',')}]::text[]`;
const TOPIC_LISTS = Object.values(TOPICS);
/** Topic numbers (1-based, TOPICS' order) of tickets about a product, which name its model. */
const PRODUCT_TOPICS = ['returns', 'appliances', 'devices'].map((name) => Object.keys(TOPICS).indexOf(name) + 1);
const byTopic = (topic: string, value: (list: string[]) => string) =>
  `case ${topic} ${TOPIC_LISTS.map((list, i) => `when ${i + 1} then ${value(list)}`).join(' ')} end`;

/**
 * SQL for a text of `count` words (1–63), keyed by `key`: each word a Zipf draw from the topic's
 * list with probability topicShare, else from GENERAL; the first letter capitalized.
 */
function textSql(key: string, topic: string, count: string, topicShare: number, salt: number) {
  const uniform = (bit: number) => `((h >> ${bit}) & 1048575)::float8 / 1048576`;
  const text = `(select string_agg(
      case when ((h >> 40) & 1023) < ${Math.round(topicShare * 1024)}
           then (${byTopic(topic, words)})[${zipf(uniform(20), byTopic(topic, (list) => String(list.length)))}]
           else (${words(GENERAL)})[${zipf(uniform(0), GENERAL.length)}] end, ' ')
      from (select hashint8extended((${key}) * 64 + i, ${salt}) as h from generate_series(1, ${count}) i) drawn)`;
  return `(select upper(left(t, 1)) || substr(t, 2) from (select ${text} as t) text)`;
}

/** The long tail of real support text: order numbers (one per ticket), product models (Zipf over ~250,000), names. */
const orderNumberSql = (ticket: string) => `'#' || (10000000 + (hashint8extended((${ticket})::bigint, 40) & 67108863))`;
const modelSql = (ticket: string) =>
  `upper((${words(MODEL_PREFIXES)})[${zipf(u(ticket, 41), MODEL_PREFIXES.length)}]) || '-' || (99 + ${zipf(u(ticket, 42), 9900)})`;
const firstNameSql = (person: string) => `initcap((${words(FIRST_NAMES)})[1 + (${person}) % ${FIRST_NAMES.length}])`;
const fullNameSql = (person: string) =>
  `${firstNameSql(person)} || ' ' || initcap((${words(LAST_NAMES)})[1 + ((${person}) / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}])`;

async function timed(db: pg.Client, label: string, sql: string, params: unknown[] = []) {
  const started = performance.now();
  await db.query(sql, params);
  console.log(`  seed: ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

/** SQL for the id of agent i (1 owns the organization). */
export const agentId = (i: number | string) => `md5('bench-agent-' || ${i})::uuid`;

/** The benchmark organization's id, or null when the data set is not there yet. */
export async function seededOrg(db: pg.Client): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>('select id from public.organizations where slug = $1', [BENCH_SLUG]);
  return rows[0]?.id ?? null;
}

async function seedPeople(db: pg.Client) {
  await timed(db, `${AGENTS} agents and ${CUSTOMERS} customers`, `
    insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at, raw_app_meta_data,
                            raw_user_meta_data, created_at, updated_at)
    select '00000000-0000-0000-0000-000000000000', md5('bench-' || kind || '-' || i)::uuid, 'authenticated', 'authenticated',
           format('%s%s@bench.supportdesk.test', kind, i), now(), '{"provider": "email", "providers": ["email"]}',
           jsonb_build_object('display_name', initcap(kind) || ' ' || i), now() - interval '2 years', now()
      from (select 'agent' as kind, i from generate_series(1, ${AGENTS}) i
            union all select 'customer', i from generate_series(1, ${CUSTOMERS}) i) people`);
  await db.query(`insert into public.organizations (name, slug, created_by) values ('Bench Helpdesk', '${BENCH_SLUG}', ${agentId(1)})`);
  const org = `(select id from public.organizations where slug = '${BENCH_SLUG}')`;
  await timed(db, 'memberships', `
    insert into public.memberships (org_id, user_id, role_id)
    select ${org}, md5('bench-' || kind || '-' || i)::uuid, (select r.id from public.roles r where r.org_id is null and r.key = kind)
      from (select 'agent' as kind, i from generate_series(2, ${AGENTS}) i
            union all select 'customer', i from generate_series(1, ${CUSTOMERS}) i) people`);
  await db.query(`insert into public.teams (org_id, name) select ${org}, t from unnest($1::text[]) t`, [TEAMS]);
  // agent i joins the (i mod 5)-th team in name order
  await db.query(`
    insert into public.team_members (team_id, user_id, org_id)
    select t.id, ${agentId('i')}, t.org_id
      from (select id, org_id, row_number() over (order by name) - 1 as ordinal from public.teams where org_id = ${org}) t
      join generate_series(1, ${AGENTS}) i on i % ${TEAMS.length} = t.ordinal`);
}

/** One row per ticket with every decision about it (dates, people, status, comment count). */
function planSql(orgId: string) {
  let share = 0;
  const topicSql = `case ${TOPIC_WEIGHTS.slice(0, -1).map((weight, i) => `when ${u('n', 18)} < ${(share += weight)} then ${i + 1}`).join(' ')}
                    else ${TOPIC_WEIGHTS.length} end`;
  const gap = `least((now() - created_at) / (comments + 2), interval '1 hour' * (1 + 20 * ${u('n', 3)}))`;
  return `
    create temp table bench_plan on commit drop as
    with base as (
      select n, now() - interval '730 days' * power(${u('n', 1)}, 1.3) as created_at,
             5 + (floor(${u('(n + 1) / 2', 2)} * 9)::int - 4) * case when n % 2 = 1 then 1 else -1 end as comments,
             ${u('n', 4)} as s
        from generate_series(1, ${TICKETS}) n
    ), staged as (
      select b.*, ${gap} as gap,
             case when now() - created_at < interval '2 days' then
                    case when s < 0.35 then 'open' when s < 0.65 then 'in_progress' when s < 0.8 then 'waiting_on_customer' else 'resolved' end
                  when now() - created_at < interval '30 days' then
                    case when s < 0.06 then 'open' when s < 0.14 then 'in_progress' when s < 0.2 then 'waiting_on_customer'
                         when s < 0.6 then 'resolved' else 'closed' end
                  else case when s < 0.004 then 'open' when s < 0.01 then 'in_progress' when s < 0.012 then 'waiting_on_customer'
                            when s < 0.2 then 'resolved' else 'closed' end
             end as category0
        from base b
    ), replies as (
      -- odd comments are agents' (a fifth of them internal notes), even ones the requester's
      select s.*,
             (select min(j) from generate_series(1, comments, 2) j where ${u('n * 16 + j', 11)} >= 0.2) as first_reply,
             (select max(j) from generate_series(1, comments, 2) j where ${u('n * 16 + j', 11)} >= 0.2) as last_reply
        from staged s
    )
    select n, gen_random_uuid() as id, created_at, comments, gap,
           -- a requester's last word moves a ticket waiting on them back to in progress
           (case when category0 = 'waiting_on_customer' and comments % 2 = 0 then 'in_progress' else category0 end)::public.ticket_status_category as category,
           first_reply,
           case when first_reply is not null and last_reply + 1 <= comments then last_reply + 1 end as requester_waiting_from,
           (case when ${u('n', 5)} < 0.05 then 'urgent' when ${u('n', 5)} < 0.25 then 'high' when ${u('n', 5)} < 0.75 then 'medium' else 'low' end)::public.ticket_priority as priority,
           case when ${u('n', 6)} < 0.85 and not (category0 = 'open' and ${u('n', 6)} >= 0.4) then 1 + floor(${AGENTS} * power(${u('n', 7)}, 1.5))::int end as assignee,
           1 + floor(${AGENTS} * ${u('n', 12)})::int as any_agent,
           case when ${u('n', 8)} < 0.8 then 1 + floor(${TEAMS.length} * ${u('n', 9)})::int end as team,
           1 + floor(${CUSTOMERS} * power(${u('n', 10)}, 1.5))::int as requester,
           ${u('n', 13)} < 0.2 as raised_by_agent,
           case when ${u('n', 14)} < 0.9 then (array[${CATEGORIES.map((c) => `'${c}'`).join(',')}])[1 + floor(${CATEGORIES.length} * ${u('n', 15)})::int] end as ticket_category,
           array(select distinct (array[${TAGS.map((t) => `'${t}'`).join(',')}])[1 + floor(${TAGS.length} * power(${u('n * 4 + i', 16)}, 1.7))::int]
                   from generate_series(1, floor(4 * ${u('n', 17)})::int) i order by 1) as tags,
           ${topicSql} as topic
      from replies
     -- rows are stored in the order they were written, as tables that grow by insertion are
     order by created_at;
    create temp table bench_agents on commit drop as
    select i, ${agentId('i')} as id from generate_series(1, ${AGENTS}) i;
    create temp table bench_teams on commit drop as
    select row_number() over (order by name)::int as i, id from public.teams where org_id = '${orgId}';`;
}

/** Tickets and their search documents. */
function ticketsSql(orgId: string) {
  const at = (j: string) => `p.created_at + p.gap * (${j})`;
  const aboutProduct = `s.topic in (${PRODUCT_TOPICS.join(', ')})`;
  const subject = `${textSql('s.n', 's.topic', `3 + floor(6 * ${u('s.n', 30)})::int`, 0.6, 31)}
    || case when ${aboutProduct} and ${u('s.n', 32)} < 0.25 then ' ' || ${modelSql('s.n')} else '' end`;
  const description = `${textSql('s.n', 's.topic', `12 + floor(29 * ${u('s.n', 33)})::int`, 0.35, 34)} || '.'
    || case when ${u('s.n', 35)} < 0.4 then ' Order ' || ${orderNumberSql('s.n')} || '.' else '' end
    || case when ${u('s.n', 36)} < (case when ${aboutProduct} then 0.6 else 0.05 end) then ' Model ' || ${modelSql('s.n')} || '.' else '' end`;
  return `
    with org as (select o.ticket_prefix, o.time_zone from public.organizations o where o.id = '${orgId}'),
    dated as (
      select p.*, (p.created_at at time zone org.time_zone)::date as day, org.ticket_prefix,
             row_number() over (partition by (p.created_at at time zone org.time_zone)::date order by p.created_at, p.n) as day_number,
             ${at('p.comments + 1')} as resolved_moment
        from bench_plan p, org
    ), lifecycle as (
      select d.*,
             case when d.category in ('resolved', 'closed') then d.resolved_moment end as resolved_at,
             case when d.category = 'closed' then d.resolved_moment + least(interval '3 days', (now() - d.resolved_moment) / 2) end as closed_at,
             case when d.first_reply is not null then d.created_at + d.gap * d.first_reply end as first_response_at,
             case when d.assignee is not null then d.created_at + least(d.gap / 2, interval '10 minutes') end as assigned_at
        from dated d
    ), stamped as (
      select l.*,
             case l.category when 'open' then l.created_at
                             when 'in_progress' then l.created_at + l.gap
                             when 'waiting_on_customer' then l.created_at + l.gap * l.comments
                             when 'resolved' then l.resolved_at
                             else l.closed_at end as status_changed_at
        from lifecycle l
    ), inserted as (
    insert into public.tickets (id, org_id, number, subject, description, requester_id, priority, category, tags, custom_fields,
      assignee_id, team_id, status_id, status_category, reopen_count, status_changed_at, assigned_at, first_response_at,
      resolved_at, closed_at, created_by, updated_by, created_at, updated_at, next_response_started_at, sla_paused_minutes, sla_state)
    select s.id, '${orgId}', format('%s-%s-%s', s.ticket_prefix, to_char(s.day, 'YYYYMMDD'), lpad(s.day_number::text, greatest(4, char_length(s.day_number::text)), '0')),
           left(${subject}, 200), ${description},
           md5('bench-customer-' || s.requester)::uuid, s.priority, s.ticket_category, s.tags, '{}',
           assignee.id, team.id, status.id, s.category, 0, s.status_changed_at, s.assigned_at, s.first_response_at,
           s.resolved_at, s.closed_at,
           case when s.raised_by_agent then author.id else md5('bench-customer-' || s.requester)::uuid end,
           -- the last writer: whoever works the ticket
           coalesce(assignee.id, author.id),
           s.created_at, greatest(s.created_at, s.status_changed_at, s.first_response_at, s.assigned_at),
           case when s.category not in ('resolved', 'closed') and s.requester_waiting_from is not null
                then s.created_at + s.gap * s.requester_waiting_from end,
           0, 'ok'
      from stamped s
      join bench_agents author on author.i = s.any_agent
      left join bench_agents assignee on assignee.i = s.assignee
      left join bench_teams team on team.i = s.team
      join public.ticket_statuses status on status.org_id = '${orgId}' and status.category = s.category and status.is_default
    returning id, org_id, created_at, subject, description
    )
    insert into private.ticket_search_documents (ticket_id, org_id, created_at, document)
    select i.id, i.org_id, i.created_at, private.ticket_search_document(i.subject, i.description) from inserted i;
    insert into private.ticket_number_counters (org_id, day, last_number)
    select '${orgId}', (created_at at time zone (select time_zone from public.organizations where id = '${orgId}'))::date, count(*)
      from public.tickets where org_id = '${orgId}' group by 2;`;
}

/** Comments and their search documents: requesters' replies, agents' replies (greeting and sign-off) and internal notes. */
function commentsSql(orgId: string) {
  const key = 'p.n * 16 + j';
  const internal = `j % 2 = 1 and ${u(key, 11)} < 0.2`;
  const agent = 'coalesce(p.assignee, p.any_agent)';
  const body = `case
      when j % 2 = 0 then ${textSql(key, 'p.topic', `5 + floor(26 * ${u(key, 37)})::int`, 0.3, 38)} || '.'
        || case when ${u(key, 39)} < 0.15 then ' Order ' || ${orderNumberSql('p.n')} || '.' else '' end
        || case when ${u(key, 43)} < 0.5 then ' Thanks, ' || ${fullNameSql('p.requester')} || '.' else '' end
      when ${internal} then ${textSql(key, 'p.topic', `4 + floor(21 * ${u(key, 37)})::int`, 0.4, 44)} || '.'
      else 'Hi ' || ${firstNameSql('p.requester')} || ', ' || ${textSql(key, 'p.topic', `8 + floor(28 * ${u(key, 37)})::int`, 0.3, 45)}
        || '. Best, ' || ${firstNameSql(`${agent} * 7`)} || '.'
    end`;
  return `
    with inserted as (
    insert into public.ticket_comments (org_id, ticket_id, author_id, body, is_internal, published_at, created_at, updated_at)
    select '${orgId}', p.id,
           case when j % 2 = 1 then coalesce(assignee.id, author.id) else md5('bench-customer-' || p.requester)::uuid end,
           ${body},
           ${internal},
           p.created_at + p.gap * j, p.created_at + p.gap * j, p.created_at + p.gap * j
      from bench_plan p
      cross join generate_series(1, p.comments) j
      join bench_agents author on author.i = p.any_agent
      left join bench_agents assignee on assignee.i = p.assignee
    returning id, ticket_id, org_id, created_at, body
    )
    insert into private.comment_search_documents (comment_id, ticket_id, org_id, created_at, document)
    select i.id, i.ticket_id, i.org_id, i.created_at, private.comment_search_document(i.body) from inserted i;`;
}

/** SLA clocks of the tickets still running, computed by the SLA migration's own functions. */
function slaSql(orgId: string) {
  return `
    update public.tickets t set
      first_response_due_at = case when t.first_response_at is null
        then private.sla_due(t.org_id, t.created_at, p.first_response_minutes, p.business_hours_only) end,
      resolution_due_at = private.sla_due(t.org_id, t.created_at, p.resolution_minutes, p.business_hours_only),
      next_response_due_at = private.sla_due(t.org_id, t.next_response_started_at, p.next_response_minutes, p.business_hours_only)
      from public.sla_policies p
     where t.org_id = '${orgId}' and p.org_id = t.org_id and p.priority = t.priority
       and t.status_category not in ('resolved', 'closed');
    -- paused when it started waiting: the state is frozen as it was then
    update public.tickets t set sla_state = private.sla_state_of(t, t.status_changed_at), sla_paused_at = t.status_changed_at
     where t.org_id = '${orgId}' and t.status_category = 'waiting_on_customer';
    select private.refresh_sla_states();`;
}

/** Creates the data set (one transaction: all or nothing). Takes several minutes. */
export async function seed(db: pg.Client): Promise<string> {
  console.log(`Seeding the helpdesk benchmark data (${TICKETS.toLocaleString('en')} tickets, ${COMMENTS.toLocaleString('en')} comments)…`);
  await db.query(`begin; set local maintenance_work_mem = '1GB'; set local work_mem = '256MB'; set local max_parallel_maintenance_workers = 1`);
  try {
    await seedPeople(db);
    const orgId = (await seededOrg(db))!;
    await db.query('set local session_replication_role = replica');
    // secondary indexes are built once after the load (far faster than row by row, GIN above all)
    const { rows: indexes } = await db.query<{ name: string; definition: string }>(`
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
        from pg_index i left join pg_constraint c on c.conindid = i.indexrelid
       where i.indrelid in ('public.tickets'::regclass, 'public.ticket_comments'::regclass,
                            'private.ticket_search_documents'::regclass, 'private.comment_search_documents'::regclass)
         and c.oid is null`);
    for (const index of indexes) await db.query(`drop index ${index.name}`);
    await timed(db, 'plan', planSql(orgId));
    await timed(db, 'tickets', ticketsSql(orgId));
    await timed(db, 'comments', commentsSql(orgId));
    await timed(db, `${indexes.length} indexes`, indexes.map((index) => index.definition).join(';\n'));
    await timed(db, 'SLA clocks', slaSql(orgId));
    await db.query('commit');
    const started = performance.now();
    for (const table of ['public.tickets', 'public.ticket_comments', 'private.ticket_search_documents', 'private.comment_search_documents',
      'auth.users', 'public.memberships']) await db.query(`vacuum (analyze) ${table}`);
    console.log(`  seed: vacuum analyze (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return orgId;
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}
