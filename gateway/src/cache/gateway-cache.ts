// The gateway's answer cache and the generations behind it, wired into three places:
// - an Apollo Server plugin: `responseForOperation` (after parsing, validation and the operation limits,
//   rate limit included, so a hit still pays its token) serves a current answer; `willSendResponse`
//   stores a clean answer (no errors) that did not race a write, and, for a mutation, bumps the
//   generations of every subgraph its plan touched before the client gets its answer — so the client's
//   next query is computed afresh;
// - @apollo/gateway's `experimental_didResolveQueryPlan`: which subgraphs an operation reads or writes;
// - the subgraph data sources: whether two fetches may share one upstream request (`inflightKey`).
// Only queries over HTTP are cached (never mutations, subscriptions, the pages of an export, or
// operations over graphql-ws), and only while the bus feed is fresh (bus-feed.ts). Mutations bump
// generations whether the cache is on or not: fetch sharing relies on them too.
import { randomUUID } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { QueryPlan } from '@apollo/query-planner';
import type { EventBus, Identity, Logger } from '@cmgraph/platform/src/lean';
import { BusInvalidationFeed, type BusFeedStats } from './bus-feed';
import { Generations } from './generations';
import { answerKey, answerScope } from './key';
import { DEFAULT_RESPONSE_CACHE, type ResponseCacheOptions } from './options';
import { subgraphsOfPlan } from './plan';
import { RequestStates, type RequestState } from './request-state';
import { SideEffectClassifier } from './side-effects';
import { AnswerStore } from './store';

export const CACHE_HEADER = 'x-cmgraph-cache';

export interface GatewayCacheOptions {
  /** The response cache (false: off); its bus is the one the feed reads, or how to open it. */
  responseCache: (Partial<ResponseCacheOptions> & { bus: EventBus | (() => Promise<EventBus>) }) | false;
  /** Whether identical concurrent subgraph fetches share one request. */
  dedup: boolean;
  /** The subgraphs of the supergraph (`subgraphNamesOf`). */
  subgraphs: readonly string[];
  /** Generation memory shared with the other workers of this gateway (`Generations.memory`), if any. */
  generationsMemory?: SharedArrayBuffer;
  /** This replica's name in mutation notices (the same for the workers of one process; default: random). */
  replica?: string;
  log: Logger;
}

export interface ResponseCacheStats {
  enabled: boolean;
  hits: number;
  misses: number;
  bypasses: number;
  stored: number;
  /** Answers not stored because a write bumped one of their subgraphs while they were computed (or the feed went stale). */
  racedWrites: number;
  entries: number;
  bytes: number;
  feed: BusFeedStats | null;
}

interface Context {
  identity?: Identity;
}

export class GatewayCache {
  readonly generations: Generations;
  private readonly states = new RequestStates();
  private readonly classifier = new SideEffectClassifier();
  private readonly store: AnswerStore | undefined;
  readonly feed: BusInvalidationFeed | undefined;
  private readonly ttlMs: number;
  private readonly counts = { hits: 0, misses: 0, bypasses: 0, stored: 0, racedWrites: 0 };

  constructor(private readonly options: GatewayCacheOptions) {
    this.generations = new Generations(options.subgraphs, options.generationsMemory);
    const settings = { ...DEFAULT_RESPONSE_CACHE, ...(options.responseCache || {}) };
    this.ttlMs = settings.ttlMs;
    if (options.responseCache) {
      this.store = new AnswerStore({ maxEntries: settings.maxEntries, maxBytes: settings.maxBytes });
      this.feed = new BusInvalidationFeed({
        bus: options.responseCache.bus,
        generations: this.generations,
        subgraphs: options.subgraphs,
        log: options.log,
        pollMs: settings.busPollMs,
        onFailure: () => this.store?.clear(),
        gateway: options.replica ?? randomUUID(),
      });
    }
  }

  /** Starts the bus feed (the cache serves nothing until it has read the bus once). */
  async start(): Promise<void> {
    await this.feed?.start();
  }

  async stop(): Promise<void> {
    await this.feed?.close();
    this.store?.clear();
  }

  stats(): ResponseCacheStats {
    return {
      enabled: this.store !== undefined,
      ...this.counts,
      entries: this.store?.size ?? 0,
      bytes: this.store?.bytes ?? 0,
      feed: this.feed?.stats() ?? null,
    };
  }

  /** For ApolloGateway's `experimental_didResolveQueryPlan`. */
  readonly didResolveQueryPlan = ({ queryPlan, requestContext }: { queryPlan: QueryPlan; requestContext: { context?: unknown } }): void => {
    const state = this.states.get(requestContext.context as object | undefined);
    if (state) state.subgraphs = subgraphsOfPlan(queryPlan);
  };

  /**
   * For a subgraph data source: a key under which this fetch may share one request with identical ones
   * in flight, or null. Shared only within one answer scope, for queries without side effects, and only
   * with a fetch that started after the subgraph's last change (a fetch sent before a mutation committed
   * must not answer a query sent after the mutation's answer).
   */
  inflightKey(subgraph: string, context: object | undefined): string | null {
    if (!this.options.dedup) return null;
    const state = this.states.get(context);
    if (!state || state.operation !== 'query' || state.sideEffects || state.scope === null) return null;
    return `${state.scope}\u0000${this.generations.lastChange(subgraph)}`;
  }

  plugin<TContext extends Context>(): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: async () => ({
        responseForOperation: async (rc) => {
          const identity = rc.contextValue.identity;
          const operation = rc.operation?.operation as RequestState['operation'];
          const state: RequestState = {
            operation,
            startedAt: this.generations.now(),
            scope: identity ? answerScope(identity) : null,
            sideEffects: operation === 'query' ? this.classifier.hasSideEffects(rc.schema, rc.document) : true,
            outcome: 'bypass',
          };
          this.states.set(rc.contextValue, state);
          // over HTTP only: the pages of an export and graphql-ws operations come through executeOperation
          if (!this.store || operation !== 'query' || !rc.request.http || !rc.queryHash || state.scope === null || state.sideEffects || !this.feed?.fresh()) {
            return null;
          }
          const key = answerKey(rc.queryHash, rc.operationName, rc.request.variables, state.scope);
          const cached = this.store.get(key);
          if (cached && this.generations.current(cached.subgraphs, cached.startedAt)) {
            state.outcome = 'hit';
            return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: cached.data } } };
          }
          if (cached) this.store.delete(key);
          state.outcome = 'miss';
          state.key = key;
          return null;
        },
        willSendResponse: async (rc) => {
          const state = this.states.get(rc.contextValue);
          rc.response.http.headers.set(CACHE_HEADER, state?.outcome ?? 'bypass');
          if (!state) return;
          this.counts[state.outcome === 'hit' ? 'hits' : state.outcome === 'miss' ? 'misses' : 'bypasses'] += 1;
          if (state.operation === 'mutation') await this.afterMutation(state);
          else if (state.outcome === 'miss') this.keep(rc, state);
        },
      }),
    };
  }

  private async afterMutation(state: RequestState): Promise<void> {
    // no plan: the gateway refused it before executing anything; a plan it could not read: assume all
    if (state.subgraphs === undefined) return;
    if (state.subgraphs === null) this.generations.bumpAll();
    else this.generations.bump(state.subgraphs);
    // other replicas: before the answer leaves (mutation-notice.ts)
    await this.feed?.announce(state.subgraphs);
  }

  private keep<TContext extends Context>(rc: GraphQLRequestContextWillSendResponse<TContext>, state: RequestState): void {
    const body = rc.response.body;
    if (!this.store || !state.key || !state.subgraphs || body.kind !== 'single') return;
    const { data, errors } = body.singleResult;
    if (errors?.length || !data || (rc.response.http.status ?? 200) !== 200) return;
    if (!this.feed?.fresh() || !this.generations.current(state.subgraphs, state.startedAt)) {
      this.counts.racedWrites += 1;
      return;
    }
    this.store.set(state.key, {
      data,
      subgraphs: state.subgraphs,
      startedAt: state.startedAt,
      expiresAt: Date.now() + this.ttlMs,
      bytes: JSON.stringify(data).length,
    });
    this.counts.stored += 1;
  }
}
