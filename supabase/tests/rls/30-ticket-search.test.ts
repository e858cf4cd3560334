import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { IS_LOCAL } from '../helpers/env.ts';
import { orgWithMembers, type Actor } from '../helpers/org.ts';
import { cast, raiseTicket, statusIds, type Cast, type Ticket } from '../helpers/tickets.ts';

type Args = { query?: string; filters?: Record<string, unknown>; after?: unknown; page_size?: number };

describe('ticket search: full text, filters and keyset pagination under RLS', () => {
  let c: Cast;
  let invoice: Ticket;
  let password: Ticket;
  const printers: Ticket[] = [];

  const search = (who: Actor | Cast['otherOrg'], args: Args = {}, orgId = c.org.orgId) =>
    who.supabase.rpc('search_tickets', { org_id: orgId, ...args } as never);
  const ids = async (who: Actor, args: Args = {}) => {
    const { data, error } = await search(who, args);
    if (error) throw Object.assign(new Error(error.message), error);
    return (data ?? []).map((t) => t.id);
  };

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-search'), 'rls-search');
    const agent = c.members.agent.supabase;
    invoice = await raiseTicket(c.members.customer, c.org.orgId,
      { subject: 'Invoice download broken', description: 'The invoice page shows an error since Monday.' });
    await agent.from('ticket_comments').insert({ ticket_id: invoice.id, is_internal: true,
      body: 'Account flagged for a chargeback, quokka protocol applies. Do not refund.' }).throwOnError();
    await agent.from('ticket_comments').insert({ ticket_id: invoice.id, body: 'We are looking into the wombat exporter.' }).throwOnError();
    password = await raiseTicket(c.members.requester, c.org.orgId,
      { subject: 'Password reset email never arrives', description: 'Checked the spam folder too.' });
    const owner = c.members.owner;
    const specs = [
      { subject: 'Printer paper jam on floor 2', priority: 'high', tags: ['printer', 'floor-2'] },
      { subject: 'Printer out of toner', priority: 'low', tags: ['printer'] },
      { subject: 'Jam in the printer paper tray', priority: 'medium', tags: ['printer'] },
      { subject: 'Printer offline', description: 'Printer says offline, printer restarted twice.', priority: 'high', tags: ['printer'],
        assignee_id: c.members.agent.userId },
      { subject: 'Printer driver for macOS', priority: 'urgent', tags: ['printer', 'mac'] },
      { subject: 'Printer queue stuck', priority: 'medium', tags: ['printer'] },
      { subject: 'Scanner and printer combo', priority: 'low', tags: ['printer', 'scanner'] },
    ] as const;
    for (const spec of specs) printers.push(await raiseTicket(owner, c.org.orgId, { ...spec, tags: [...spec.tags] }));
  });

  it('an agent finds a ticket by a word of an internal note, with a snippet of the note', async () => {
    const { data, error } = await search(c.members.agent, { query: 'quokka' });
    expect(error).toBeNull();
    expect(data!.map((t) => t.id)).toEqual([invoice.id]);
    expect(data![0].headline).toContain('<b>quokka</b>');
    expect(data![0].rank).toBeGreaterThan(0);
    expect(data![0]).toMatchObject({ number: invoice.number, subject: invoice.subject, requester_id: c.members.customer.userId });
  });

  it('the customer never matches an internal note nor sees a snippet of one', async () => {
    expect(await ids(c.members.customer, { query: 'quokka' })).toEqual([]);
    expect(await ids(c.members.customer, { query: 'chargeback or refund' })).toEqual([]);
    const { data } = await search(c.members.customer, { query: 'invoice' });
    expect(data!.map((t) => t.id)).toEqual([invoice.id]);
    expect(data![0].headline).toContain('<b>Invoice</b>');
    expect(data![0].headline).not.toMatch(/quokka|chargeback/i);
    // a public reply is searchable by the requester, and its snippet is theirs to read
    const reply = await search(c.members.customer, { query: 'wombat' });
    expect(reply.data!.map((t) => t.id)).toEqual([invoice.id]);
    expect(reply.data![0].headline).toContain('<b>wombat</b>');
  });

  it('a customer finds their own ticket by subject; a requester never finds someone else\'s', async () => {
    expect(await ids(c.members.customer, { query: 'download broken' })).toEqual([invoice.id]);
    expect(await ids(c.members.customer, { query: 'password' })).toEqual([]);
    expect(await ids(c.members.requester, { query: 'password' })).toEqual([password.id]);
    expect(await ids(c.members.requester, { query: 'invoice' })).toEqual([]);
    expect(await ids(c.members.customer)).toEqual([invoice.id]);
  });

  it('other organizations and anonymous visitors find nothing; anon cannot call it', async () => {
    for (const who of [c.otherOrg, c.visitor]) {
      for (const query of ['invoice', 'printer', undefined]) {
        const { data, error } = await search(who, { query });
        expect(error, who.email).toBeNull();
        expect(data, who.email).toEqual([]);
      }
    }
    const anon = await c.anon.rpc('search_tickets', { org_id: c.org.orgId, query: 'invoice' });
    expect(anon.data ?? []).toEqual([]);
    expect(anon.error).not.toBeNull();
  });

  it('filters: priority, tag, status, assignee, requester, created range', async () => {
    const agent = c.members.agent;
    const status = await statusIds(c.org.orgId);
    const byId = (list: Ticket[]) => list.map((t) => t.id).sort();
    expect((await ids(agent, { query: 'printer', filters: { priority: 'high' } })).sort())
      .toEqual(byId(printers.filter((t) => t.priority === 'high')));
    expect((await ids(agent, { filters: { priority: ['urgent', 'low'] } })).sort())
      .toEqual(byId(printers.filter((t) => ['urgent', 'low'].includes(t.priority))));
    expect(await ids(agent, { filters: { tag: 'MAC' } })).toEqual([printers[4].id]);
    expect(await ids(agent, { filters: { tag: ['printer', 'floor-2'] } })).toEqual([printers[0].id]);
    expect(await ids(agent, { filters: { assignee_id: agent.userId } })).toEqual([printers[3].id]);
    expect(await ids(agent, { filters: { assignee_id: null, tag: 'printer' } })).not.toContain(printers[3].id);
    expect(await ids(agent, { filters: { requester_id: c.members.requester.userId } })).toEqual([password.id]);
    expect((await ids(agent, { filters: { status_category: 'open' } })).length).toBe(printers.length + 2);
    expect(await ids(agent, { filters: { status_category: ['resolved', 'closed'] } })).toEqual([]);
    expect((await ids(agent, { filters: { status_id: status.open, tag: 'scanner' } }))).toEqual([printers[6].id]);
    expect(await ids(agent, { filters: { created_to: '2000-01-01' } })).toEqual([]);
    expect((await ids(agent, { filters: { created_from: invoice.created_at, created_to: '2999-01-01T00:00:00Z' } })).length)
      .toBe(printers.length + 2);
    expect(await ids(agent, { filters: { created_from: printers[6].created_at } })).toEqual([printers[6].id]);
    expect(await ids(agent, { filters: { team_id: null, tag: 'mac' } })).toEqual([printers[4].id]);
  });

  async function pages(who: Actor, args: Args, size: number, key: (row: Record<string, unknown>) => unknown) {
    const seen: string[] = [];
    let after: unknown = null;
    for (let i = 0; i < 20; i++) {
      const { data, error } = await search(who, { ...args, after, page_size: size });
      expect(error).toBeNull();
      seen.push(...data!.map((t) => t.id!));
      if (data!.length < size) break;
      after = key(data![data!.length - 1] as never);
    }
    return seen;
  }

  it('keyset pagination without a query: updated_at desc, pages neither overlap nor skip', async () => {
    const all = await ids(c.members.agent, { filters: { tag: 'printer' } });
    expect(all).toHaveLength(printers.length);
    expect(all[0]).toBe(printers[printers.length - 1].id); // newest activity first
    const paged = await pages(c.members.agent, { filters: { tag: 'printer' } }, 3, (r) => ({ updated_at: r.updated_at, id: r.id }));
    expect(paged).toEqual(all);
  });

  it('keyset pagination with a query: relevance desc, pages neither overlap nor skip', async () => {
    const { data } = await search(c.members.agent, { query: 'printer', page_size: 100 });
    const ranks = data!.map((t) => t.rank!);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(data![0].id).toBe(printers[3].id); // "printer" in subject and twice in description
    const paged = await pages(c.members.agent, { query: 'printer' }, 2, (r) => ({ rank: r.rank, id: r.id }));
    expect(paged).toEqual(data!.map((t) => t.id));
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged).toHaveLength(printers.length);
  });

  it('websearch syntax: "exact phrase", -excluded, or', async () => {
    const agent = c.members.agent;
    expect(await ids(agent, { query: '"paper jam"' })).toEqual([printers[0].id]);
    expect((await ids(agent, { query: 'paper jam' })).sort()).toEqual([printers[0].id, printers[2].id].sort());
    expect((await ids(agent, { query: 'printer -jam -toner -offline -driver -queue' }))).toEqual([printers[6].id]);
    expect((await ids(agent, { query: 'toner or scanner' })).sort()).toEqual([printers[1].id, printers[6].id].sort());
    expect(await ids(agent, { query: 'the and of' })).toEqual([]); // only stop words
    expect(await ids(agent, { query: "'); drop table tickets; --" })).toEqual([]);
  });

  it('refuses bad inputs with readable errors', async () => {
    const agent = c.members.agent;
    const refused = async (args: Args, message: RegExp) => {
      const { error } = await search(agent, args);
      expect(error?.code, JSON.stringify(args)).toBe('P0001');
      expect(error?.message, JSON.stringify(args)).toMatch(message);
    };
    await refused({ filters: { 'priority; drop table tickets': 'high' } }, /^Unknown filter "priority; drop table tickets"\.$/);
    await refused({ filters: { subject: 'x' } }, /^Unknown filter "subject"\.$/);
    await refused({ filters: ['priority'] as never }, /filters must be an object/);
    await refused({ page_size: 0 }, /^page_size must be between 1 and 100\.$/);
    await refused({ page_size: 101 }, /^page_size must be between 1 and 100\.$/);
    await refused({ after: { id: 'nope', updated_at: '2026-01-01' } }, /^after must be the last row's sort key\.$/);
    await refused({ after: { id: invoice.id } }, /^after must be the last row's sort key\.$/);
    await refused({ after: { id: invoice.id, updated_at: 'yesterday-ish' } }, /^after must be the last row's sort key\.$/);
    await refused({ query: 'printer', after: { id: invoice.id, updated_at: invoice.updated_at } }, /^after must be the last row's sort key\.$/);
    await refused({ query: 'printer', after: { id: invoice.id, rank: 'high' } }, /^after must be the last row's sort key\.$/);
    await refused({ filters: { priority: 'critical' } }, /^Filter "priority" takes urgent, high, medium or low\.$/);
    await refused({ filters: { status_category: 'done' } }, /^Filter "status_category" takes open/);
    await refused({ filters: { assignee_id: 'someone' } }, /^Filter "assignee_id" takes an id or a list of ids\.$/);
    await refused({ filters: { tag: { a: 1 } } }, /^Filter "tag" takes a value or a list/);
    await refused({ filters: { created_from: 'last tuesday' } }, /^Filter "created_from" takes a date/);
    await refused({ query: 'x'.repeat(501) }, /limited to 500 characters/);
  });

  it.runIf(IS_LOCAL)('a search under RLS uses the GIN index, not a sequential scan of tickets', { timeout: 60_000 }, async () => {
    const { data: session } = await c.members.agent.supabase.auth.getSession();
    const claims = JSON.parse(Buffer.from(session.session!.access_token.split('.')[1], 'base64url').toString());
    const db = new pg.Client({
      connectionString: `postgresql://postgres:postgres@127.0.0.1:${54322 + Number(process.env.STACK_PORT_OFFSET ?? 0)}/postgres`,
    });
    await db.connect();
    try {
      await db.query('begin');
      // an organization with thousands of tickets (rolled back), so that the planner's choice is a real one
      await db.query(
        `insert into public.tickets (org_id, subject, description, requester_id)
         select $1, 'Filler ticket ' || g, 'Nothing to see here, item ' || g, $2 from generate_series(1, 3000) g`,
        [c.org.orgId, c.members.owner.userId]);
      await db.query(
        `insert into public.ticket_comments (ticket_id, body)
         select t.id, 'Routine follow-up ' || t.number from public.tickets t where t.org_id = $1`, [c.org.orgId]);
      await db.query('analyze public.tickets, public.ticket_comments, private.ticket_search_documents, private.comment_search_documents');
      const explain = async (sql: string, values: unknown[]) =>
        (await db.query(`explain ${sql}`, values)).rows.map((r) => r['QUERY PLAN']).join('\n');
      // candidates come from the stored documents (the security-definer helper's queries, as its owner), which
      // a GIN index serves; documents this few are cheaper to scan, so scans are ruled out to see it serve
      await db.query('set local enable_seqscan = off');
      const ticketPlan = await explain(
        `select d.ticket_id from private.ticket_search_documents d where d.document @@ websearch_to_tsquery('english', 'printer')`, []);
      expect(ticketPlan).toContain('ticket_search_documents_search_idx');
      const commentPlan = await explain(
        `select d.comment_id from private.comment_search_documents d where d.document @@ websearch_to_tsquery('english', 'quokka')`, []);
      expect(commentPlan).toContain('comment_search_documents_search_idx');
      await db.query('set local enable_seqscan = on');
      // … and the caller then reads them by id under RLS: no sequential scan of tickets either
      await db.query('set local role authenticated');
      await db.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
      const rlsPlan = await explain(
        `select t.id from public.tickets t
          where t.id = any (array(select m.ticket_id from private.ticket_search_matches($1, websearch_to_tsquery('english', 'printer')) m))`,
        [c.org.orgId]);
      expect(rlsPlan).toMatch(/(Index|Index Only|Bitmap Index) Scan (using|on) tickets_pkey/);
      expect(rlsPlan).not.toMatch(/Seq Scan on tickets/);
      // and the function answers as this user
      const hits = await db.query('select id from public.search_tickets($1, $2)', [c.org.orgId, 'quokka']);
      expect(hits.rows.map((r) => r.id)).toEqual([invoice.id]);
    } finally {
      await db.query('rollback').catch(() => undefined);
      await db.end();
    }
  });
});
