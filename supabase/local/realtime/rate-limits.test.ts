import { describe, expect, it } from 'vitest';
import { FixedWindowLimit, SlidingRateLimit } from './rate-limits.ts';

describe('rate limits', () => {
  it('allows the average rate over a sliding window, then frees capacity as events age out', () => {
    const joins = new SlidingRateLimit(2, 1000);
    expect([0, 10, 20].map((t) => joins.tryAcquire(t))).toEqual([true, true, false]);
    expect(joins.tryAcquire(1001)).toBe(true);
  });

  it('resets a fixed window once it has passed', () => {
    const presence = new FixedWindowLimit(2, 30_000);
    expect([0, 1, 2].map((t) => presence.tryAcquire(t))).toEqual([true, true, false]);
    expect(presence.tryAcquire(30_001)).toBe(true);
  });
});
