import { tooManyRequests } from './http/errors.ts';
import type { AuthSettings } from './settings.ts';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Buckets of idle clients are forgotten once this many are tracked. */
const PRUNE_ABOVE = 10_000;

/**
 * A token bucket per key (client IP): `capacity` requests at once, refilled so that `capacity`
 * more are allowed per `windowSeconds` — "N per window", as `[auth.rate_limit]` documents it.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(
    private readonly capacity: number,
    windowSeconds: number,
  ) {
    this.refillPerMs = capacity / (windowSeconds * 1000);
  }

  /** Takes one token for `key`; false when the bucket is empty. */
  take(key: string, now = Date.now()): boolean {
    const bucket = this.refill(this.buckets.get(key), now);
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      return false;
    }
    this.buckets.set(key, { tokens: bucket.tokens - 1, updatedAt: now });
    if (this.buckets.size > PRUNE_ABOVE) this.prune(now);
    return true;
  }

  private refill(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.capacity, updatedAt: now };
    const tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs);
    return { tokens, updatedAt: now };
  }

  private prune(now: number) {
    for (const [key, bucket] of this.buckets) {
      if (this.refill(bucket, now).tokens >= this.capacity) this.buckets.delete(key);
    }
  }
}

export type RateLimitName = 'signInSignUps' | 'tokenRefresh' | 'tokenVerifications' | 'anonymousUsers' | 'mfa';

export interface RateLimits {
  requests: Record<RateLimitName, RateLimiter>;
  emailSent: RateLimiter;
}

export function createRateLimits(settings: AuthSettings): RateLimits {
  const limits = settings.rateLimit;
  return {
    requests: {
      signInSignUps: new RateLimiter(limits.signInSignUps, 300),
      tokenRefresh: new RateLimiter(limits.tokenRefresh, 300),
      tokenVerifications: new RateLimiter(limits.tokenVerifications, 300),
      anonymousUsers: new RateLimiter(limits.anonymousUsers, 3600),
      mfa: new RateLimiter(settings.mfa.challengesPerMinute * 2, 120),
    },
    emailSent: new RateLimiter(limits.emailSent, 3600),
  };
}

/** Answers 429 over_request_rate_limit when the client has used up the named limit. */
export function enforceRequestLimit(limits: RateLimits, name: RateLimitName, ip: string) {
  if (!limits.requests[name].take(ip)) throw tooManyRequests('over_request_rate_limit', 'Request rate limit reached');
}

/** Every email sent counts against `email_sent` per hour for the requesting client. */
export function enforceEmailLimit(limits: RateLimits, ip: string) {
  if (!limits.emailSent.take(ip)) throw tooManyRequests('over_email_send_rate_limit', 'email rate limit exceeded');
}
