// A token bucket per identity subject, in memory: `burst` tokens, refilled at requestsPerMinute / 60
// per second; a request takes one token or is told how many seconds until one is there. The worker
// threads of one gateway share theirs (shared-rate-limit.ts); separate gateway processes count on their
// own (N gateways allow N × the rate; a shared store can implement RateLimiter).
import type { RateLimitOptions } from './options';

export interface RateDecision {
  allowed: boolean;
  /** When refused: whole seconds until a token is available (≥ 1). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  take(key: string): RateDecision;
}

export interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBucketLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(
    options: RateLimitOptions,
    private readonly now: () => number = Date.now,
    /** Buckets kept before idle (full) ones are dropped. */
    private readonly maxTracked = 100_000,
  ) {
    this.capacity = options.burst ?? options.requestsPerMinute;
    this.perMs = options.requestsPerMinute / 60_000;
  }

  take(key: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    this.remember(key, bucket, now);
    return takeToken(bucket, now, this.capacity, this.perMs);
  }

  private remember(key: string, bucket: Bucket, now: number): void {
    if (!this.buckets.has(key) && this.buckets.size >= this.maxTracked) {
      // a full bucket behaves exactly like a missing one: forget those
      for (const [other, b] of this.buckets) {
        if (b.tokens + (now - b.at) * this.perMs >= this.capacity) this.buckets.delete(other);
      }
    }
    this.buckets.set(key, bucket);
  }
}

/** Refills `bucket` up to `now` and takes a token from it if there is one. */
export function takeToken(bucket: Bucket, now: number, capacity: number, perMs: number): RateDecision {
  bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perMs);
  bucket.at = now;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return { allowed: true, retryAfterSeconds: 0 };
  }
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
}
