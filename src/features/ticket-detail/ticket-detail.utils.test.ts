import { describe, expect, it } from 'vitest';
import {
  decodeMentions,
  describeEvent,
  encodeMentions,
  fileProblem,
  formatCountdown,
  legalMoves,
  matchPeople,
  mentionParts,
  mentionQueryAt,
  parseTags,
  quoteFilterValue,
  sanitizeFileName,
  slaClockState,
  type StatusOption,
  type TransitionRule,
} from './ticket-detail.utils.ts';

const status = (id: string, category: StatusOption['category'], position = 0): StatusOption => ({ id, name: id, category, position });
const STATUSES = [status('Open', 'open'), status('Doing', 'in_progress'), status('Waiting', 'waiting_on_customer'), status('Done', 'resolved'), status('Closed', 'closed')];
const rule = (from: StatusOption['category'], to: StatusOption['category'], extra: Partial<TransitionRule> = {}): TransitionRule => ({
  from_category: from,
  to_category: to,
  required_permission: 'tickets.manage',
  requester_may: false,
  requires_reason: false,
  ...extra,
});
const RULES = [rule('open', 'in_progress'), rule('open', 'resolved'), rule('resolved', 'open', { requester_may: true, requires_reason: true }), rule('resolved', 'closed', { requester_may: true })];

describe('legalMoves', () => {
  it('offers agents the transitions their permission allows, flagging resolve and reopen', () => {
    const moves = legalMoves(STATUSES[0], STATUSES, RULES, (p) => p === 'tickets.manage', false);
    expect(moves.map((m) => [m.status.id, m.asksResolution, m.requiresReason])).toEqual([
      ['Doing', false, false],
      ['Done', true, false],
    ]);
  });
  it('offers requesters only what requester_may allows', () => {
    expect(legalMoves(STATUSES[3], STATUSES, RULES, () => false, true).map((m) => m.status.id)).toEqual(['Open', 'Closed']);
    expect(legalMoves(STATUSES[3], STATUSES, RULES, () => false, false)).toEqual([]);
    expect(legalMoves(STATUSES[0], STATUSES, RULES, () => false, true)).toEqual([]);
  });
});

describe('mentions', () => {
  const people = [
    { userId: '11111111-1111-4111-8111-111111111111', name: 'Morgan Manager' },
    { userId: '22222222-2222-4222-8222-222222222222', name: 'Morgan' },
  ];
  it('round-trips @Name and @[id], longest names first and not inside words or emails', () => {
    const text = 'Ask @Morgan Manager and @Morgan, not mail@Morgan';
    const encoded = encodeMentions(text, people);
    expect(encoded).toBe(`Ask @[${people[0].userId}] and @[${people[1].userId}], not mail@Morgan`);
    expect(decodeMentions(encoded, people)).toBe(text);
  });
  it('splits a body into text and mention parts, unknown ids named as such', () => {
    expect(mentionParts(`Hi @[${people[0].userId}] <b>`, people)).toEqual([
      { text: 'Hi ', mention: false },
      { text: '@Morgan Manager', mention: true },
      { text: ' <b>', mention: false },
    ]);
    expect(mentionParts('@[33333333-3333-4333-8333-333333333333]', people)[0].text).toBe('@unknown member');
  });
  it('finds the @query at the caret and matches word starts', () => {
    expect(mentionQueryAt('hello @mo', 9)).toEqual({ start: 6, query: 'mo' });
    expect(mentionQueryAt('mail@mo', 7)).toBeNull();
    expect(mentionQueryAt('@mo rest', 8)).toBeNull();
    expect(matchPeople(people, 'man').map((p) => p.name)).toEqual(['Morgan Manager']);
  });
});

describe('files', () => {
  it.each([
    ['../etc/passwd', 'etcpasswd'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['  ...hidden', 'hidden'],
    ['\u0000', 'attachment'],
    ['a'.repeat(250), 'a'.repeat(200)],
  ])('sanitizes %j', (name, expected) => expect(sanitizeFileName(name)).toBe(expected));
  it('explains files over the size limit or of a refused type', () => {
    expect(fileProblem({ name: 'big.pdf', size: 2048, type: 'application/pdf' }, 1024, ['application/pdf'])).toBe('big.pdf is larger than 1 KB.');
    expect(fileProblem({ name: 'x.html', size: 10, type: 'text/html' }, 1024, ['application/pdf'])).toContain('not accepted');
    expect(fileProblem({ name: 'ok.pdf', size: 10, type: 'application/pdf' }, 1024, ['application/pdf'])).toBeNull();
  });
});

describe('SLA clocks', () => {
  const start = '2026-11-22T08:00:00Z';
  const due = '2026-11-22T18:00:00Z';
  it.each([
    ['2026-11-22T09:00:00Z', false, 'ok'],
    ['2026-11-22T16:30:00Z', false, 'near_breach'],
    ['2026-11-22T16:30:00Z', true, 'paused'],
    ['2026-11-22T18:00:01Z', false, 'breached'],
  ])('at %s (paused %s) is %s', (now, paused, state) => expect(slaClockState(due, start, Date.parse(now), paused).state).toBe(state));
  it('formats countdowns', () => {
    expect(formatCountdown(2 * 86400_000 + 4 * 3600_000)).toBe('2d 4h');
    expect(formatCountdown(3 * 3600_000 + 5 * 60_000)).toBe('3h 05m');
    expect(formatCountdown(-(4 * 60_000 + 9_000))).toBe('4m 09s');
  });
});

describe('describeEvent', () => {
  const nameOf = (id: unknown) => (id ? `user ${String(id)}` : 'nobody');
  const teamName = (id: unknown) => (id ? `team ${String(id)}` : 'no team');
  it('describes automatic assignment with its mode and before → after', () => {
    expect(describeEvent({ kind: 'ticket.assigned', before: { assignee_id: null, team_id: 't' }, after: { assignee_id: 'u', team_id: 't', mode: 'round_robin' } }, nameOf, teamName)).toEqual({
      title: 'assigned the ticket automatically (round robin)',
      details: ['Assignee: nobody → user u'],
    });
  });
  it('describes field edits, status changes with reasons, links and splits', () => {
    expect(describeEvent({ kind: 'ticket.updated', before: { tags: [] }, after: { tags: ['vip'] } }, nameOf, teamName).details).toEqual(['tags: — → vip']);
    expect(describeEvent({ kind: 'ticket.status_changed', before: { status: 'Resolved' }, after: { status: 'Open', reopen_reason: 'Again' } }, nameOf, teamName)).toEqual({
      title: 'changed the status from Resolved to Open',
      details: ['Reason: Again'],
    });
    expect(describeEvent({ kind: 'ticket.linked', before: null, after: { number: 'A-1', kind: 'duplicate_of' } }, nameOf, teamName).title).toBe('linked A-1 (duplicate of)');
    expect(describeEvent({ kind: 'ticket.split', before: null, after: { number: 'A-2', comment_ids: ['a', 'b'] } }, nameOf, teamName).details).toEqual(['2 comments moved']);
  });
});

describe('search and tags', () => {
  it('quotes PostgREST filter values so commas and parentheses stay literal', () => {
    expect(quoteFilterValue('%a,b)"c\\%')).toBe('"%a,b)\\"c\\\\%"');
  });
  it('parses tags from commas and spaces', () => {
    expect(parseTags('Billing, VIP  vip urgent,')).toEqual(['billing', 'vip', 'urgent']);
  });
});
