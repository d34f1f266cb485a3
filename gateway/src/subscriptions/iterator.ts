// One client subscription's end of a shared upstream: a bounded buffer between the events the gateway
// produces and the pace at which graphql-ws sends them to this client. Written by hand rather than as an
// async generator because a generator's `return()` waits behind a pending `next()`: a client that
// unsubscribes while no event comes would never let go of its share. A client that falls
// `bufferSize` events behind is told so (SUBSCRIPTION_OVERFLOW with the last cursor it received, to
// resume from) and its subscription ends; nothing is ever dropped silently.
import { errorResult, subscriptionError, type FormattedResult } from './errors';

interface Buffered {
  result: FormattedResult;
  cursor: string | null;
}

export interface ClientStreamHooks {
  /** Called once when the stream stops taking events (unsubscribed, disconnected, overflowed, ended). */
  detached(stream: ClientStream): void;
  overflowed?(stream: ClientStream): void;
}

export class ClientStream implements AsyncIterableIterator<FormattedResult> {
  /** The cursor of the last event handed to the client (its resume point). */
  lastDelivered: string | null;
  /** The cursor of the last event queued for the client (delivered or still buffered). */
  lastQueued: string | null;
  private buffer: Buffered[] = [];
  private final: FormattedResult | undefined;
  private ending = false;
  private finished = false;
  private detachedOnce = false;
  private waiting: ((result: IteratorResult<FormattedResult>) => void) | undefined;

  constructor(
    private readonly bufferSize: number,
    startCursor: string | null,
    private readonly hooks: ClientStreamHooks,
  ) {
    this.lastDelivered = startCursor;
    this.lastQueued = startCursor;
  }

  /** True while the stream still takes events. */
  get open(): boolean {
    return !this.ending && !this.finished;
  }

  /** Queues one event; overflows (and ends the stream) when the client is `bufferSize` behind. */
  push(result: FormattedResult, cursor: string | null): void {
    if (!this.open) return;
    if (cursor !== null) this.lastQueued = cursor;
    if (this.waiting) {
      if (cursor !== null) this.lastDelivered = cursor;
      this.resolve({ done: false, value: result });
      return;
    }
    if (this.buffer.length >= this.bufferSize) {
      this.overflow();
      return;
    }
    this.buffer.push({ result, cursor });
  }

  /** Ends the stream after the events already queued, optionally with one last result (an error). */
  end(final?: FormattedResult): void {
    if (!this.open) return;
    this.ending = true;
    this.final = final;
    this.detach();
    if (this.waiting) this.resolve(this.take());
  }

  next(): Promise<IteratorResult<FormattedResult>> {
    if (this.finished) return Promise.resolve({ done: true, value: undefined });
    if (this.buffer.length || this.ending) return Promise.resolve(this.take());
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /** The client unsubscribed or disconnected: release the share at once, even with a `next()` pending. */
  return(): Promise<IteratorResult<FormattedResult>> {
    this.finish();
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(): Promise<IteratorResult<FormattedResult>> {
    return this.return();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<FormattedResult> {
    return this;
  }

  private take(): IteratorResult<FormattedResult> {
    const head = this.buffer.shift();
    if (head) {
      if (head.cursor !== null) this.lastDelivered = head.cursor;
      return { done: false, value: head.result };
    }
    const final = this.final;
    this.final = undefined;
    if (final) return { done: false, value: final };
    this.finish();
    return { done: true, value: undefined };
  }

  private overflow(): void {
    this.buffer = [];
    this.end(
      errorResult(
        subscriptionError(
          'SUBSCRIPTION_OVERFLOW',
          `The client fell ${this.bufferSize} events behind; resubscribe with after: resumeAfter to continue.`,
          { resumeAfter: this.lastDelivered },
        ),
      ),
    );
    this.hooks.overflowed?.(this);
  }

  private resolve(result: IteratorResult<FormattedResult>): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(result);
  }

  private finish(): void {
    this.finished = true;
    this.ending = true;
    this.buffer = [];
    this.final = undefined;
    this.detach();
    this.resolve({ done: true, value: undefined });
  }

  private detach(): void {
    if (this.detachedOnce) return;
    this.detachedOnce = true;
    this.hooks.detached(this);
  }
}
