import { beforeAll, describe, expect, it } from 'vitest';
import { IS_LOCAL } from '../helpers/env.ts';
import { orgWithMembers, type Actor } from '../helpers/org.ts';
import { superuserSql } from '../helpers/sql.ts';
import { cast, raiseTicket, type Cast, type Ticket } from '../helpers/tickets.ts';

type Hit = Ticket & { cursor: Record<string, unknown> };
const PRIORITY_ORDER = ['urgent', 'high', 'medium', 'low'];

describe('ticket list: sort orders with keyset cursors, SLA-state and "me" filters', () => {
  let c: Cast;
  const tickets: Ticket[] = [];

  const page = async (who: Actor, args: Record<string, unknown>) => {
    const { data, error } = await who.supabase.rpc('search_tickets', { org_id: c.org.orgId, ...args } as never);
    if (error) throw Object.assign(new Error(error.message), error);
    return data as unknown as Hit[];
  };
  /** Every row, two at a time, following each page's last cursor. */
  const walk = async (who: Actor, args: Record<string, unknown>) => {
    const rows: Hit[] = [];
    let after: unknown = null;
    for (let i = 0; i < 20; i++) {
      const next = await page(who, { ...args, after, page_size: 2 });
      rows.push(...next);
      if (next.length < 2) break;
      after = next[next.length - 1].cursor;
    }
    return rows;
  };

  beforeAll(async () => {
    c = await cast(await orgWithMembers('rls-sort'), 'rls-sort');
    const priorities = ['low', 'urgent', 'medium', 'high', 'urgent', 'low', 'medium'] as const;
    for (const [i, priority] of priorities.entries()) {
      tickets.push(await raiseTicket(c.members.owner, c.org.orgId, {
        subject: `Sorted ${i}`, priority, assignee_id: i % 2 ? c.members.agent.userId : null }));
    }
    // an older update for the first ticket, so that updated and created orders differ
    await c.members.agent.supabase.from('tickets').update({ category: 'Touched' }).eq('id', tickets[0].id).throwOnError();
  });

  it('each sort order pages through every ticket once, in its order', async () => {
    const agent = c.members.agent;
    const created = await walk(agent, { sort: 'created_asc' });
    expect(created.map((t) => t.id)).toEqual(tickets.map((t) => t.id));
    expect((await walk(agent, { sort: 'created_desc' })).map((t) => t.id)).toEqual(tickets.map((t) => t.id).reverse());
    const updated = await walk(agent, { sort: 'updated_desc' });
    expect(updated[0].id).toBe(tickets[0].id);
    expect(updated).toHaveLength(tickets.length);
    expect((await walk(agent, {})).map((t) => t.id)).toEqual(updated.map((t) => t.id));
    expect((await walk(agent, { sort: 'updated_asc' })).map((t) => t.id)).toEqual(updated.map((t) => t.id).reverse());
    const byPriority = await walk(agent, { sort: 'priority' });
    expect(byPriority).toHaveLength(tickets.length);
    const ranks = byPriority.map((t) => PRIORITY_ORDER.indexOf(t.priority));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(byPriority[0].cursor).toEqual({ priority: 'urgent', updated_at: byPriority[0].updated_at, id: byPriority[0].id });
  });

  it.runIf(IS_LOCAL)('rows carry their SLA state and due times; sla_state filters', async () => {
    const [first] = await page(c.members.agent, { sort: 'created_asc', page_size: 1 });
    expect(first.sla_state).toBe('ok');
    expect(first.resolution_due_at).not.toBeNull();
    // the SLA trigger owns sla_state: arrange a breach with triggers off
    await superuserSql(`set session_replication_role = replica; update public.tickets set sla_state = 'breached' where id = '${tickets[2].id}'`);
    expect((await page(c.members.agent, { filters: { sla_state: 'breached' } })).map((t) => t.id)).toEqual([tickets[2].id]);
    expect(await page(c.members.agent, { filters: { sla_state: ['near_breach'] } })).toEqual([]);
  });

  it('"me" stands for the caller in assignee and requester filters', async () => {
    const mine = await page(c.members.agent, { filters: { assignee_id: 'me' }, sort: 'created_asc' });
    expect(mine.map((t) => t.id)).toEqual(tickets.filter((_, i) => i % 2).map((t) => t.id));
    expect(await page(c.members.manager, { filters: { assignee_id: ['me'] } })).toEqual([]);
    expect((await page(c.members.owner, { filters: { requester_id: 'ME' } })).length).toBe(tickets.length);
  });

  it('refuses unknown sorts, a sort with a search, and cursors of another order', async () => {
    const refused = async (args: Record<string, unknown>, message: RegExp) => {
      await expect(page(c.members.agent, args)).rejects.toMatchObject({ code: 'P0001', message: expect.stringMatching(message) });
    };
    await refused({ sort: 'subject; drop table tickets' }, /^Unknown sort "subject; drop table tickets"\.$/);
    await refused({ sort: 'relevance' }, /^Unknown sort "relevance"\.$/);
    await refused({ query: 'sorted', sort: 'priority' }, /^Search results are sorted by relevance\.$/);
    await refused({ sort: 'created_desc', after: { updated_at: tickets[0].updated_at, id: tickets[0].id } }, /after must be the last row's sort key/);
    await refused({ sort: 'priority', after: { priority: 'critical', updated_at: tickets[0].updated_at, id: tickets[0].id } },
      /after must be the last row's sort key/);
  });
});
