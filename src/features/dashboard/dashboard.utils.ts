import type { DateRange, Metrics, Priority } from './metrics.schema.ts';

/** Today's date ("YYYY-MM-DD") in a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** "2026-11-22" minus `days` days, as a calendar date (no time zone involved). */
export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export const PRESETS = [
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
] as const;

/** The last `days` local days, today included. */
export function lastDays(days: number, today: string): DateRange {
  return { from: shiftDay(today, 1 - days), to: today };
}

/** The preset a range matches, or null for a custom range. */
export function presetOf(range: DateRange, today: string): number | null {
  return PRESETS.find((preset) => range.to === today && range.from === shiftDay(today, 1 - preset.days))?.days ?? null;
}

/** 45 → "45 min", 90 → "1 h 30 min", 3000 → "2 d 2 h"; null → "—". */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} min`;
  if (rounded < 24 * 60) return rounded % 60 ? `${Math.floor(rounded / 60)} h ${rounded % 60} min` : `${rounded / 60} h`;
  const hours = Math.round(rounded / 60);
  return hours % 24 ? `${Math.floor(hours / 24)} d ${hours % 24} h` : `${hours / 24} d`;
}

/** Axis ticks of durations: 90 → "1.5 h", 3000 → "50 h". */
export function formatHours(minutes: number): string {
  return `${Math.round((minutes / 60) * 10) / 10} h`;
}

/** Met share of a target in percent (one decimal), or null when nothing was decided. */
export function compliancePercent({ met, breached }: { met: number; breached: number }): number | null {
  const decided = met + breached;
  return decided === 0 ? null : Math.round((met / decided) * 1000) / 10;
}

export const PRIORITY_LABELS: Record<Priority, string> = { urgent: 'Urgent', high: 'High', medium: 'Medium', low: 'Low' };

export const BACKLOG_LABELS: Record<Metrics['backlog_age'][number]['bucket'], string> = {
  under_1_day: 'Under 1 day',
  '1_to_3_days': '1–3 days',
  '3_to_7_days': '3–7 days',
  over_7_days: 'Over 7 days',
};

export const SLA_LABELS: Record<Metrics['sla'][number]['target'], string> = { first_response: 'First response', resolution: 'Resolution' };

/** The overall SLA compliance of a range: all targets' met over all decided. */
export function overallCompliance(sla: Metrics['sla']): number | null {
  return compliancePercent(sla.reduce((sum, target) => ({ met: sum.met + target.met, breached: sum.breached + target.breached }), { met: 0, breached: 0 }));
}

/** "2026-11-22" → "Nov 22" for chart axes. */
export function shortDay(day: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** Whether a range had no ticket activity at all (charts then show an empty state). */
export function isQuiet(metrics: Metrics): boolean {
  return metrics.totals.created === 0 && metrics.totals.resolved === 0 && metrics.totals.open === 0;
}
