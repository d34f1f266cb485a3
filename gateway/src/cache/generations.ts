// Generations: what decides whether a cached answer (or an in-flight subgraph fetch) may still be used.
// One logical clock; a bump of a subgraph stamps it with the next tick. An answer computed by a request
// that started at tick T from subgraphs S is current while no subgraph of S was bumped after T. The same
// test, made when the answer is about to be stored, skips storing an answer that raced a write: a query
// that ran while a mutation committed may hold the old data, and must not keep it.
//
// The clock and the stamps live in memory that the gateway's worker threads share (cluster/): a mutation
// answered by one worker has bumped the generations every other worker checks, before its client hears
// back — no message to wait for. Slots: 0 the clock, 1 "every subgraph", then one per subgraph, in the
// order of the supergraph's subgraph names (the same in every worker). A subgraph not named there counts
// as a change of all.
const CLOCK = 0;
const ALL = 1;
const FIRST = 2;

export class Generations {
  private readonly slots: BigInt64Array;
  private readonly slotOf = new Map<string, number>();

  /**
   * @param subgraphs the supergraph's subgraph names, in a fixed order (every sharer passes the same)
   * @param memory shared with other workers (from `Generations.memory`), else this instance's own
   */
  constructor(
    readonly subgraphs: readonly string[],
    memory: SharedArrayBuffer = Generations.memory(subgraphs.length),
  ) {
    this.slots = new BigInt64Array(memory);
    if (this.slots.length < FIRST + subgraphs.length) throw new Error(`generation memory holds ${this.slots.length - FIRST} subgraphs, ${subgraphs.length} given`);
    subgraphs.forEach((name, index) => this.slotOf.set(name, FIRST + index));
  }

  /** Memory for the generations of `subgraphs` subgraphs, to hand to every worker. */
  static memory(subgraphs: number): SharedArrayBuffer {
    return new SharedArrayBuffer((FIRST + subgraphs) * BigInt64Array.BYTES_PER_ELEMENT);
  }

  /** The current tick: taken by a request before it runs anything. */
  now(): number {
    return Number(Atomics.load(this.slots, CLOCK));
  }

  /** Marks these subgraphs changed as of now. */
  bump(subgraphs: Iterable<string>): void {
    const tick = Atomics.add(this.slots, CLOCK, 1n) + 1n;
    for (const name of subgraphs) this.stamp(this.slotOf.get(name) ?? ALL, tick);
  }

  /** A change of every subgraph (unknown producer, bus failure, flush). */
  bumpAll(): void {
    this.stamp(ALL, Atomics.add(this.slots, CLOCK, 1n) + 1n);
  }

  /** The tick of the last change of one subgraph (0: never). */
  lastChange(subgraph: string): number {
    const all = Atomics.load(this.slots, ALL);
    const slot = this.slotOf.get(subgraph);
    const own = slot === undefined ? all : Atomics.load(this.slots, slot);
    return Number(own > all ? own : all);
  }

  /** Whether an answer from `subgraphs`, computed by a request that started at `startedAt`, is current. */
  current(subgraphs: readonly string[], startedAt: number): boolean {
    const since = BigInt(startedAt);
    if (Atomics.load(this.slots, ALL) > since) return false;
    for (const name of subgraphs) {
      const slot = this.slotOf.get(name);
      if (slot === undefined || Atomics.load(this.slots, slot) > since) return false;
    }
    return true;
  }

  // A stamp only moves forward: two workers bumping one subgraph at once may store their ticks in either order.
  private stamp(slot: number, tick: bigint): void {
    for (let seen = Atomics.load(this.slots, slot); seen < tick; ) {
      const previous = Atomics.compareExchange(this.slots, slot, seen, tick);
      if (previous === seen) return;
      seen = previous;
    }
  }
}
