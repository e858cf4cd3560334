import { describe, expect, it } from 'vitest';
import {
  businessHoursProblems,
  closeForInput,
  closeFromInput,
  DEFAULT_BUSINESS_HOURS,
  dayProblem,
  isDefaultBusinessHours,
  normalizeBusinessHours,
  parseBusinessHours,
  summarizeBusinessHours,
} from './business-hours.utils.ts';

describe('dayProblem', () => {
  it.each([
    [[], null],
    [[{ open: '09:00', close: '17:00' }], null],
    [[{ open: '09:00', close: '12:00' }, { open: '13:00', close: '17:00' }], null],
    [[{ open: '13:00', close: '17:00' }, { open: '09:00', close: '13:00' }], null],
    [[{ open: '00:00', close: '24:00' }], null],
    [[{ open: '9:00', close: '17:00' }], 'Enter both times as HH:MM.'],
    [[{ open: '24:00', close: '24:00' }], 'Enter both times as HH:MM.'],
    [[{ open: '17:00', close: '09:00' }], 'Each range must open before it closes.'],
    [[{ open: '09:00', close: '09:00' }], 'Each range must open before it closes.'],
    [[{ open: '09:00', close: '13:00' }, { open: '12:00', close: '17:00' }], 'Ranges must not overlap.'],
  ])('%j → %s', (ranges, expected) => expect(dayProblem(ranges)).toBe(expected));

  it('reports problems by day', () => {
    expect(businessHoursProblems({ mon: [{ open: '10:00', close: '09:00' }], tue: [] })).toEqual({ mon: 'Each range must open before it closes.' });
  });
});

describe('parseBusinessHours', () => {
  it('keeps valid days and drops junk', () => {
    expect(parseBusinessHours({ mon: [{ open: '09:00', close: '17:00' }, 'x'], funday: [], tue: 'nope' })).toEqual({
      mon: [{ open: '09:00', close: '17:00' }],
    });
    expect(parseBusinessHours(null)).toEqual({});
    expect(parseBusinessHours([1, 2])).toEqual({});
  });
});

describe('normalizeBusinessHours', () => {
  it('sorts ranges and leaves closed days out', () => {
    expect(normalizeBusinessHours({ sat: [], mon: [{ open: '13:00', close: '17:00' }, { open: '08:00', close: '12:00' }] })).toEqual({
      mon: [{ open: '08:00', close: '12:00' }, { open: '13:00', close: '17:00' }],
    });
  });
});

describe('summarizeBusinessHours', () => {
  it.each([
    [DEFAULT_BUSINESS_HOURS, 'Mon–Fri 09:00–17:00'],
    [{}, 'Closed all week'],
    [{ ...DEFAULT_BUSINESS_HOURS, sat: [{ open: '10:00', close: '14:00' }] }, 'Mon–Fri 09:00–17:00; Sat 10:00–14:00'],
    [{ mon: [{ open: '09:00', close: '17:00' }], wed: [{ open: '09:00', close: '17:00' }] }, 'Mon 09:00–17:00; Wed 09:00–17:00'],
    [{ sun: [{ open: '00:00', close: '24:00' }] }, 'Sun 00:00–24:00'],
  ])('%j → %s', (hours, expected) => expect(summarizeBusinessHours(hours)).toBe(expected));
});

describe('isDefaultBusinessHours', () => {
  it('recognises the starting hours, whatever the key order', () => {
    expect(isDefaultBusinessHours(parseBusinessHours(JSON.parse(JSON.stringify(DEFAULT_BUSINESS_HOURS))))).toBe(true);
    expect(isDefaultBusinessHours({ ...DEFAULT_BUSINESS_HOURS, fri: [{ open: '09:00', close: '15:00' }] })).toBe(false);
  });
});

describe('midnight in time inputs', () => {
  it('shows 24:00 as 00:00 and reads 00:00 back as 24:00', () => {
    expect(closeForInput('24:00')).toBe('00:00');
    expect(closeFromInput('00:00')).toBe('24:00');
    expect(closeFromInput('17:30')).toBe('17:30');
  });
});
