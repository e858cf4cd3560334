/** Allows `perSecond` events per second on average over a sliding window. */
export class SlidingRateLimit {
  private readonly times: number[] = [];
  private readonly capacity: number;

  constructor(
    perSecond: number,
    private readonly windowMs: number,
  ) {
    this.capacity = Math.max(1, Math.floor((perSecond * windowMs) / 1000));
  }

  tryAcquire(now = Date.now()): boolean {
    while (this.times.length > 0 && this.times[0] <= now - this.windowMs) this.times.shift();
    if (this.times.length >= this.capacity) return false;
    this.times.push(now);
    return true;
  }
}

/** At most `max` events per window; the window starts at the first event after the previous one ended. */
export class FixedWindowLimit {
  private count = 0;
  private resetAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  tryAcquire(now = Date.now()): boolean {
    if (now > this.resetAt) {
      this.count = 0;
      this.resetAt = now + this.windowMs;
    }
    if (this.count >= this.max) return false;
    this.count++;
    return true;
  }
}
