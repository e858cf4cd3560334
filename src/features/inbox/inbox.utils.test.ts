import { describe, expect, it } from 'vitest';
import { afterConversation, contactLabel, fileSize, filtersFromSearch, matchesFilters, neighbourId, snoozeUntil } from './inbox.utils.ts';

describe('filtersFromSearch', () => {
  it.each([
    ['', { scope: 'all', status: 'open' }],
    ['scope=mine&status=resolved', { scope: 'mine', status: 'resolved' }],
    ['scope=team&team=t1', { scope: 'team', status: 'open', teamId: 't1' }],
    ['scope=all&team=t1', { scope: 'all', status: 'open' }],
    ['scope=<script>&status=deleted', { scope: 'all', status: 'open' }],
  ])('%s', (search, expected) => {
    expect(filtersFromSearch(new URLSearchParams(search))).toEqual(expected);
  });
});

describe('matchesFilters', () => {
  const open = { status: 'open' as const, assignee_id: 'me', team_id: 't1' };
  it.each([
    [{ scope: 'mine', status: 'open' }, true],
    [{ scope: 'mine', status: 'resolved' }, false],
    [{ scope: 'unassigned', status: 'open' }, false],
    [{ scope: 'team', status: 'open', teamId: 't1' }, true],
    [{ scope: 'team', status: 'open', teamId: 't2' }, false],
    [{ scope: 'all', status: 'open' }, true],
  ] as const)('%o → %s', (filters, expected) => {
    expect(matchesFilters(open, filters, 'me')).toBe(expected);
  });
});

describe('neighbourId', () => {
  it.each([
    [['a', 'b', 'c'], null, 1, 'a'],
    [['a', 'b', 'c'], 'a', 1, 'b'],
    [['a', 'b', 'c'], 'c', 1, 'c'],
    [['a', 'b', 'c'], 'a', -1, 'a'],
    [['a', 'b', 'c'], 'gone', -1, 'a'],
    [[], 'a', 1, null],
  ] as const)('%o from %s by %d → %s', (ids, current, step, expected) => {
    expect(neighbourId([...ids], current, step)).toBe(expected);
  });
});

describe('snoozeUntil', () => {
  const wednesday = new Date(2026, 10, 25, 15, 30);
  it('adds an hour, or lands at 9:00 tomorrow or next Monday', () => {
    expect(snoozeUntil('hour', wednesday).getTime()).toBe(wednesday.getTime() + 3600_000);
    expect(snoozeUntil('tomorrow', wednesday)).toEqual(new Date(2026, 10, 26, 9, 0));
    expect(snoozeUntil('next-week', wednesday)).toEqual(new Date(2026, 10, 30, 9, 0));
    expect(snoozeUntil('next-week', new Date(2026, 10, 30, 8, 0))).toEqual(new Date(2026, 11, 7, 9, 0));
  });
});

describe('labels', () => {
  it('names a contact by name, email or id, and sizes files', () => {
    expect(contactLabel({ id: 'abcdef123', name: ' ', email: null })).toBe('Visitor abcdef');
    expect(contactLabel({ id: 'x', name: null, email: 'a@b.c' })).toBe('a@b.c');
    expect(contactLabel(null)).toBe('Visitor');
    expect(fileSize(2048)).toBe('2 KB');
    expect(fileSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});

describe('afterConversation', () => {
  const at = '2026-11-22T10:00:00.5+00:00';
  it('continues with older activity, same activity created earlier, then conversations without messages', () => {
    expect(afterConversation({ lastMessageAt: at, createdAt: '2026-11-21T09:00:00+00:00', id: 'c1' })).toBe(
      `last_message_at.lt."${at}",and(last_message_at.eq."${at}",or(created_at.lt."2026-11-21T09:00:00+00:00",and(created_at.eq."2026-11-21T09:00:00+00:00",id.lt.c1))),last_message_at.is.null`,
    );
  });
  it('among conversations without messages, goes by creation then id', () => {
    expect(afterConversation({ lastMessageAt: null, createdAt: at, id: 'c2' })).toBe(
      `and(last_message_at.is.null,or(created_at.lt."${at}",and(created_at.eq."${at}",id.lt.c2)))`,
    );
  });
});
