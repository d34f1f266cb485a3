// Invalidation from the event bus: every event any subgraph's outbox relays (a mutation through another
// gateway, a reaction in a consumer, a job) bumps its producer's generation, so answers that read from
// that subgraph stop being served. The gateway reads the bus as one more reader: woken by `onAppend`,
// and polling every `pollMs` as well, which both catches a lost wake-up and proves the bus is there.
// The cache may serve only while the feed is fresh: the last read that reached the end of the bus
// started less than `leaseMs` ago. A failing (or hanging) bus therefore turns the cache off — nothing is
// served, everything stored is dropped — rather than letting it serve answers whose changes it cannot
// hear about; it comes back on its own once reads succeed again.
import { hostname } from 'node:os';
import type { BusEvent, BusReader, EventBus, Logger } from '@cmgraph/platform/src/lean';
import type { Generations } from './generations';
import { mutationNotice, readNotice } from './mutation-notice';

export interface BusFeedOptions {
  /** The bus, or how to open it (then the feed owns it and closes it). */
  bus: EventBus | (() => Promise<EventBus>);
  generations: Generations;
  /** The subgraphs of the supergraph: an event from any other producer bumps them all. */
  subgraphs: readonly string[];
  log: Logger;
  /** Called when the feed fails: the owner drops what it stored. */
  onFailure: () => void;
  /** Poll interval (default 1,000 ms). */
  pollMs?: number;
  /** How long after its last complete read the feed still counts as fresh (default 3 × pollMs). */
  leaseMs?: number;
  /** The reader's name on the bus (default: per host and process). */
  consumer?: string;
  /** This replica's name in mutation notices (mutation-notice.ts): its own are skipped. */
  gateway: string;
}

export interface BusFeedStats {
  fresh: boolean;
  /** The bus position read up to ('' before the first read). */
  position: string;
  events: number;
  failures: number;
}

const BATCH = 500;

export class BusInvalidationFeed {
  private bus: EventBus | undefined;
  private reader: BusReader | undefined;
  private unsubscribe: (() => Promise<void>) | undefined;
  private position: string | null = null;
  private verifiedAt = -Infinity;
  private healthy = false;
  private everSynced = false;
  private syncing: Promise<void> | undefined;
  private again = false;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  private events = 0;
  private failures = 0;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: BusFeedOptions) {
    this.pollMs = options.pollMs ?? 1_000;
    this.leaseMs = options.leaseMs ?? 3 * this.pollMs;
  }

  /** Starts reading; resolves after the first attempt (fresh or not: a bus that is down only keeps the cache off). */
  async start(): Promise<void> {
    this.timer = setInterval(() => void this.sync(), this.pollMs);
    this.timer.unref();
    await this.sync();
  }

  /** Whether the cache may serve and store now. */
  fresh(now = Date.now()): boolean {
    return this.healthy && now - this.verifiedAt <= this.leaseMs;
  }

  stats(): BusFeedStats {
    return { fresh: this.fresh(), position: this.position ?? '', events: this.events, failures: this.failures };
  }

  /** Calls `listener` after each read that reached the end of the bus (tests wait on it). */
  onSynced(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads the bus to its end now (coalesced with a read under way: one more follows it). */
  sync(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.syncing) {
      this.again = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      do {
        this.again = false;
        await this.syncOnce();
      } while (this.again && !this.closed);
    })().finally(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    this.healthy = false;
    await this.syncing?.catch(() => undefined);
    await this.unsubscribe?.().catch(() => undefined);
    await this.reader?.close().catch(() => undefined);
    if (typeof this.options.bus === 'function') await this.bus?.close().catch(() => undefined);
  }

  private async syncOnce(): Promise<void> {
    // everything appended before this instant is seen by the reads below (the bus hands out positions
    // in commit order), so a complete drain proves the feed current as of `started`
    const started = Date.now();
    try {
      this.bus ??= typeof this.options.bus === 'function' ? await this.options.bus() : this.options.bus;
      this.reader ??= await this.bus.reader(this.options.consumer ?? `gateway-cache-${hostname()}-${process.pid}`, [], { transient: true });
      // subscribed before draining: an append after this point wakes another drain
      this.unsubscribe ??= await this.bus.onAppend(() => void this.sync());
      // the cache holds nothing older than this feed: earlier events need not be read
      this.position ??= await this.bus.head();
      for (;;) {
        const events = await this.reader.read(this.position, BATCH);
        if (this.closed) return;
        this.apply(events);
        if (events.length < BATCH) break;
      }
      this.verifiedAt = started;
      if (!this.healthy) {
        this.healthy = true;
        if (this.everSynced) this.options.log.warn({ position: this.position }, 'response cache: event bus readable again, cache back on');
        this.everSynced = true;
      }
      for (const listener of this.listeners) listener();
    } catch (error) {
      if (this.closed) return;
      this.fail(error);
    }
  }

  /**
   * Puts a mutation notice on the bus (mutation-notice.ts), so that other replicas drop what they cached
   * from `subgraphs` (null: all). Resolves false when the bus is not there or too slow.
   */
  async announce(subgraphs: readonly string[] | null, timeoutMs = 1_000): Promise<boolean> {
    if (!this.bus || this.closed) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      const appended = this.bus.append([mutationNotice(this.options.gateway, subgraphs)]).then(() => true);
      return await Promise.race([appended, new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)))]);
    } catch (error) {
      this.options.log.warn({ err: error }, 'response cache: mutation notice not appended; other replicas rely on events and the TTL');
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  private apply(events: BusEvent[]): void {
    if (!events.length) return;
    const producers = new Set<string>();
    let unknown = false;
    for (const event of events) {
      const notice = readNotice(event, this.options.gateway, this.options.subgraphs);
      if (notice?.kind === 'own') continue;
      if (notice?.kind === 'subgraphs') notice.subgraphs.forEach((name) => producers.add(name));
      else if (this.options.subgraphs.includes(event.producer)) producers.add(event.producer);
      else unknown = true;
    }
    if (unknown) this.options.generations.bumpAll();
    else this.options.generations.bump(producers);
    this.events += events.length;
    this.position = events.at(-1)!.position;
  }

  private fail(error: unknown): void {
    this.failures += 1;
    if (this.healthy || !this.everSynced) {
      this.options.log.error({ err: error }, 'response cache: event bus unreadable, cache off until it is back');
      this.everSynced = true; // log the failure once per outage, not on every poll
    }
    this.healthy = false;
    this.options.generations.bumpAll();
    this.options.onFailure();
    // a listener that failed may be dead without saying so: subscribe afresh on the next attempt
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    void unsubscribe?.().catch(() => undefined);
  }
}
