// Identical requests in flight at the same time share one: the first one runs, the others wait for its
// outcome. Each caller gets its own copy of a shared result, because @apollo/gateway merges later
// fetches into the objects it received: two requests must never hold the same objects.
export class InflightRequests<T> {
  private readonly running = new Map<string, { result: Promise<T>; joined: number }>();
  private started = 0;
  private shared = 0;

  constructor(private readonly copy: (value: T) => T) {}

  /** Runs `request`, or joins the identical one under way. */
  async run(key: string, request: () => Promise<T>): Promise<T> {
    const existing = this.running.get(key);
    if (existing) {
      existing.joined += 1;
      this.shared += 1;
      return this.copy(await existing.result);
    }
    const entry = { result: request(), joined: 0 };
    this.running.set(key, entry);
    this.started += 1;
    try {
      const value = await entry.result;
      return entry.joined ? this.copy(value) : value;
    } finally {
      this.running.delete(key);
    }
  }

  /** Requests sent, and requests answered by another's request. */
  stats(): { started: number; shared: number } {
    return { started: this.started, shared: this.shared };
  }
}
