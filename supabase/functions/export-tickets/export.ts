import type { SupabaseClient } from '@supabase/supabase-js';
import { attachment, csvLine } from '../_shared/csv.ts';
import { corsHeaders } from '../_shared/cors.ts';
import { HttpError } from '../_shared/http.ts';
import type { ExportRequest } from './request.ts';

const PAGE_SIZE = 100;

const HEADER = ['Number', 'Subject', 'Status', 'Priority', 'SLA', 'Requester', 'Requester email', 'Assignee', 'Team',
  'Category', 'Tags', 'Created at', 'Updated at', 'Resolved at', 'Description'];

interface Hit {
  id: string;
  number: string;
  subject: string;
  description: string;
  status_id: string;
  priority: string;
  sla_state: string;
  requester_id: string | null;
  assignee_id: string | null;
  team_id: string | null;
  category: string | null;
  tags: string[];
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  cursor: unknown;
}

interface Person {
  name: string;
  email: string;
}

/** The database's refusal (a P0001 sentence written for people) as a 400; anything else stays a failure. */
function refusal(error: { code?: string; message: string; hint?: string | null }): Error {
  if (error.code === 'P0001' || error.code === '22023') {
    return new HttpError(400, 'invalid_request', [error.message, error.hint].filter(Boolean).join(' '));
  }
  // anon callers (a key without a user) may not search at all
  if (['42501', 'PGRST301', 'PGRST303'].includes(error.code ?? '')) return new HttpError(401, 'sign_in_required', 'Sign in to export tickets.');
  return new Error(`search_tickets failed: ${error.code} ${error.message}`);
}

/** Pages of the search, read as the caller with keyset cursors until the last short page. */
async function* ticketPages(db: SupabaseClient, request: ExportRequest): AsyncGenerator<Hit[]> {
  let after: unknown = null;
  for (;;) {
    const { data, error } = await db.rpc('search_tickets', {
      org_id: request.org_id, query: request.query ?? null, filters: request.filters, sort: request.sort ?? null,
      after, page_size: PAGE_SIZE,
    });
    if (error) throw refusal(error);
    const page = data as Hit[];
    yield page;
    if (page.length < PAGE_SIZE) return;
    after = page[page.length - 1].cursor;
  }
}

/** Names of statuses and teams, and the organization's slug for the file name (what the caller may read). */
async function orgLookups(db: SupabaseClient, orgId: string) {
  const [statuses, teams, org] = await Promise.all([
    db.from('ticket_statuses').select('id, name').eq('org_id', orgId),
    db.from('teams').select('id, name').eq('org_id', orgId),
    db.from('organizations').select('slug').eq('id', orgId).maybeSingle(),
  ]);
  const names = (rows: { id: string; name: string }[] | null) => new Map((rows ?? []).map((row) => [row.id, row.name]));
  return { statuses: names(statuses.data), teams: names(teams.data), slug: (org.data?.slug as string | undefined) ?? null };
}

/** Adds the people of a page the caller may see (own profile and coworkers) to the cache. */
async function rememberPeople(db: SupabaseClient, page: Hit[], people: Map<string, Person>) {
  const missing = [...new Set(page.flatMap((hit) => [hit.requester_id, hit.assignee_id]))]
    .filter((id): id is string => id !== null && !people.has(id));
  if (missing.length === 0) return;
  const { data, error } = await db.from('profiles').select('id, display_name, email').in('id', missing);
  if (error) throw new Error(`profiles failed: ${error.message}`);
  for (const id of missing) people.set(id, { name: '', email: '' });
  for (const row of data ?? []) people.set(row.id, { name: row.display_name || row.email || '', email: row.email ?? '' });
}

/** Streams the caller's tickets of a search as CSV; refusals of the search arrive before the first byte. */
export async function exportTickets(db: SupabaseClient, request: ExportRequest): Promise<Response> {
  const pages = ticketPages(db, request);
  const first = await pages.next();
  const lookups = await orgLookups(db, request.org_id);
  const people = new Map<string, Person>();
  const encoder = new TextEncoder();

  const render = async (page: Hit[]) => {
    await rememberPeople(db, page, people);
    return page.map((hit) => csvLine([
      hit.number, hit.subject, lookups.statuses.get(hit.status_id) ?? '', hit.priority, hit.sla_state,
      people.get(hit.requester_id ?? '')?.name, people.get(hit.requester_id ?? '')?.email,
      people.get(hit.assignee_id ?? '')?.name, lookups.teams.get(hit.team_id ?? ''), hit.category, hit.tags.join(', '),
      hit.created_at, hit.updated_at, hit.resolved_at, hit.description,
    ])).join('');
  };

  let pending: Hit[] | null = first.done ? [] : first.value;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // BOM: spreadsheets then read the file as UTF-8
      controller.enqueue(encoder.encode('\uFEFF' + csvLine(HEADER)));
    },
    async pull(controller) {
      try {
        const next = pending ?? (await pages.next()).value;
        pending = null;
        if (!next) return controller.close();
        controller.enqueue(encoder.encode(await render(next)));
        if (next.length < PAGE_SIZE) controller.close();
      } catch (error) {
        console.error('export failed mid-stream', error);
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });

  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      ...corsHeaders,
      'Access-Control-Expose-Headers': 'Content-Disposition',
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment(`tickets-${lookups.slug ?? 'export'}-${day}.csv`),
      'Cache-Control': 'no-store',
    },
  });
}
