/**
 * Turns a pg_cron schedule into what the Node scheduler runs. The database already refused
 * invalid schedules (cron.schedule_is_valid); this mirrors that grammar for rows that predate it.
 */
export type Plan =
  | { kind: 'cron'; pattern: string }
  | { kind: 'interval'; seconds: number }
  /** `@reboot`: once, when the scheduler starts. */
  | { kind: 'reboot' };

const NICKNAMES: Record<string, string> = {
  yearly: '0 0 1 1 *',
  annually: '0 0 1 1 *',
  monthly: '0 0 1 * *',
  weekly: '0 0 * * 0',
  daily: '0 0 * * *',
  midnight: '0 0 * * *',
  hourly: '0 * * * *',
};

export function planFor(schedule: string): Plan | null {
  const text = schedule.trim();
  const interval = /^(\d{1,2})\s*seconds?$/i.exec(text);
  if (interval) {
    const seconds = Number(interval[1]);
    return seconds >= 1 && seconds <= 59 ? { kind: 'interval', seconds } : null;
  }
  const nickname = /^@([a-z]+)$/.exec(text)?.[1];
  if (nickname === 'reboot' || nickname === 'restart') return { kind: 'reboot' };
  if (nickname) return NICKNAMES[nickname] ? { kind: 'cron', pattern: NICKNAMES[nickname] } : null;
  const fields = text.split(/\s+/);
  if (fields.length !== 5) return null;
  // pg_cron spells "last day of the month" `$`; croner spells it `L`.
  if (fields[2] === '$') fields[2] = 'L';
  return { kind: 'cron', pattern: fields.join(' ') };
}
