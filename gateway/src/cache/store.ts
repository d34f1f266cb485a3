// The cached answers: a least-recently-used map bounded by entry count and by the bytes of the answers
// (their JSON length), each entry with an expiry. Time matters besides writes: answers such as "days
// late" or "expiring within 30 days" move with the clock, which no event announces.
// The LRU bookkeeping is lru-cache's (the one Apollo Server already loads): both bounds, eviction of the
// least recently used first, and an answer larger than the whole byte bound never stored. It allocates a
// slot for every entry the bound allows up front (about 20 bytes each: 200 kB at the default 10,000).
// Expiry stays here, on each entry's own `expiresAt` against this store's clock, so that a test can move
// the clock and the cache plugin decides an answer's lifetime in one place.
import { LRUCache } from 'lru-cache';

export interface CachedAnswer {
  /** The response's `data`, shared by every hit (never mutated: Apollo only serialises it). */
  data: Record<string, unknown>;
  /** The subgraphs the answer was fetched from. */
  subgraphs: readonly string[];
  /** The generation tick at which the request that computed it started. */
  startedAt: number;
  expiresAt: number;
  bytes: number;
}

export interface StoreLimits {
  maxEntries: number;
  maxBytes: number;
}

export class AnswerStore {
  private readonly entries: LRUCache<string, CachedAnswer>;

  constructor(
    limits: StoreLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.entries = new LRUCache<string, CachedAnswer>({
      max: limits.maxEntries,
      maxSize: limits.maxBytes,
      // lru-cache takes positive integer sizes only, and throws on anything else: a cache must not fail
      // a request, so an odd size is rounded up to one it accepts
      sizeCalculation: (entry) => Math.max(1, Math.ceil(entry.bytes)),
    });
  }

  get size(): number {
    return this.entries.size;
  }

  /** The bytes of the answers held (as counted for the byte bound). */
  get bytes(): number {
    return this.entries.calculatedSize;
  }

  /** The entry under `key` if it has not expired (an expired one is dropped); a hit becomes the most recently used. */
  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /**
   * Stores an answer, evicting the least recently used ones to stay within the limits. One larger than
   * the byte bound is not kept (and replaces, so drops, what `key` held).
   */
  set(key: string, entry: CachedAnswer): void {
    this.entries.set(key, entry);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
