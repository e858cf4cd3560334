import { beforeAll, describe, expect, it } from 'vitest';
import { admin } from '../helpers/env.ts';
import { orgWithMembers, type OrgFixture } from '../helpers/org.ts';
import { otherOrgOwner, raiseTicket } from '../helpers/tickets.ts';

/** The organization's local day as YYYYMMDD. */
const localDay = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date()).replaceAll('-', '');

/** Sequence numbers by day, e.g. { "20261122": [1, 2, 3] }. */
function sequencesByDay(numbers: string[]): Record<string, number[]> {
  const days: Record<string, number[]> = {};
  for (const number of numbers) {
    const [, day, sequence] = /-(\d{8})-(\d+)$/.exec(number)!;
    (days[day] ??= []).push(Number(sequence));
  }
  for (const list of Object.values(days)) list.sort((a, b) => a - b);
  return days;
}

describe('ticket numbers: per organization and local day, gap-free under concurrency', () => {
  let org: OrgFixture;
  beforeAll(async () => {
    org = await orgWithMembers('rls-numbers');
    // UTC+14: the organization's day often differs from the server's.
    await org.members.owner.supabase.from('organizations').update({ time_zone: 'Pacific/Kiritimati' }).eq('id', org.orgId);
  });

  it('20 concurrent inserts get 0001…0020 with no gap and no duplicate', async () => {
    const clients = [org.members.agent, org.members.customer, org.members.requester, org.members.manager];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        clients[i % clients.length].supabase.from('tickets').insert({ org_id: org.orgId, subject: `Concurrent ${i}` }).select('number').single()),
    );
    expect(results.map((r) => r.error)).toEqual(Array(20).fill(null));
    const numbers = results.map((r) => r.data!.number);
    expect(new Set(numbers).size).toBe(20);
    for (const sequence of Object.values(sequencesByDay(numbers))) {
      expect(sequence).toEqual(sequence.map((_, i) => i + 1));
    }
  });

  it('uses the day of the organization\'s time zone', async () => {
    const before = localDay('Pacific/Kiritimati');
    const ticket = await raiseTicket(org.members.customer, org.orgId);
    const after = localDay('Pacific/Kiritimati');
    expect([before, after]).toContain(/-(\d{8})-/.exec(ticket.number)![1]);
  });

  it('a refused insert does not use up a number', async () => {
    const first = await raiseTicket(org.members.customer, org.orgId);
    const refused = await org.members.customer.supabase.from('tickets').insert({ org_id: org.orgId, subject: 'x', description: 'y'.repeat(20_001) });
    expect(refused.error?.code).toBe('P0001');
    const next = await raiseTicket(org.members.customer, org.orgId);
    const [a, b] = [first.number, next.number].map((n) => Number(n.split('-').at(-1)));
    if (first.number.split('-')[1] === next.number.split('-')[1]) expect(b).toBe(a + 1);
  });

  it('every organization counts on its own', async () => {
    const other = await otherOrgOwner('rls-numbers');
    const ticket = await raiseTicket(other, other.orgId);
    expect(ticket.number).toMatch(/-0001$/);
    const { count } = await admin().from('tickets').select('id', { count: 'exact', head: true }).eq('org_id', other.orgId);
    expect(count).toBe(1);
  });
});
