import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { IS_LOCAL } from '../helpers/env.ts';
import { orgWithMembers, type Actor } from '../helpers/org.ts';
import { superuserSql } from '../helpers/sql.ts';
import { cast, raiseTicket, type Cast, type Ticket } from '../helpers/tickets.ts';

/**
 * search_tickets reads stored documents (private side tables kept by triggers): they follow every
 * change of the text searched and every move of a comment, leave with the row, rank as the text
 * always did, and stay out of the API's reach.
 */
/** A connection as the local superuser, for what a test sets up and rolls back in one transaction. */
const superuser = () => new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${54322 + Number(process.env.STACK_PORT_OFFSET ?? 0)}/postgres` });

describe('ticket search documents: kept with the text, ranked as before, private', () => {
  let c: Cast;

  const search = async (who: Actor, query: string) => {
    const { data, error } = await who.supabase.rpc('search_tickets', { org_id: c.org.orgId, query });
    if (error) throw Object.assign(new Error(error.message), error);
    return data;
  };
  const found = async (who: Actor, query: string) => (await search(who, query)).map((t) => t.id);
  const comment = async (who: Actor, ticket: Ticket, body: string, fields: { is_internal?: boolean; scheduled_at?: string } = {}) => {
    const { data, error } = await who.supabase.from('ticket_comments').insert({ ticket_id: ticket.id, body, ...fields }).select('id').single();
    if (error) throw Object.assign(new Error(error.message), error);
    return data.id;
  };

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-search-docs'), 'rls-search-docs');
  });

  it('finds a ticket by its edited subject and description, no longer by the old ones', async () => {
    const ticket = await raiseTicket(c.members.customer, c.org.orgId,
      { subject: 'Ocelot printer jams', description: 'Paper jams in the ocelot tray.' });
    expect(await found(c.members.agent, 'ocelot')).toEqual([ticket.id]);
    await c.members.agent.supabase.from('tickets').update({ subject: 'Printer jams' }).eq('id', ticket.id).throwOnError();
    expect(await found(c.members.agent, 'ocelot')).toEqual([ticket.id]); // still in the description
    await c.members.agent.supabase.from('tickets').update({ description: 'Paper jams in the lynx tray.' }).eq('id', ticket.id).throwOnError();
    expect(await found(c.members.agent, 'ocelot')).toEqual([]);
    expect(await found(c.members.customer, 'lynx')).toEqual([ticket.id]);
  });

  it('finds a ticket by the edited text of a comment, no longer by the old one', async () => {
    const ticket = await raiseTicket(c.members.customer, c.org.orgId, { subject: 'Roller squeaks' });
    const id = await comment(c.members.agent, ticket, 'Replaced the capybara roller.');
    expect(await found(c.members.customer, 'capybara')).toEqual([ticket.id]);
    await c.members.agent.supabase.from('ticket_comments').update({ body: 'Replaced the tapir roller.' }).eq('id', id).throwOnError();
    expect(await found(c.members.customer, 'capybara')).toEqual([]);
    expect(await found(c.members.customer, 'tapir')).toEqual([ticket.id]);
  });

  it('finds comments moved by a split under the new ticket, notes still for staff only', async () => {
    const source = await raiseTicket(c.members.customer, c.org.orgId, { subject: 'Two problems at once' });
    const reply = await comment(c.members.customer, source, 'Also the narwhal scanner is offline.');
    const note = await comment(c.members.agent, source, 'Narwhal scanner: axolotl firmware known issue.', { is_internal: true });
    const { data: created, error } = await c.members.manager.supabase.rpc('split_ticket',
      { ticket_id: source.id, comment_ids: [reply, note], subject: 'Scanner offline' });
    expect(error).toBeNull();
    expect(await found(c.members.agent, 'narwhal')).toEqual([created!.id]);
    expect(await found(c.members.agent, 'axolotl')).toEqual([created!.id]);
    expect(await found(c.members.customer, 'narwhal')).toEqual([created!.id]);
    expect(await found(c.members.customer, 'axolotl')).toEqual([]);
  });

  it('finds comments moved by a merge under the surviving ticket', async () => {
    const target = await raiseTicket(c.members.customer, c.org.orgId, { subject: 'Cannot export reports' });
    const duplicate = await raiseTicket(c.members.requester, c.org.orgId, { subject: 'Export broken' });
    await comment(c.members.requester, duplicate, 'The pangolin export stops at 99 percent.');
    const merged = await c.members.manager.supabase.rpc('merge_tickets', { source_id: duplicate.id, target_id: target.id });
    expect(merged.error).toBeNull();
    expect(await found(c.members.agent, 'pangolin')).toEqual([target.id]);
    // the duplicate's requester now follows the survivor, and finds it there
    expect(await found(c.members.requester, 'pangolin')).toEqual([target.id]);
  });

  it('ranks a ticket matching in its subject above one matching only in a comment', async () => {
    const inComment = await raiseTicket(c.members.customer, c.org.orgId, { subject: 'Dock not charging' });
    await comment(c.members.agent, inComment, 'Please try the wombat cable.');
    const inSubject = await raiseTicket(c.members.customer, c.org.orgId, { subject: 'Wombat cable frayed' });
    const hits = await search(c.members.customer, 'wombat');
    expect(hits.map((t) => t.id)).toEqual([inSubject.id, inComment.id]);
    expect(hits[0].rank).toBeGreaterThan(hits[1].rank!);
    expect(hits[1].headline).toContain('<b>wombat</b>');
  });

  it('a deleted ticket or comment is no longer found', async () => {
    const ticket = await raiseTicket(c.members.customer, c.org.orgId, { subject: 'Quetzal display flickers' });
    await comment(c.members.agent, ticket, 'Flicker reproduced with the okapi adapter.');
    const scheduled = await comment(c.members.agent, ticket, 'Sending a dugong replacement on Monday.',
      { scheduled_at: new Date(Date.now() + 86_400_000).toISOString() });
    expect(await found(c.members.agent, 'dugong')).toEqual([ticket.id]);
    await c.members.agent.supabase.from('ticket_comments').delete().eq('id', scheduled).throwOnError();
    expect(await found(c.members.agent, 'dugong')).toEqual([]);
    await c.members.manager.supabase.from('tickets').delete().eq('id', ticket.id).throwOnError();
    expect(await found(c.members.agent, 'quetzal')).toEqual([]);
    expect(await found(c.members.agent, 'okapi')).toEqual([]);
  });

  it.runIf(IS_LOCAL)('a deleted ticket or comment leaves no document behind', async () => {
    const ticket = await raiseTicket(c.members.customer, c.org.orgId, { subject: 'Gone soon' });
    const kept = await comment(c.members.agent, ticket, 'A reply that goes with its ticket.');
    const cancelled = await comment(c.members.agent, ticket, 'A reply cancelled before delivery.',
      { scheduled_at: new Date(Date.now() + 86_400_000).toISOString() });
    const documents = async () => (await superuserSql<{ n: number }>(
      `select (select count(*) from private.ticket_search_documents where ticket_id = $1)
            + (select count(*) from private.comment_search_documents where comment_id = any ($2)) as n`,
      [ticket.id, [kept, cancelled]]))[0].n;
    expect(Number(await documents())).toBe(3);
    await c.members.agent.supabase.from('ticket_comments').delete().eq('id', cancelled).throwOnError();
    expect(Number(await documents())).toBe(2);
    await c.members.manager.supabase.from('tickets').delete().eq('id', ticket.id).throwOnError();
    expect(Number(await documents())).toBe(0);
  });

  it('the documents are out of the API\'s reach: not exposed, and no grant to anon or authenticated', async () => {
    for (const [who, supabase] of [['anon', c.anon], ['owner', c.members.owner.supabase], ['customer', c.members.customer.supabase]] as const) {
      for (const table of ['ticket_search_documents', 'comment_search_documents']) {
        const { data, error } = await supabase.schema('private' as 'public').from(table as 'tickets').select('*');
        expect(data, `${who} ${table}`).toBeNull();
        expect(error?.code, `${who} ${table}`).toBe('PGRST106');
      }
    }
    if (!IS_LOCAL) return;
    const grants = await superuserSql<{ role: string; table: string; privilege: string }>(
      `select r.role, t.table, p.privilege
         from unnest(array['anon', 'authenticated']) r (role)
         cross join unnest(array['private.ticket_search_documents', 'private.comment_search_documents']) t ("table")
         cross join unnest(array['select', 'insert', 'update', 'delete']) p (privilege)
        where has_table_privilege(r.role, t.table, p.privilege)`);
    expect(grants).toEqual([]);
  });

  it.runIf(IS_LOCAL)('as the caller, reading the documents in SQL is refused', async () => {
    const db = superuser();
    await db.connect();
    try {
      for (const role of ['anon', 'authenticated']) {
        for (const table of ['ticket_search_documents', 'comment_search_documents']) {
          await db.query('begin');
          await db.query(`set local role ${role}`);
          await expect(db.query(`select count(*) from private.${table}`), `${role} ${table}`).rejects.toMatchObject({ code: '42501' });
          await db.query('rollback');
        }
      }
    } finally {
      await db.end();
    }
  });

  // Common words (the newest documents match) and rarer ones are found differently: both keep the newest.
  for (const [where, newer] of [['among the newest documents', 0], ['behind 300 newer documents', 300]] as const) {
    it.runIf(IS_LOCAL)(`past 4,000 matching documents, the 4,000 newest count: matches ${where}`, { timeout: 60_000 }, async () => {
      const db = superuser();
      await db.connect();
      try {
        await db.query('begin');
        const { rows } = await db.query<{ id: string }>(
          `insert into public.tickets (org_id, subject, description, requester_id, created_at)
           select $1, 'Quagga sensor ' || g, 'Reading ' || g, $2, now() - make_interval(hours => 1, mins => g) from generate_series(1, 4001) g
           returning id`, [c.org.orgId, c.members.owner.userId]);
        const oldest = rows[rows.length - 1].id;
        await db.query(
          `insert into public.tickets (org_id, subject, description, requester_id, created_at)
           select $1, 'Newer ticket ' || g, 'Nothing in common', $2, now() - make_interval(secs => g) from generate_series(1, $3::int) g`,
          [c.org.orgId, c.members.owner.userId, newer]);
        const { data: session } = await c.members.agent.supabase.auth.getSession();
        const claims = JSON.parse(Buffer.from(session.session!.access_token.split('.')[1], 'base64url').toString());
        await db.query('set local role authenticated');
        await db.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
        const { rows: [ranked] } = await db.query<{ tickets: string; has_oldest: boolean }>(
          `select count(*) as tickets, bool_or(m.ticket_id = $2) as has_oldest
             from private.ticket_search_matches($1, websearch_to_tsquery('english', 'quagga')) m`, [c.org.orgId, oldest]);
        expect(ranked).toEqual({ tickets: '4000', has_oldest: false });
      } finally {
        await db.query('rollback').catch(() => undefined);
        await db.end();
      }
    });
  }
});
