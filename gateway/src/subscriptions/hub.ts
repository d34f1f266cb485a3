// Sharing and resuming upstream subscriptions. Client subscriptions whose upstream operation, variables
// and identity scope are equal share ONE upstream graphql-ws subscription (SharedUpstream); the last
// one out closes it. A shared upstream remembers the cursor of the last event it took in: when the
// connection drops (the subgraph restarted), it reconnects with backoff and resubscribes with
// `after` = that cursor, and drops any event whose cursor it has already seen, so subscribers see no gap
// and no duplicate. A subscription that starts from the client's own `after` is shared only until its
// first event (a later client with the same `after` would otherwise miss the replay).
import type { GraphQLFormattedError } from 'graphql';
import type { ServiceMap } from '@apollo/gateway';
import type { Logger } from '@cmgraph/platform/src/lean';
import { errorResult, formatSubscriptionError, subscriptionError, type FormattedResult } from './errors';
import { ClientStream } from './iterator';
import type { PreparedSubscription, SubscriptionPlanner } from './planner';
import { upstreamConnectionParams } from './scope';
import { openUpstream, type UpstreamEnd } from './upstream';
import { startCursor, takeCursor, upstreamVariables } from './upstream-operation';
import { EventView } from './view';

export interface RetryOptions {
  /** Reconnection attempts in a row before subscribers get SUBSCRIPTION_UPSTREAM_FAILED. */
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export interface HubOptions {
  /** Events a client may fall behind before SUBSCRIPTION_OVERFLOW. */
  bufferSize: number;
  retry: RetryOptions;
  /** Events of one view resolved at once. */
  concurrency: number;
  /** Cursors remembered per upstream to drop replayed duplicates. */
  rememberCursors: number;
}

export interface SubscriptionStats {
  /** Upstream subscriptions open now (connected or reconnecting). */
  upstreamSubscriptions: number;
  /** Upstream subscriptions ever opened (a reconnection is not a new one). */
  upstreamOpened: number;
  /** Reconnection attempts after a dropped upstream connection. */
  upstreamReconnects: number;
  /** Client subscriptions attached now. */
  clients: number;
  /** Client subscriptions ended by SUBSCRIPTION_OVERFLOW. */
  overflows: number;
  /** Groups open now: client subscriptions with the same selection, variables and scope share one. */
  views: number;
  /** Events taken in from upstream subscriptions (replayed duplicates not counted). */
  eventsReceived: number;
  /**
   * Events resolved (the rest of the plan executed, entity fetches included): one per event per group,
   * however many subscribers the group has.
   */
  eventResolutions: number;
}

export interface HubDependencies {
  planner: SubscriptionPlanner;
  serviceMap: () => ServiceMap;
  subgraphUrl: (name: string) => string | undefined;
  log: Logger;
  options: HubOptions;
}

export class SubscriptionHub {
  private readonly open = new Set<SharedUpstream>();
  private readonly joinable = new Map<string, SharedUpstream>();
  private readonly counters = { upstreamOpened: 0, upstreamReconnects: 0, clients: 0, overflows: 0, views: 0, eventsReceived: 0, eventResolutions: 0 };
  private closed = false;

  constructor(private readonly deps: HubDependencies) {}

  subscribe(prepared: PreparedSubscription, scope: string): ClientStream {
    const { plan } = prepared;
    const startAfter = startCursor(plan.upstream, prepared.variables);
    let upstream: SharedUpstream | undefined;
    const stream = new ClientStream(this.deps.options.bufferSize, startAfter, {
      detached: (s) => {
        this.counters.clients--;
        upstream?.leave(s);
      },
      overflowed: () => void this.counters.overflows++,
    });
    this.counters.clients++;
    const url = this.deps.subgraphUrl(plan.upstream.serviceName);
    if (this.closed || !url) {
      stream.end(
        errorResult(
          subscriptionError('SUBSCRIPTION_UPSTREAM_FAILED', 'The subscription has no reachable source.', {
            resumeAfter: startAfter,
          }),
        ),
      );
      return stream;
    }
    const key = [
      plan.upstream.serviceName,
      plan.upstream.query,
      stableJson(upstreamVariables(plan.upstream, prepared.variables, null)),
      startAfter ?? '',
      scope,
    ].join('\u0000');
    upstream = this.joinable.get(key);
    if (!upstream?.joinable) {
      upstream = new SharedUpstream(key, { prepared, url, scope, startAfter }, {
        log: this.deps.log,
        options: this.deps.options,
        reconnecting: () => void this.counters.upstreamReconnects++,
        received: () => void this.counters.eventsReceived++,
        viewsChanged: (delta) => void (this.counters.views += delta),
        ended: (ended) => {
          this.open.delete(ended);
          if (this.joinable.get(ended.key) === ended) this.joinable.delete(ended.key);
        },
      });
      this.open.add(upstream);
      this.joinable.set(key, upstream);
      this.counters.upstreamOpened++;
      upstream.start();
    }
    // the printed document, not the client's text: the same selection spelled differently is one group
    const viewKey = [prepared.operationName ?? '', prepared.plan.canonical, stableJson(prepared.variables)].join('\u0000');
    upstream.join(stream, viewKey, () =>
      new EventView({
        prepared,
        planner: this.deps.planner,
        serviceMap: this.deps.serviceMap(),
        context: { subscriptionScope: scope },
        log: this.deps.log,
        concurrency: this.deps.options.concurrency,
        resolved: () => void this.counters.eventResolutions++,
      }),
    );
    return stream;
  }

  stats(): SubscriptionStats {
    return { upstreamSubscriptions: this.open.size, ...this.counters };
  }

  /** Closes every upstream and ends every client subscription (gateway shutdown). */
  close(): void {
    this.closed = true;
    for (const upstream of [...this.open]) upstream.shutdown();
  }
}

interface SharedUpstreamSpec {
  prepared: PreparedSubscription;
  url: string;
  scope: string;
  startAfter: string | null;
}

interface SharedUpstreamHooks {
  log: Logger;
  options: HubOptions;
  reconnecting(): void;
  received(): void;
  viewsChanged(delta: number): void;
  ended(upstream: SharedUpstream): void;
}

class SharedUpstream {
  private readonly views = new Map<string, EventView>();
  private readonly members = new Map<ClientStream, EventView>();
  private readonly seen: RecentCursors;
  private lastCursor: string | null;
  private received = 0;
  private attempt = 0;
  private ended = false;
  private closeAttempt: (() => void) | undefined;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly key: string,
    private readonly spec: SharedUpstreamSpec,
    private readonly hooks: SharedUpstreamHooks,
  ) {
    this.lastCursor = spec.startAfter;
    this.seen = new RecentCursors(hooks.options.rememberCursors);
    if (spec.startAfter !== null) this.seen.add(spec.startAfter);
  }

  /** Whether a new client may share this upstream (see the header). */
  get joinable(): boolean {
    return !this.ended && (this.spec.startAfter === null || this.received === 0);
  }

  start(): void {
    this.connect();
  }

  join(stream: ClientStream, viewKey: string, makeView: () => EventView): void {
    let view = this.views.get(viewKey);
    if (!view) {
      view = makeView();
      this.views.set(viewKey, view);
      this.hooks.viewsChanged(1);
    }
    view.subscribers.add(stream);
    this.members.set(stream, view);
  }

  leave(stream: ClientStream): void {
    const view = this.members.get(stream);
    if (!view) return;
    this.members.delete(stream);
    view.subscribers.delete(stream);
    if (!view.subscribers.size) {
      view.discard();
      for (const [key, candidate] of this.views) {
        if (candidate === view) {
          this.views.delete(key);
          this.hooks.viewsChanged(-1);
        }
      }
    }
    if (!this.members.size) this.close();
  }

  /** Gateway shutdown: close the upstream, end every subscriber. */
  shutdown(): void {
    const streams = [...this.members.keys()];
    this.close();
    for (const stream of streams) stream.end();
  }

  private connect(): void {
    const { prepared, url, scope } = this.spec;
    const operation = prepared.plan.upstream;
    this.closeAttempt = openUpstream(
      {
        url,
        query: operation.query,
        operationName: operation.operationName,
        variables: upstreamVariables(operation, prepared.variables, this.lastCursor),
        connectionParams: upstreamConnectionParams(scope),
      },
      {
        connected: () => {
          this.attempt = 0;
        },
        next: (result) => this.receive(result.data ?? null, result.errors),
        ended: (end) => this.upstreamEnded(end),
      },
    );
  }

  private receive(data: Record<string, unknown> | null, errors: readonly GraphQLFormattedError[] | undefined): void {
    if (this.ended) return;
    const cursor = takeCursor(this.spec.prepared.plan.upstream, data);
    if (cursor !== null) {
      if (this.seen.has(cursor)) return; // replayed by the subgraph after a resubscription
      this.seen.add(cursor);
      this.lastCursor = cursor;
    }
    this.received++;
    this.hooks.received();
    for (const view of this.views.values()) view.enqueue({ data, cursor, errors });
  }

  private upstreamEnded(end: UpstreamEnd): void {
    this.closeAttempt = undefined;
    if (this.ended) return;
    if (end.kind === 'completed') {
      this.finish(() => undefined);
      return;
    }
    if (end.kind === 'rejected') {
      const errors = end.errors.map(formatSubscriptionError);
      this.finish(() => ({ errors }));
      return;
    }
    const { retry } = this.hooks.options;
    if (end.retryable && this.attempt < retry.attempts) {
      const delay = Math.min(retry.maxDelayMs, retry.initialDelayMs * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
      this.attempt++;
      this.hooks.log.warn(
        { service: this.spec.prepared.plan.upstream.serviceName, reason: end.reason, attempt: this.attempt, after: this.lastCursor },
        'upstream subscription dropped; resubscribing',
      );
      this.hooks.reconnecting();
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        if (!this.ended) this.connect();
      }, delay);
      return;
    }
    this.hooks.log.error(
      { service: this.spec.prepared.plan.upstream.serviceName, reason: end.reason, attempts: this.attempt },
      'upstream subscription failed',
    );
    this.finish((stream) =>
      errorResult(
        subscriptionError(
          'SUBSCRIPTION_UPSTREAM_FAILED',
          'The source of this subscription is unavailable; resubscribe later with after: resumeAfter.',
          { resumeAfter: stream.lastQueued },
        ),
      ),
    );
  }

  /** The upstream is over: every subscriber ends after the events already on their way. */
  private finish(final: (stream: ClientStream) => FormattedResult | undefined): void {
    this.stop();
    for (const view of this.views.values()) view.end(final);
  }

  /** The last subscriber left. */
  private close(): void {
    this.stop();
    for (const view of this.views.values()) view.discard();
    this.hooks.viewsChanged(-this.views.size);
    this.views.clear();
  }

  private stop(): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.retryTimer);
    this.closeAttempt?.();
    this.closeAttempt = undefined;
    this.hooks.ended(this);
  }
}

/** The last `limit` cursors seen, for dropping replayed duplicates. */
class RecentCursors {
  private readonly order: string[] = [];
  private readonly set = new Set<string>();

  constructor(private readonly limit: number) {}

  has(cursor: string): boolean {
    return this.set.has(cursor);
  }

  add(cursor: string): void {
    this.set.add(cursor);
    this.order.push(cursor);
    if (this.order.length > this.limit) this.set.delete(this.order.shift()!);
  }
}

/** JSON with object keys sorted, so that equal variables give equal keys. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
