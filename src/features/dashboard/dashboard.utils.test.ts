import { describe, expect, it } from 'vitest';
import { compliancePercent, formatHours, formatMinutes, lastDays, overallCompliance, presetOf, shiftDay, todayIn } from './dashboard.utils.ts';

describe('dashboard utils', () => {
  it('finds today in the organization\'s time zone', () => {
    const instant = new Date('2026-11-22T03:00:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-11-22');
    expect(todayIn('America/New_York', instant)).toBe('2026-11-21');
    expect(todayIn('Asia/Tokyo', new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });

  it('shifts calendar days across months and years', () => {
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('builds and recognises presets', () => {
    expect(lastDays(7, '2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(presetOf({ from: '2026-10-24', to: '2026-11-22' }, '2026-11-22')).toBe(30);
    expect(presetOf({ from: '2026-10-25', to: '2026-11-22' }, '2026-11-22')).toBeNull();
  });

  it.each([
    [null, '—'], [0, '0 min'], [45, '45 min'], [59.6, '1 h'], [90, '1 h 30 min'], [120, '2 h'], [1440, '1 d'], [3000, '2 d 2 h'],
  ])('formats %s minutes as %s', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });

  it('formats axis durations in hours', () => {
    expect(formatHours(90)).toBe('1.5 h');
    expect(formatHours(3000)).toBe('50 h');
  });

  it('computes compliance only over decided clocks', () => {
    expect(compliancePercent({ met: 0, breached: 0 })).toBeNull();
    expect(compliancePercent({ met: 2, breached: 1 })).toBe(66.7);
    expect(overallCompliance([{ target: 'first_response', met: 3, breached: 2 }, { target: 'resolution', met: 2, breached: 3 }])).toBe(50);
  });
});
