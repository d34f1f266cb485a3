// The gateway's Prometheus metrics (the registry, the request histogram and error counter are the kit's:
// @cmgraph/platform metrics.ts): subgraph requests by subgraph and outcome with their duration and how
// many fetches shared one in flight; the response cache (answers by outcome, entries, bytes, whether its
// bus feed is fresh); subscriptions (clients, upstreams, groups, events in, resolutions, overflows,
// reconnections); exports (streaming now, by outcome, rows). Counters the gateway already keeps are read at
// each scrape, so nothing on the request path changes for them. With GATEWAY_WORKERS each worker thread
// answers for itself (label `worker`); a scrape reaches whichever worker takes the connection.
import { createMetrics, type Metrics } from '@cmgraph/platform/src/lean';
import type { Counter } from 'prom-client';
import type { ResponseCacheStats } from './cache';
import type { EgressStats } from './egress';
import type { SubscriptionStats } from './subscriptions/hub';

export interface GatewayMetricSources {
  cache(): ResponseCacheStats;
  subscriptions(): SubscriptionStats;
  egress(): EgressStats;
  /** Per subgraph: requests sent, and fetches answered by another's request in flight. */
  subgraphFetches(): Record<string, { started: number; shared: number }>;
}

export interface GatewayMetrics extends Metrics {
  /** For SubgraphDataSource's `observe`. */
  observeSubgraph(subgraph: string): (seconds: number, outcome: 'ok' | 'error') => void;
  /** Reads the gateway's counters at each scrape (set once the gateway has them). */
  readFrom(sources: GatewayMetricSources): void;
}

export function gatewayMetrics(worker?: number): GatewayMetrics {
  const metrics = createMetrics('gateway', worker === undefined ? {} : { worker: String(worker) });
  let sources: GatewayMetricSources | undefined;
  const subgraphDuration = metrics.histogram({
    name: 'cmgraph_subgraph_request_duration_seconds',
    help: 'Requests the gateway sent to a subgraph, by subgraph and outcome (error: no GraphQL answer)',
    labelNames: ['subgraph', 'outcome'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  /** A counter whose value the gateway already keeps: set from it at each scrape. */
  const mirrored = <L extends string>(name: string, help: string, labelNames: readonly L[], read: (s: GatewayMetricSources) => [Partial<Record<L, string>>, number][]) =>
    metrics.counter<L>({
      name,
      help,
      labelNames,
      collect(this: Counter<L>) {
        if (!sources) return;
        this.reset();
        for (const [labels, value] of read(sources)) this.inc(labels as Record<L, string>, value);
      },
    });
  const gauge = (name: string, help: string, read: (s: GatewayMetricSources) => number) =>
    metrics.gauge({
      name,
      help,
      collect() {
        if (sources) this.set(read(sources));
      },
    });

  mirrored('cmgraph_subgraph_fetches_shared_total', 'Subgraph fetches answered by an identical request already in flight', ['subgraph'], (s) =>
    Object.entries(s.subgraphFetches()).map(([subgraph, stats]) => [{ subgraph }, stats.shared]),
  );
  mirrored('cmgraph_response_cache_answers_total', 'Queries over HTTP by response-cache outcome (hit, miss, bypass)', ['outcome'], (s) => {
    const stats = s.cache();
    return [
      [{ outcome: 'hit' }, stats.hits],
      [{ outcome: 'miss' }, stats.misses],
      [{ outcome: 'bypass' }, stats.bypasses],
    ];
  });
  mirrored('cmgraph_response_cache_raced_writes_total', 'Answers not stored because a write touched their subgraphs while they were computed', [], (s) => [[{}, s.cache().racedWrites]]);
  gauge('cmgraph_response_cache_entries', 'Answers in the response cache', (s) => s.cache().entries);
  gauge('cmgraph_response_cache_bytes', 'Size of the answers in the response cache', (s) => s.cache().bytes);
  gauge('cmgraph_response_cache_feed_fresh', '1 while the cache hears every change on the bus (it serves only then)', (s) => (s.cache().feed?.fresh ? 1 : 0));

  gauge('cmgraph_subscription_clients', 'Client subscriptions open (graphql-ws and SSE)', (s) => s.subscriptions().clients);
  gauge('cmgraph_subscription_upstreams', 'Upstream subscriptions open to subgraphs', (s) => s.subscriptions().upstreamSubscriptions);
  gauge('cmgraph_subscription_groups', 'Groups of subscribers sharing a selection, variables and scope', (s) => s.subscriptions().views);
  mirrored('cmgraph_subscription_events_total', 'Events taken in from upstream subscriptions', [], (s) => [[{}, s.subscriptions().eventsReceived]]);
  mirrored('cmgraph_subscription_resolutions_total', 'Events resolved (one per event per group)', [], (s) => [[{}, s.subscriptions().eventResolutions]]);
  mirrored('cmgraph_subscription_overflows_total', 'Client subscriptions ended for falling behind', [], (s) => [[{}, s.subscriptions().overflows]]);
  mirrored('cmgraph_subscription_upstream_reconnects_total', 'Reconnection attempts to subgraphs', [], (s) => [[{}, s.subscriptions().upstreamReconnects]]);

  gauge('cmgraph_exports_active', 'Exports streaming now', (s) => s.egress().active);
  mirrored('cmgraph_exports_total', 'Exports ended, by outcome', ['outcome'], (s) => {
    const stats = s.egress();
    return [
      [{ outcome: 'completed' }, stats.completed],
      [{ outcome: 'failed' }, stats.failed],
      [{ outcome: 'aborted' }, stats.aborted],
    ];
  });
  mirrored('cmgraph_export_rows_total', 'Rows written by exports', [], (s) => [[{}, s.egress().rows]]);

  return Object.assign(metrics, {
    observeSubgraph: (subgraph: string) => (seconds: number, outcome: 'ok' | 'error') => subgraphDuration.observe({ subgraph, outcome }, seconds),
    readFrom: (given: GatewayMetricSources) => void (sources = given),
  });
}
