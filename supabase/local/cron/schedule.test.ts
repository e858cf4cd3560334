import { describe, expect, it } from 'vitest';
import { planFor } from './schedule.ts';

describe('planFor', () => {
  it('reads pg_cron second intervals', () => {
    expect(planFor('1 seconds')).toEqual({ kind: 'interval', seconds: 1 });
    expect(planFor(' 30 Second ')).toEqual({ kind: 'interval', seconds: 30 });
    expect(planFor('60 seconds')).toBeNull();
    expect(planFor('0 seconds')).toBeNull();
  });

  it('expands nicknames and recognises @reboot', () => {
    expect(planFor('@hourly')).toEqual({ kind: 'cron', pattern: '0 * * * *' });
    expect(planFor('@midnight')).toEqual({ kind: 'cron', pattern: '0 0 * * *' });
    expect(planFor('@reboot')).toEqual({ kind: 'reboot' });
    expect(planFor('@often')).toBeNull();
  });

  it('passes 5-field schedules on, with $ (last day of month) spelled L', () => {
    expect(planFor('*/5 * * * *')).toEqual({ kind: 'cron', pattern: '*/5 * * * *' });
    expect(planFor('0 0 $ * *')).toEqual({ kind: 'cron', pattern: '0 0 L * *' });
    expect(planFor('* * * *')).toBeNull();
  });
});
