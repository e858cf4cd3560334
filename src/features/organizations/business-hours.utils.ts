import type { Json } from '../../types/database.ts';

/** Weekly opening hours as stored in organizations.business_hours; a missing day is closed. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
// A type alias, not an interface: it must be assignable to the generated `Json` type.
export type TimeRange = {
  open: string;
  close: string;
};
export type BusinessHours = Partial<Record<Weekday, TimeRange[]>>;

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export const DEFAULT_BUSINESS_HOURS: BusinessHours = Object.fromEntries(
  WEEKDAYS.slice(0, 5).map((day) => [day, [{ open: '09:00', close: '17:00' }]]),
);

const OPEN_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOSE_TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Reads the JSON column defensively: unknown days and malformed ranges are dropped. */
export function parseBusinessHours(value: Json | null | undefined): BusinessHours {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const hours: BusinessHours = {};
  for (const day of WEEKDAYS) {
    const ranges = value[day];
    if (!Array.isArray(ranges)) continue;
    hours[day] = ranges.flatMap((range) =>
      range && typeof range === 'object' && !Array.isArray(range) && typeof range.open === 'string' && typeof range.close === 'string'
        ? [{ open: range.open, close: range.close }]
        : [],
    );
  }
  return hours;
}

/** A time input cannot show 24:00: midnight at the end of the day is typed as 00:00. */
export const closeForInput = (close: string) => (close === '24:00' ? '00:00' : close);
export const closeFromInput = (value: string) => (value === '00:00' ? '24:00' : value);

/** What is wrong with one day's ranges, or null: bad times, closing before opening, overlaps. */
export function dayProblem(ranges: readonly TimeRange[]): string | null {
  for (const { open, close } of ranges) {
    if (!OPEN_TIME.test(open) || !CLOSE_TIME.test(close)) return 'Enter both times as HH:MM.';
    if (open >= close) return 'Each range must open before it closes.';
  }
  const sorted = [...ranges].sort((a, b) => a.open.localeCompare(b.open));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].open < sorted[i - 1].close) return 'Ranges must not overlap.';
  }
  return null;
}

/** Problems by day; empty when the whole week is valid. */
export function businessHoursProblems(hours: BusinessHours): Partial<Record<Weekday, string>> {
  const problems: Partial<Record<Weekday, string>> = {};
  for (const day of WEEKDAYS) {
    const problem = dayProblem(hours[day] ?? []);
    if (problem) problems[day] = problem;
  }
  return problems;
}

/** Sorted ranges, closed days left out: the form the database stores. */
export function normalizeBusinessHours(hours: BusinessHours): BusinessHours {
  const normalized: BusinessHours = {};
  for (const day of WEEKDAYS) {
    const ranges = hours[day];
    if (ranges?.length) normalized[day] = [...ranges].sort((a, b) => a.open.localeCompare(b.open));
  }
  return normalized;
}

/** "09:00–12:00, 13:00–17:00", or "Closed". */
export function formatRanges(ranges: readonly TimeRange[] | undefined): string {
  if (!ranges?.length) return 'Closed';
  return ranges.map(({ open, close }) => `${open}–${close}`).join(', ');
}

const SHORT: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** One line for the week, consecutive days with the same hours grouped: "Mon–Fri 09:00–17:00; Sat 10:00–14:00". */
export function summarizeBusinessHours(hours: BusinessHours): string {
  const normalized = normalizeBusinessHours(hours);
  const groups: { from: Weekday; to: Weekday; text: string }[] = [];
  for (const day of WEEKDAYS) {
    const text = formatRanges(normalized[day]);
    const last = groups[groups.length - 1];
    if (last && last.text === text) last.to = day;
    else groups.push({ from: day, to: day, text });
  }
  const open = groups.filter((group) => group.text !== 'Closed');
  if (!open.length) return 'Closed all week';
  return open.map(({ from, to, text }) => `${from === to ? SHORT[from] : `${SHORT[from]}–${SHORT[to]}`} ${text}`).join('; ');
}

/** Whether the hours are still the ones every organization starts with. */
export function isDefaultBusinessHours(hours: BusinessHours): boolean {
  return JSON.stringify(normalizeBusinessHours(hours)) === JSON.stringify(normalizeBusinessHours(DEFAULT_BUSINESS_HOURS));
}
