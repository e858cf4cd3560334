import { beforeAll, describe, expect, it } from 'vitest';
import { IS_LOCAL, PUBLISHABLE, SUPABASE_URL } from '../helpers/env.ts';
import { orgWithMembers, type Actor } from '../helpers/org.ts';
import { superuserSql } from '../helpers/sql.ts';
import { cast, raiseTicket, type Cast, type Ticket } from '../helpers/tickets.ts';

type Body = { org_id?: unknown; query?: string; filters?: Record<string, unknown>; sort?: string };
type Hit = { id: string; number: string; cursor: unknown };

/** RFC 4180 rows of a CSV text (quoted cells, doubled quotes, CRLF line ends), without the BOM. */
function parseCsv(text: string): string[][] {
  const cell = /"((?:[^"]|"")*)"|([^",\r\n]*)/y;
  const source = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  while (at < source.length) {
    cell.lastIndex = at;
    const match = cell.exec(source)!;
    row.push(match[1] !== undefined ? match[1].replaceAll('""', '"') : match[2]);
    at = cell.lastIndex;
    if (source.startsWith('\r\n', at)) {
      rows.push(row);
      row = [];
      at += 2;
    } else {
      at += 1; // the comma
    }
  }
  return rows;
}

async function accessToken(who: Actor): Promise<string> {
  const { data } = await who.supabase.auth.getSession();
  return data.session!.access_token;
}

/** Calls the function with `who`'s JWT (none for undefined). */
async function requestExport(who: Actor | undefined, body: Body | string): Promise<Response> {
  const headers: Record<string, string> = { apikey: PUBLISHABLE, 'Content-Type': 'application/json' };
  if (who) headers.Authorization = `Bearer ${await accessToken(who)}`;
  return fetch(`${SUPABASE_URL}/functions/v1/export-tickets`, {
    method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function exportRows(who: Actor, body: Body) {
  const response = await requestExport(who, body);
  expect(response.status, await response.clone().text()).toBe(200);
  const [header, ...rows] = parseCsv(await response.text());
  return { header, rows, response };
}

describe('export-tickets: a search streamed as CSV, as the caller', () => {
  let c: Cast;
  let tricky: Ticket;
  let customers: Ticket;

  const numbersFromSearch = async (who: Actor, body: Body) => {
    const numbers: string[] = [];
    let after: unknown = null;
    for (;;) {
      const { data, error } = await who.supabase.rpc('search_tickets', { ...body, org_id: c.org.orgId, after, page_size: 100 } as never);
      if (error) throw error;
      const page = data as Hit[];
      numbers.push(...page.map((t) => t.number));
      if (page.length < 100) return numbers;
      after = page[page.length - 1].cursor;
    }
  };

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-export'), 'rls-export');
    customers = await raiseTicket(c.members.customer, c.org.orgId, { subject: 'Refund please', description: 'Order 42', tags: ['billing'] });
    await c.members.agent.supabase.from('ticket_comments').insert({ ticket_id: customers.id, is_internal: true,
      body: 'INTERNAL: customer is on the fraud watchlist' }).throwOnError();
    tricky = await raiseTicket(c.members.owner, c.org.orgId, {
      subject: '=HYPERLINK("http://evil.test","click")', description: 'Line one\nline two, with "quotes"', priority: 'urgent',
      tags: ['billing', 'vip'], category: '@admin', assignee_id: c.members.agent.userId,
    });
    await raiseTicket(c.members.requester, c.org.orgId, { subject: '+1 for dark mode', description: '-2 votes', priority: 'low' });
  });

  it('an agent gets exactly the tickets search_tickets gives them, in order, with a file name', async () => {
    for (const body of [{}, { filters: { tag: 'billing' } }, { sort: 'priority' }, { sort: 'created_asc' }, { query: 'refund' }] as Body[]) {
      const { header, rows, response } = await exportRows(c.members.agent, { org_id: c.org.orgId, ...body });
      expect(header[0]).toBe('Number');
      expect(rows.map((r) => r[0]), JSON.stringify(body)).toEqual(await numbersFromSearch(c.members.agent, body));
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="tickets-${c.org.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"`));
    }
  });

  it('cells are quoted and formulas neutralised; internal notes never appear', async () => {
    const { header, rows, response } = await exportRows(c.members.agent, { org_id: c.org.orgId });
    const row = rows.find((r) => r[0] === tricky.number)!;
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('Subject')).toBe(`'=HYPERLINK("http://evil.test","click")`);
    expect(cell('Description')).toBe('Line one\nline two, with "quotes"');
    expect(cell('Category')).toBe(`'@admin`);
    expect(cell('Tags')).toBe('billing, vip');
    expect(cell('Priority')).toBe('urgent');
    expect(cell('Assignee')).not.toBe('');
    expect(cell('Status')).toBe('Open');
    const dark = rows.find((r) => r[header.indexOf('Subject')].includes('dark mode'))!;
    expect(dark[header.indexOf('Subject')]).toBe(`'+1 for dark mode`);
    expect(dark[header.indexOf('Description')]).toBe(`'-2 votes`);
    expect(JSON.stringify(rows)).not.toMatch(/fraud watchlist/);
    expect(response.ok).toBe(true);
    const searched = await exportRows(c.members.agent, { org_id: c.org.orgId, query: 'fraud watchlist' });
    // the agent finds the ticket by its note, but the note's text is not exported
    expect(searched.rows.map((r) => r[0])).toEqual([customers.number]);
    expect(JSON.stringify(searched.rows)).not.toMatch(/fraud/);
  });

  it('a customer exports only their own tickets; other organizations and visitors get an empty file', async () => {
    const own = await exportRows(c.members.customer, { org_id: c.org.orgId });
    expect(own.rows.map((r) => r[0])).toEqual([customers.number]);
    for (const who of [c.otherOrg, c.visitor]) {
      const { header, rows } = await exportRows(who, { org_id: c.org.orgId });
      expect(header[0], who.email).toBe('Number');
      expect(rows, who.email).toEqual([]);
    }
  });

  it('refuses calls without a user token', async () => {
    const response = await requestExport(undefined, { org_id: c.org.orgId });
    expect(response.status).toBe(401);
    expect((await response.json()).message).toBe('Sign in to export tickets.');
  });

  it('refuses bad requests readably, before any CSV is sent', async () => {
    const refused = async (body: Body | string, message: RegExp) => {
      const response = await requestExport(c.members.agent, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect((await response.json()).message, JSON.stringify(body)).toMatch(message);
    };
    await refused({ org_id: c.org.orgId, filters: { subject: 'x' } }, /^Unknown filter "subject"\. Filter on status_category/);
    await refused({ org_id: c.org.orgId, filters: { priority: 'critical' } }, /^Filter "priority" takes urgent, high, medium or low\.$/);
    await refused({ org_id: c.org.orgId, query: 'printer', sort: 'priority' }, /^Search results are sorted by relevance\./);
    await refused({ org_id: 'not-an-id' }, /^org_id: /);
    await refused({ org_id: c.org.orgId, sort: 'random()' }, /^sort: /);
    await refused({ org_id: c.org.orgId, filters: { tag: { $ne: 1 } } }, /^filters\.tag: /);
    await refused({ org_id: c.org.orgId, query: 'x'.repeat(501) }, /^query: /);
    await refused('{not json', /valid JSON/);
  });

  it.runIf(IS_LOCAL)('a large export streams: rows arrive in several chunks before the end', { timeout: 120_000 }, async () => {
    await superuserSql(
      `insert into public.tickets (org_id, subject, description, requester_id, priority, tags)
       select $1, 'Bulk ticket ' || g, 'Generated, number ' || g, $2, (array['low','medium','high','urgent'])[1 + g % 4]::public.ticket_priority, '{bulk}'
         from generate_series(1, 3000) g`,
      [c.org.orgId, c.members.requester.userId]);
    const started = Date.now();
    const response = await requestExport(c.members.agent, { org_id: c.org.orgId, filters: { tag: 'bulk' } });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let chunks = 0;
    let firstChunkAt = 0;
    let firstChunkLines = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks++;
      text += decoder.decode(value, { stream: true });
      if (chunks === 1) {
        firstChunkAt = Date.now() - started;
        firstChunkLines = text.split('\r\n').length - 1;
      }
    }
    const finishedAt = Date.now() - started;
    const rows = parseCsv(text).slice(1);
    expect(rows).toHaveLength(3000);
    expect(new Set(rows.map((r) => r[0])).size).toBe(3000);
    // page by page: the first chunk held a small part of the rows, and arrived before the end
    expect(chunks).toBeGreaterThan(10);
    expect(firstChunkLines).toBeLessThan(300);
    expect(firstChunkAt).toBeLessThan(finishedAt);
  });
});
