// What one client operation makes of a shared upstream's events. Every client subscription with the
// same document and variables shares a view, so an event is resolved once for all of them: the plan
// `Sequence[primary → in-memory event, rest]` runs through @apollo/gateway's executeQueryPlan, which
// fetches the event's federated fields from the other subgraphs (`_entities`, over the gateway's own
// data sources) and shapes the result to the client's operation, with errors beside partial data as
// for a query. Events are resolved a few at a time but always delivered in upstream order.
import type { GraphQLFormattedError } from 'graphql';
import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { FetchNode, PlanNode, QueryPlan } from '@apollo/query-planner';
import type { Logger } from '@cmgraph/platform/src/lean';
import { formatSubscriptionError, type FormattedResult } from './errors';
import type { ClientStream } from './iterator';
import type { PreparedSubscription, SubscriptionPlanner } from './planner';

/** One event from the upstream, the gateway's private cursor alias already taken out. */
export interface UpstreamEvent {
  /** Null when the subgraph sent only errors for this event. */
  data: Record<string, unknown> | null;
  cursor: string | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface ViewDependencies {
  prepared: PreparedSubscription;
  planner: SubscriptionPlanner;
  serviceMap: ServiceMap;
  /** The request context value subgraph fetches see (the subscriber's scope). */
  context: Record<string, unknown>;
  log: Logger;
  /** Events resolved at once (their `rest` fetches run in parallel; delivery stays in order). */
  concurrency: number;
  /** Called once per event resolved (the hub counts resolution work with it). */
  resolved?(): void;
}

type RequestContext = Parameters<typeof executeQueryPlan>[2];
type Job =
  | { kind: 'event'; cursor: string | null; event: UpstreamEvent; result?: FormattedResult; started: boolean }
  | { kind: 'end'; final: (stream: ClientStream) => FormattedResult | undefined };

const EVENT_SOURCE = '__subscription_event__';

export class EventView {
  readonly subscribers = new Set<ClientStream>();
  private readonly queue: Job[] = [];
  private running = 0;
  private readonly plan: QueryPlan;

  constructor(private readonly deps: ViewDependencies) {
    const { primary, rest } = deps.prepared.plan;
    const fromEvent: FetchNode = { ...primary, serviceName: EVENT_SOURCE };
    const node: PlanNode = rest ? { kind: 'Sequence', nodes: [fromEvent, rest] } : fromEvent;
    this.plan = { kind: 'QueryPlan', node };
  }

  enqueue(event: UpstreamEvent): void {
    this.queue.push({ kind: 'event', cursor: event.cursor, event, started: false });
    this.pump();
  }

  /** Ends every subscriber after the events already queued; `final` gives each its last result. */
  end(final: (stream: ClientStream) => FormattedResult | undefined): void {
    this.queue.push({ kind: 'end', final });
    this.flush();
  }

  /** Drops queued work (no subscriber is left to receive it). */
  discard(): void {
    this.queue.length = 0;
  }

  private pump(): void {
    for (const job of this.queue) {
      if (this.running >= this.deps.concurrency) break;
      if (job.kind !== 'event' || job.started) continue;
      job.started = true;
      this.running++;
      void this.resolve(job.event).then((result) => {
        job.result = result;
        this.running--;
        this.flush();
        this.pump();
      });
    }
  }

  private flush(): void {
    while (this.queue.length) {
      const head = this.queue[0]!;
      if (head.kind === 'event') {
        if (!head.result) return;
        this.queue.shift();
        for (const stream of [...this.subscribers]) stream.push(head.result, head.cursor);
      } else {
        this.queue.shift();
        for (const stream of [...this.subscribers]) stream.end(head.final(stream));
        this.subscribers.clear();
      }
    }
  }

  private async resolve(event: UpstreamEvent): Promise<FormattedResult> {
    const { prepared, planner } = this.deps;
    if (!event.data) return { data: null, errors: (event.errors ?? []).map(formatSubscriptionError) };
    const data = event.data;
    this.deps.resolved?.();
    const source: GraphQLDataSource = {
      // each view merges entity data into its own copy of the event
      process: async () => ({ data: structuredClone(data) }),
    };
    const requestContext = {
      request: { query: prepared.source, operationName: prepared.operationName, variables: prepared.variables },
      logger: this.deps.log,
      schema: planner.apiSchema,
      context: this.deps.context,
      document: prepared.document,
      source: prepared.source,
      operationName: prepared.operationName ?? null,
      operation: prepared.operation,
      queryHash: '',
      metrics: {},
    } as unknown as RequestContext;
    try {
      const result = await executeQueryPlan(
        this.plan,
        { ...this.deps.serviceMap, [EVENT_SOURCE]: source },
        requestContext,
        prepared.operationContext,
        planner.supergraphSchema,
        planner.federationApiSchema,
      );
      const errors = [...(event.errors ?? []), ...(result.errors ?? [])].map(formatSubscriptionError);
      return { data: (result.data as Record<string, unknown> | undefined) ?? null, ...(errors.length ? { errors } : {}) };
    } catch (error) {
      this.deps.log.error({ err: error }, 'subscription event could not be resolved');
      return {
        data: null,
        errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      };
    }
  }
}
