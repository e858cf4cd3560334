/**
 * Helpdesk at scale: one organization with 1,000,000 tickets and 5,000,000 comments (see
 * seed/tickets.ts), read as a real agent and a real customer through the gateway and PostgREST, under
 * RLS. Each figure sits next to its baseline from the same run: the same request with a service-role
 * token carrying the same user and session claims (RLS bypassed, everything else identical).
 *   - list page (default sort), filtered pages, keyset second page, search_tickets: p50/p95 in ms
 *     (targets: p95 < 50 ms under RLS and within 1.5× of no RLS). Searches are typed as an agent
 *     would: a phrase and a name (tens of matches), three words of a common complaint (thousands),
 *     and, reported without a target, one common word (tens of thousands: the recency cap of
 *     search_tickets applies);
 *   - the busiest customer listing their own tickets;
 *   - ticket creation with every trigger, WORKERS concurrent clients for INSERT_SECONDS (target
 *     ≥ 500/s), spread over the big organization and SIBLING_ORGS small ones, then into the big one
 *     alone (gap-free numbers per organization and day: its new tickets are numbered one after
 *     another); baseline: the same POST into an unindexed, trigger-free table.
 * Runs its own stack (BENCH_TICKETS_PORT_OFFSET, default 1000; data in BENCH_TICKETS_DATA_DIR), reused
 * when it already answers; its data folder is kept so the data set is seeded once (≈10 minutes).
 *   npm run bench -- tickets
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ANON_KEY, signJwt } from '../local/keys.ts';
import { stackAnswers } from '../local/stack-health.ts';
import { interruptStack, spawnStack } from '../local/stack-process.ts';
import { percentile, printTable, runWhenMain } from './report.ts';
import { agentId, BENCH_SLUG, seed, seededOrg } from './seed/tickets.ts';

const ROUNDS = 60;
const WARM_UP = 5;
const WORKERS = 12;
const INSERT_SECONDS = 10;
const TARGET_P95_MS = 50;
const TARGET_RATIO = 1.5;
const TARGET_INSERTS_PER_SECOND = 500;
/** Small organizations beside the big one, for creation spread over several tenants. */
const SIBLING_ORGS = 3;
const LIST_COLUMNS = 'id,number,subject,status_category,priority,assignee_id,team_id,requester_id,tags,sla_state,created_at,updated_at';
/** Searches matching about 80 documents (tickets and comments), 3,700 and 50,000 of the data set (see seed/tickets.ts). */
const SELECTIVE_SEARCH = '"espresso grinder" kowalski';
const BROAD_SEARCH = 'package arrived damaged';
const COMMON_SEARCH = 'paypal';

const stackEnv = {
  STACK_PORT_OFFSET: process.env.BENCH_TICKETS_PORT_OFFSET || '1000',
  STACK_DATA_DIR: process.env.BENCH_TICKETS_DATA_DIR || path.join(tmpdir(), 'supportdesk-bench-tickets'),
};
const offset = Number(stackEnv.STACK_PORT_OFFSET);
const apiUrl = `http://127.0.0.1:${54321 + offset}`;
const dbUrl = `postgresql://postgres:postgres@127.0.0.1:${54322 + offset}/postgres`;

interface Caller {
  userId: string;
  /** The user's own token: role authenticated, RLS applies. */
  token: string;
  /** Same user and session, role service_role: RLS bypassed (the baseline). */
  serviceToken: string;
}

/** A signed-in user of the data set: a real auth session and tokens naming it. */
async function caller(db: pg.Client, userId: string): Promise<Caller> {
  const sessionId = randomUUID();
  await db.query(`insert into auth.sessions (id, user_id, created_at, updated_at, aal) values ($1, $2, now(), now(), 'aal1')`, [sessionId, userId]);
  const issuedAt = Math.floor(Date.now() / 1000);
  const claims = { sub: userId, aud: 'authenticated', session_id: sessionId, is_anonymous: false, aal: 'aal1', iat: issuedAt, exp: issuedAt + 3600 };
  return { userId, token: await signJwt({ ...claims, role: 'authenticated' }), serviceToken: await signJwt({ ...claims, role: 'service_role' }) };
}

async function rest(token: string, route: string, init: RequestInit = {}): Promise<unknown[]> {
  const response = await fetch(`${apiUrl}/rest/v1/${route}`, {
    ...init,
    headers: { apikey: ANON_KEY, authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${route}: ${response.status} ${body}`);
  return body ? (JSON.parse(body) as unknown[]) : [];
}

type Request = (token: string, round: number) => Promise<unknown[]>;

interface Timing {
  rls: number[];
  plain: number[];
  rows: number;
  /** Requests refused (e.g. by the statement timeout): left out of the samples. */
  failures: number;
}

/** Runs a request as the user and as the baseline, alternating, `rounds` times after a warm-up. */
async function compare(who: Caller, request: Request, rounds = ROUNDS): Promise<Timing> {
  const timing: Timing = { rls: [], plain: [], rows: 0, failures: 0 };
  for (let round = -WARM_UP; round < rounds; round++) {
    for (const [token, samples] of [[who.token, timing.rls], [who.serviceToken, timing.plain]] as const) {
      const started = performance.now();
      try {
        const rows = await request(token, round);
        if (round >= 0) samples.push(performance.now() - started);
        if (token === who.token) timing.rows = Math.max(timing.rows, rows.length);
      } catch (error) {
        if (!timing.failures++) console.warn(`  ${(error as Error).message}`);
      }
    }
  }
  return timing;
}

const list = (orgId: string, filters = '') => (token: string) =>
  rest(token, `tickets?select=${LIST_COLUMNS}&org_id=eq.${orgId}${filters}&order=updated_at.desc,id.desc&limit=50`);

async function readTimings(db: pg.Client, orgId: string, agent: Caller, customer: Caller) {
  const { rows: agents } = await db.query<{ user_id: string }>(
    `select m.user_id from public.memberships m join public.roles r on r.id = m.role_id where m.org_id = $1 and r.key = 'agent' order by 1 limit 5`, [orgId]);
  const assignee = (round: number) => agents[Math.abs(round) % agents.length].user_id;
  const firstPage = (await list(orgId)(agent.token)) as { updated_at: string; id: string }[];
  const last = firstPage[firstPage.length - 1];
  const lastUpdate = encodeURIComponent(last.updated_at);
  const range = `&created_at=gte.${new Date(Date.now() - 30 * 86_400_000).toISOString()}`;
  const rpc = (body: object) => (token: string) =>
    rest(token, 'rpc/search_tickets', { method: 'POST', body: JSON.stringify({ org_id: orgId, page_size: 50, ...body }) });
  const filters = (round: number) => ({ status_category: ['open', 'in_progress'], priority: ['urgent', 'high'], assignee_id: assignee(round) });
  return {
    list: await compare(agent, list(orgId)),
    listRpc: await compare(agent, rpc({})),
    filtered: await compare(agent, (token, round) =>
      list(orgId, `&status_category=in.(open,in_progress)&priority=in.(urgent,high)&assignee_id=eq.${assignee(round)}`)(token)),
    filteredRpc: await compare(agent, (token, round) => rpc({ filters: filters(round) })(token)),
    tag: await compare(agent, list(orgId, '&tags=cs.{refund}')),
    sla: await compare(agent, list(orgId, '&sla_state=eq.breached')),
    range: await compare(agent, list(orgId, range)),
    keyset: await compare(agent, list(orgId, `&or=(updated_at.lt.${lastUpdate},and(updated_at.eq.${lastUpdate},id.lt.${last.id}))`)),
    selectiveSearch: await compare(agent, rpc({ query: SELECTIVE_SEARCH })),
    broadSearch: await compare(agent, rpc({ query: BROAD_SEARCH }), ROUNDS / 3),
    commonSearch: await compare(agent, rpc({ query: COMMON_SEARCH }), ROUNDS / 3),
    // as the portal asks: its own tickets, named (RLS alone would leave the organization's tickets to scan)
    portal: await compare(customer, rpc({ filters: { requester_id: customer.userId } })),
    customer: await compare(customer, list(orgId, `&requester_id=eq.${customer.userId}`)),
  };
}

/**
 * One POST through a keep-alive node:http agent: the load generator shares the machine's two cores with
 * the stack, and fetch() costs it about three times the CPU per request.
 */
function post(token: string, route: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${apiUrl}/rest/v1/${route}`, {
      method: 'POST',
      agent: insertAgent,
      headers: { apikey: ANON_KEY, authorization: `Bearer ${token}`, 'content-type': 'application/json',
        prefer: 'return=representation', 'content-length': Buffer.byteLength(body) },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}
const insertAgent = new http.Agent({ keepAlive: true, maxSockets: WORKERS });

/** Rows created per second by WORKERS clients posting for INSERT_SECONDS. */
async function insertRate(token: string, route: string, body: (worker: number, i: number) => object) {
  const deadline = performance.now() + INSERT_SECONDS * 1000;
  let created = 0;
  let errors = 0;
  let firstError = '';
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, worker) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const { status, text } = await post(token, route, JSON.stringify(body(worker, i))).catch((error: Error) => ({ status: 0, text: error.message }));
        if (status >= 200 && status < 300) created++;
        else {
          errors++;
          firstError ||= `${status} ${text}`;
        }
      }
    }),
  );
  if (firstError) console.warn(`  first insert error: ${firstError}`);
  return { perSecond: created / INSERT_SECONDS, errors };
}

interface Party {
  orgId: string;
  requester: string;
  team: string;
}

/** A customer and a team of an organization, to raise tickets with. */
async function partyOf(db: pg.Client, orgId: string): Promise<Party> {
  const { rows: [party] } = await db.query<Party>(
    `select $1::uuid as "orgId",
            (select m.user_id from public.memberships m join public.roles r on r.id = m.role_id
              where m.org_id = $1 and r.key = 'customer' order by m.user_id limit 1) as requester,
            (select t.id from public.teams t where t.org_id = $1 order by t.name limit 1) as team`, [orgId]);
  return party;
}

/**
 * SIBLING_ORGS small organizations beside the big one (created once, like the data set), owned by agent 1,
 * where the benchmark's agent works and the same customer asks. Ticket numbers are gap-free per
 * organization and day, so one organization's new tickets are numbered one after another, each waiting
 * for the previous one to commit, while organizations number in parallel.
 */
async function siblingOrgs(db: pg.Client, agentUserId: string, customerId: string): Promise<string[]> {
  const slugs = Array.from({ length: SIBLING_ORGS }, (_, i) => `${BENCH_SLUG}-sibling-${i + 1}`);
  await db.query(`
    insert into public.organizations (name, slug, created_by)
    select 'Bench sibling ' || right(wanted.slug, 1), wanted.slug, ${agentId(1)} from unnest($1::text[]) wanted (slug)
     where not exists (select 1 from public.organizations o where o.slug = wanted.slug)`, [slugs]);
  const { rows } = await db.query<{ id: string }>('select id from public.organizations where slug = any ($1) order by slug', [slugs]);
  const orgIds = rows.map((row) => row.id);
  await db.query(`
    insert into public.memberships (org_id, user_id, role_id)
    select o, member.user_id, (select r.id from public.roles r where r.org_id is null and r.key = member.role)
      from unnest($1::uuid[]) o, (values ($2::uuid, 'agent'), ($3::uuid, 'customer')) member (user_id, role)
        on conflict do nothing`, [orgIds, agentUserId, customerId]);
  await db.query(`
    insert into public.teams (org_id, name) select o, 'Support' from unnest($1::uuid[]) o
     where not exists (select 1 from public.teams t where t.org_id = o)`, [orgIds]);
  return orgIds;
}

async function insertTimings(db: pg.Client, orgId: string, agent: Caller) {
  const party = await partyOf(db, orgId);
  const siblings = await Promise.all((await siblingOrgs(db, agent.userId, party.requester)).map((id) => partyOf(db, id)));
  const ticket = (of: Party) => (worker: number, i: number) => ({
    org_id: of.orgId, subject: `Bench ticket ${worker}-${i}: printer firmware update fails`,
    description: 'After the latest update the printer shows an error and the scanner no longer syncs.',
    requester_id: of.requester, priority: 'high', tags: ['Bench', 'printer'], assignee_id: agent.userId, team_id: of.team,
  });
  const everyOrg = [party, ...siblings];
  const spread = (worker: number, i: number) => ticket(everyOrg[worker % everyOrg.length])(worker, i);
  const plainTable = `bench_plain_tickets_${Date.now().toString(36)}`;
  await db.query(`create table public.${plainTable} (org_id uuid, subject text, description text, requester_id uuid, priority text,
      tags text[], assignee_id uuid, team_id uuid);
    grant insert, select on public.${plainTable} to authenticated;
    notify pgrst, 'reload schema'`);
  try {
    await waitForRoute(agent.token, `${plainTable}?limit=1`);
    const started = new Date();
    const oneOrg = await insertRate(agent.token, 'tickets?select=id,number', ticket(party));
    const orgs = await insertRate(agent.token, 'tickets?select=id,number', spread);
    const plain = await insertRate(agent.token, `${plainTable}?select=subject`, ticket(party));
    await db.query(`delete from public.tickets where org_id = any ($1) and created_at >= $2`, [everyOrg.map((of) => of.orgId), started]);
    return { oneOrg, orgs, orgCount: everyOrg.length, plain };
  } finally {
    await db.query(`drop table public.${plainTable}; notify pgrst, 'reload schema'`);
  }
}

/** Waits until PostgREST's schema cache knows a new table. */
async function waitForRoute(token: string, route: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await fetch(`${apiUrl}/rest/v1/${route}`, { headers: { apikey: ANON_KEY, authorization: `Bearer ${token}` } })).ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgREST did not pick up ${route}`);
}

function report(reads: Awaited<ReturnType<typeof readTimings>>, inserts: Awaited<ReturnType<typeof insertTimings>>) {
  const ms = (value: number) => value.toFixed(1);
  const rows: string[][] = [['', 'p50', 'p95', 'rows', 'p95 vs no RLS', 'target']];
  const add = (label: string, timing: Timing, targeted = true) => {
    const [p95, base95] = [percentile(timing.rls, 95), percentile(timing.plain, 95)];
    const met = p95 < TARGET_P95_MS && p95 <= TARGET_RATIO * base95;
    const count = timing.failures ? `${timing.rows} (${timing.failures} failed)` : String(timing.rows);
    const verdict = !targeted ? 'reported' : met && !timing.failures ? 'met' : 'MISSED';
    rows.push([label, ms(percentile(timing.rls, 50)), ms(p95), count, `${(p95 / base95).toFixed(2)}×`, verdict]);
    rows.push(['  baseline: same request, service role (no RLS)', ms(percentile(timing.plain, 50)), ms(base95), '', '', '']);
  };
  add('list page, default sort (agent, RLS): tickets table', reads.list);
  add('  the same through search_tickets (the SPA\'s path)', reads.listRpc);
  add('status + priority + assignee: tickets table', reads.filtered);
  add('  the same through search_tickets', reads.filteredRpc);
  add('tag', reads.tag);
  add('SLA state breached', reads.sla);
  add('created in the last 30 days', reads.range);
  add('keyset second page', reads.keyset);
  add(`full-text search (search_tickets), selective: ${SELECTIVE_SEARCH}`, reads.selectiveSearch);
  add(`full-text search, broad: ${BROAD_SEARCH}`, reads.broadSearch);
  add(`full-text search, one common word (no target): ${COMMON_SEARCH}`, reads.commonSearch, false);
  add('busiest customer, own tickets: portal (search_tickets)', reads.portal);
  add('  the same from the tickets table', reads.customer);
  printTable(`Helpdesk reads through PostgREST, ms (targets: p95 < ${TARGET_P95_MS} ms and ≤ ${TARGET_RATIO}× no RLS)`, rows);
  const rate = (of: { perSecond: number }) => of.perSecond.toFixed(0);
  const verdict = (of: { perSecond: number }) =>
    of.perSecond >= TARGET_INSERTS_PER_SECOND ? `met (≥ ${TARGET_INSERTS_PER_SECOND}/s)` : `MISSED (≥ ${TARGET_INSERTS_PER_SECOND}/s)`;
  printTable(`Ticket creation through PostgREST, ${WORKERS} concurrent clients for ${INSERT_SECONDS} s each`, [
    ['', 'inserts/s', 'errors', 'target'],
    [`tickets in ${inserts.orgCount} organizations (agent, RLS + every trigger)`, rate(inserts.orgs), String(inserts.orgs.errors), verdict(inserts.orgs)],
    ['tickets in the one big organization (numbered one after another)', rate(inserts.oneOrg), String(inserts.oneOrg.errors), verdict(inserts.oneOrg)],
    ['  baseline: plain table, no index, no trigger', rate(inserts.plain), String(inserts.plain.errors), ''],
  ]);
}

async function measure() {
  const db = new pg.Client(dbUrl);
  await db.connect();
  try {
    const orgId = (await seededOrg(db)) ?? (await seed(db));
    const { rows: [people] } = await db.query<{ agent: string; customer: string }>(
      `select md5('bench-agent-2')::uuid as agent,
              (select requester_id from public.tickets where org_id = $1 group by 1 order by count(*) desc limit 1) as customer`, [orgId]);
    const agent = await caller(db, people.agent);
    const customer = await caller(db, people.customer);
    try {
      report(await readTimings(db, orgId, agent, customer), await insertTimings(db, orgId, agent));
    } finally {
      await db.query(`delete from auth.sessions where user_id = any ($1)`, [[agent.userId, customer.userId]]);
    }
  } finally {
    await db.end();
  }
}

export async function run() {
  const reused = await stackAnswers(apiUrl);
  const stack = reused ? undefined : await spawnStack(stackEnv);
  try {
    await measure();
  } finally {
    if (stack) await interruptStack(stack.child);
  }
}

runWhenMain(import.meta.url, run);
