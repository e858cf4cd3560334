import { describe, expect, it } from 'vitest';
import { formatDay, relativeTime } from './format.ts';

describe('relativeTime', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  it.each([
    ['2026-11-22T11:59:30Z', 'just now'],
    ['2026-11-22T11:57:00Z', '3 minutes ago'],
    ['2026-11-22T10:00:00Z', '2 hours ago'],
    ['2026-11-21T12:00:00Z', 'yesterday'],
    ['2026-11-24T12:00:00Z', 'in 2 days'],
  ])('%s → %s', (value, expected) => {
    expect(relativeTime(value, now, 'en')).toBe(expected);
  });
});

describe('formatDay', () => {
  it('does not shift the day through the local time zone', () => {
    expect(formatDay('2026-12-25', 'en-US')).toBe('Friday, December 25, 2026');
  });
});
