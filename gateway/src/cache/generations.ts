// Generations: what decides whether a cached answer (or an in-flight subgraph fetch) may still be used.
// One logical clock; a bump of a subgraph stamps it with the next tick. An answer computed by a request
// that started at tick T from subgraphs S is current while no subgraph of S was bumped after T. The same
// test, made when the answer is about to be stored, skips storing an answer that raced a write: a query
// that ran while a mutation committed may hold the old data, and must not keep it.
export class Generations {
  private clock = 0;
  private readonly bumped = new Map<string, number>();
  /** A bump of every subgraph (unknown producer, bus failure, flush). */
  private all = 0;

  /** The current tick: taken by a request before it runs anything. */
  now(): number {
    return this.clock;
  }

  /** Marks these subgraphs changed as of now. */
  bump(subgraphs: Iterable<string>): void {
    const tick = ++this.clock;
    for (const name of subgraphs) this.bumped.set(name, tick);
  }

  bumpAll(): void {
    this.all = ++this.clock;
  }

  /** The tick of the last change of one subgraph (0: never). */
  lastChange(subgraph: string): number {
    return Math.max(this.bumped.get(subgraph) ?? 0, this.all);
  }

  /** Whether an answer from `subgraphs`, computed by a request that started at `startedAt`, is current. */
  current(subgraphs: readonly string[], startedAt: number): boolean {
    if (this.all > startedAt) return false;
    for (const name of subgraphs) if ((this.bumped.get(name) ?? 0) > startedAt) return false;
    return true;
  }
}
