// The rate limit of a gateway's worker threads (cluster/), one bucket per identity subject for all of
// them: a client whose connections land on different workers still gets the configured rate, not N times
// it. The buckets live in memory the workers share: a table of SLOTS entries (the subject's 64-bit hash,
// tokens, time of the last refill), probed linearly from the hash over a window of PROBE slots, behind a
// spin lock (a take holds it for a few hundred nanoseconds). When a window is full, a bucket that has
// refilled to capacity is replaced first (it behaves exactly like a missing one), else the one idle
// longest — which can only let that subject through early, with more than SLOTS subjects active at once.
import { createHash } from 'node:crypto';
import type { RateLimitOptions } from './options';
import { takeToken, type Bucket, type RateDecision, type RateLimiter } from './rate-limit';

const SLOTS = 1 << 16;
const PROBE = 32;
const EMPTY = 0n;

export class SharedTokenBucketLimiter implements RateLimiter {
  private readonly lock: Int32Array;
  private readonly keys: BigInt64Array;
  private readonly tokens: Float64Array;
  private readonly at: Float64Array;
  private readonly capacity: number;
  private readonly perMs: number;

  /** Memory for the buckets, to hand to every worker. */
  static memory(): SharedArrayBuffer {
    return new SharedArrayBuffer(8 + SLOTS * 24);
  }

  constructor(
    options: RateLimitOptions,
    memory: SharedArrayBuffer,
    private readonly now: () => number = Date.now,
  ) {
    this.lock = new Int32Array(memory, 0, 1);
    this.keys = new BigInt64Array(memory, 8, SLOTS);
    this.tokens = new Float64Array(memory, 8 + SLOTS * 8, SLOTS);
    this.at = new Float64Array(memory, 8 + SLOTS * 16, SLOTS);
    this.capacity = options.burst ?? options.requestsPerMinute;
    this.perMs = options.requestsPerMinute / 60_000;
  }

  take(subject: string): RateDecision {
    const key = hashOf(subject);
    const now = this.now();
    while (Atomics.compareExchange(this.lock, 0, 0, 1) !== 0); // the others hold it for a moment only
    try {
      const slot = this.slotFor(key, now);
      const bucket: Bucket = this.keys[slot] === key ? { tokens: this.tokens[slot]!, at: this.at[slot]! } : { tokens: this.capacity, at: now };
      const decision = takeToken(bucket, now, this.capacity, this.perMs);
      this.keys[slot] = key;
      this.tokens[slot] = bucket.tokens;
      this.at[slot] = bucket.at;
      return decision;
    } finally {
      Atomics.store(this.lock, 0, 0);
    }
  }

  private slotFor(key: bigint, now: number): number {
    const start = Number(key & BigInt(SLOTS - 1));
    let free = -1;
    let idlest = start;
    for (let i = 0; i < PROBE; i++) {
      const slot = (start + i) & (SLOTS - 1);
      const held = this.keys[slot]!;
      if (held === key) return slot;
      if (free >= 0) continue;
      if (held === EMPTY || this.tokens[slot]! + (now - this.at[slot]!) * this.perMs >= this.capacity) free = slot;
      else if (this.at[slot]! < this.at[idlest]!) idlest = slot;
    }
    return free >= 0 ? free : idlest;
  }
}

/** A subject's 64-bit hash (never 0, which marks an empty slot). */
function hashOf(subject: string): bigint {
  const hash = createHash('sha256').update(subject).digest().readBigInt64LE(0);
  return hash === EMPTY ? 1n : hash;
}
