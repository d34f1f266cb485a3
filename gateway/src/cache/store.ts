// The cached answers: a least-recently-used map bounded by entry count and by the bytes of the answers
// (their JSON length), each entry with an expiry. Time matters besides writes: answers such as "days
// late" or "expiring within 30 days" move with the clock, which no event announces.
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
  // a Map iterates in insertion order: re-inserting on every hit keeps the least recently used first
  private readonly entries = new Map<string, CachedAnswer>();
  private totalBytes = 0;

  constructor(
    private readonly limits: StoreLimits,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  /** The entry under `key` if it has not expired (an expired one is dropped). */
  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) {
      this.totalBytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  /** Stores an answer, evicting the least recently used ones to stay within the limits. */
  set(key: string, entry: CachedAnswer): void {
    this.delete(key);
    if (entry.bytes > this.limits.maxBytes) return;
    this.entries.set(key, entry);
    this.totalBytes += entry.bytes;
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.totalBytes <= this.limits.maxBytes) break;
      this.entries.delete(oldKey);
      this.totalBytes -= old.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }
}
