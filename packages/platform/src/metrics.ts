// Prometheus metrics, one place for the gateway and every subgraph (prom-client): each process keeps a
// registry with Node's own process metrics (CPU, memory, event-loop lag, GC) and the platform's —
// GraphQL requests by operation type and outcome with their duration, errors by code — and whatever the
// process adds (the gateway's cache and subscriptions, a subgraph's SQL statements and outbox backlog).
// `GET /metrics` serves them in the Prometheus text format, only to a scraper that presents
// `Authorization: Bearer <METRICS_TOKEN>`: without METRICS_TOKEN the route does not exist (404), because a
// gateway's port is public and metrics name operations, subgraphs and volumes.
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, Histogram, Registry, collectDefaultMetrics, type CounterConfiguration, type GaugeConfiguration, Gauge } from 'prom-client';

export interface Metrics {
  registry: Registry;
  /** GraphQL requests answered, by operation type and outcome, with their duration. */
  requestDuration: Histogram<'operation' | 'outcome'>;
  /** Errors in answers, by code. */
  errors: Counter<'code'>;
  counter<L extends string>(config: Omit<CounterConfiguration<L>, 'registers'>): Counter<L>;
  gauge<L extends string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L>;
  histogram<L extends string>(config: { name: string; help: string; labelNames?: readonly L[]; buckets?: number[] }): Histogram<L>;
}

/** A registry for one process (`service` labels every series: gateway, orders, …). */
export function createMetrics(service: string, labels: Record<string, string> = {}): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service, ...labels });
  collectDefaultMetrics({ register: registry });
  const metrics: Metrics = {
    registry,
    requestDuration: new Histogram({
      name: 'cmgraph_graphql_request_duration_seconds',
      help: 'GraphQL requests answered, by operation type (query, mutation, subscription, unknown when refused before one was known) and outcome (ok, error)',
      labelNames: ['operation', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    errors: new Counter({ name: 'cmgraph_graphql_errors_total', help: 'Errors in GraphQL answers, by code', labelNames: ['code'], registers: [registry] }),
    counter: (config) => new Counter({ ...config, registers: [registry] }),
    gauge: (config) => new Gauge({ ...config, registers: [registry] }),
    histogram: (config) => new Histogram({ ...config, registers: [registry] }),
  };
  return metrics;
}

/** Times every GraphQL request Apollo Server answers and counts its errors by code. */
export function metricsPlugin<TContext extends BaseContext>(metrics: Metrics): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(rc) {
          const body = rc.response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : (body.initialResult.errors ?? []);
          for (const error of errors) metrics.errors.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.requestDuration.observe({ operation: rc.operation?.operation ?? 'unknown', outcome: errors.length ? 'error' : 'ok' }, seconds);
        },
      };
    },
  };
}

/** `GET /metrics` for a scraper with `Authorization: Bearer <token>` (METRICS_TOKEN); 404 without a token configured. */
export function metricsRoute(metrics: Metrics, token: string | undefined = process.env.METRICS_TOKEN): RequestHandler {
  const expected = token ? Buffer.from(`Bearer ${token}`) : undefined;
  return async (req, res, next) => {
    if (!expected) return next(); // not offered: the next handler answers 404
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.status(401).set('www-authenticate', 'Bearer').json({ errors: [{ message: 'Metrics need the scrape token (METRICS_TOKEN).', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    try {
      res.set('content-type', metrics.registry.contentType).set('cache-control', 'no-store').send(await metrics.registry.metrics());
    } catch (error) {
      next(error);
    }
  };
}
