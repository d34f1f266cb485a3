// The subgraph server factory: Express 5 + Apollo Server on /graphql, liveness on /health and
// readiness (database reachable) on /ready. A subgraph only supplies its schema, ORM and loaders.
// Only the gateway (and peer subgraphs calling on a caller's behalf) may query: every /graphql request
// and every graphql-ws connection must carry a valid signed identity (identity.ts), or it is refused
// (HTTP 401 UNAUTHENTICATED, socket closed 4401) before anything runs.
import { randomUUID } from 'node:crypto';
import express from 'express';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import { countStatements, type StatementCounter } from './database';
import { formatError } from './errors';
import { createLogger } from './logger';
import { finalHandlers, listen, type RunningServer } from './http';
import type { RequestContext } from './context';
import { GraphQLError } from 'graphql';
import { scopeEntityManager } from './access';
import { refuseNulCharacters } from './text-guard';
import { IDENTITY_HEADER, identitySecret, partnerScope, verifyIdentity, type Identity, type IdentityFailure } from './identity';
import type { ReferenceChecker } from './references';
import type { OutboxListener } from './events/outbox-listener';
import { openEventStream, type EventStreamOptions } from './events/stream';
import type { Histogram } from 'prom-client';
import { createMetrics, metricsPlugin, metricsRoute, type Metrics } from './metrics';

export interface SubgraphServerOptions<Loaders> {
  name: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  createLoaders: (em: EntityManager) => Loaders;
  references: ReferenceChecker;
  /** Wakes live subscriptions when an outbox write commits. */
  outbox: OutboxListener;
  /** Stopped before the ORM closes (relay, consumers, jobs). */
  workers?: { stop(): Promise<void> };
}

export interface SubgraphServer {
  name: string;
  app: express.Express;
  orm: MikroORM;
  /** The process's Prometheus registry (GET /metrics with METRICS_TOKEN). */
  metrics: Metrics;
  listen(port: number, host?: string): Promise<RunningServer>;
  stop(): Promise<void>;
}

export async function createSubgraphServer<Loaders>(options: SubgraphServerOptions<Loaders>): Promise<SubgraphServer> {
  const log = createLogger(options.name);
  const secret = identitySecret(); // refuses to start without one
  const metrics = subgraphMetrics(options.name, options.orm);
  const apollo = new ApolloServer<RequestContext<Loaders>>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: process.env.NODE_ENV !== 'production',
    // runSubgraph (subgraph.ts) owns SIGINT/SIGTERM and stops everything in order; Apollo's own handler
    // would stop Apollo alone and re-raise the signal, ending the process before its workers and pool closed
    stopOnTerminationSignals: false,
    plugins: [
      // No Apollo Studio here: per-request field traces (ftv1) would only cost time.
      ApolloServerPluginInlineTraceDisabled(),
      metricsPlugin(metrics),
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ request, document }) {
              refuseNulCharacters(request.variables, document);
            },
          };
        },
      },
      {
        // One log line per operation, with its SQL statement count: where N+1 would show first.
        async requestDidStart({ contextValue }) {
          const started = performance.now();
          return {
            async willSendResponse({ operationName, errors }) {
              metrics.sqlStatements.observe(contextValue.sql.statements);
              contextValue.log.debug(
                {
                  operationName,
                  ms: Math.round(performance.now() - started),
                  sqlStatements: contextValue.sql.statements,
                  errors: errors?.length ?? 0,
                },
                'operation',
              );
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const createContext = (requestId: string, sql: StatementCounter, identity: Identity): RequestContext<Loaders> => {
    const em = scopeEntityManager(options.orm.em.fork(), identity);
    const context: RequestContext<Loaders> = {
      em,
      loaders: options.createLoaders(em),
      log: log.child({ requestId }),
      requestId,
      identity,
      sql,
      references: options.references.forCaller(identity),
      events: {
        // each event of a subscription is resolved like a request of its own: fresh em, fresh loaders
        // a partner's stream holds only its own supplier's events, whatever the subscription's filter
        open: (stream) =>
          openEventStream(options.orm, options.outbox, {
            ...stream,
            where: scopedToPartner(stream.where, identity),
            beforeEach: () => {
              context.em = scopeEntityManager(options.orm.em.fork(), identity);
              context.loaders = options.createLoaders(context.em);
            },
          }),
      },
    };
    return context;
  };

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', subgraph: options.name });
  });
  app.get('/metrics', metricsRoute(metrics));
  app.get('/ready', async (_req, res) => {
    try {
      await options.orm.em.getConnection().execute('select 1');
      res.json({ status: 'ready', subgraph: options.name });
    } catch (error) {
      log.warn({ err: error }, 'not ready');
      res.status(503).json({ status: 'unavailable', subgraph: options.name });
    }
  });
  app.use(
    '/graphql',
    (req, res, next) => {
      const verified = verifyIdentity(req.get(IDENTITY_HEADER), secret);
      if ('failure' in verified) {
        log.warn({ failure: verified.failure }, 'request refused: no valid identity');
        res.status(401).json({ errors: [{ message: refusal(verified.failure), extensions: { code: 'UNAUTHENTICATED' } }] });
        return;
      }
      (req as RequestWithCounter).identity = verified.identity;
      next();
    },
    express.json({ limit: '2mb' }),
    (req, _res, next) => {
      const sql: StatementCounter = { statements: 0 };
      (req as RequestWithCounter).sqlCounter = sql;
      countStatements(sql, next);
    },
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext(
          String(req.headers['x-request-id'] ?? randomUUID()),
          (req as RequestWithCounter).sqlCounter,
          (req as RequestWithCounter).identity,
        ),
    }),
  );
  // a body the JSON parser refuses, an unknown path: coded answers, never Express's page
  app.use(...finalHandlers(log));

  const running: RunningServer[] = [];
  const closers: (() => Promise<void>)[] = [];
  return {
    name: options.name,
    app,
    orm: options.orm,
    metrics,
    async listen(port, host) {
      const server = await listen(app, port, host);
      running.push(server);
      // Subscriptions: graphql-ws (graphql-transport-ws) on the same URL as HTTP.
      const sockets = new WebSocketServer({ server: server.httpServer, path: '/graphql' });
      const identities = new WeakMap<object, Identity>();
      const graphqlWs = useServer(
        {
          schema: options.schema,
          // the gateway signs the subscriber's identity into connectionParams.identity
          onConnect: (ctx) => {
            const signed = ctx.connectionParams?.identity;
            const verified = verifyIdentity(typeof signed === 'string' ? signed : undefined, secret);
            if ('failure' in verified) {
              log.warn({ failure: verified.failure }, 'subscription connection refused: no valid identity');
              ctx.extra.socket.close(4401, 'Unauthorized');
              return false;
            }
            identities.set(ctx.extra, verified.identity);
            return true;
          },
          context: (ctx) => createContext(randomUUID(), { statements: 0 }, identities.get(ctx.extra)!),
          onSubscribe: (_ctx, _id, payload) => {
            try {
              refuseNulCharacters({ ...(payload.variables ?? {}), query: payload.query }, undefined);
            } catch (error) {
              return [error as GraphQLError];
            }
            return undefined;
          },
          onNext: (_ctx, _id, _payload, _args, result) =>
            result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) as never } : result,
          onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)) as never,
        },
        sockets,
      );
      closers.push(async () => {
        await graphqlWs.dispose();
        await new Promise<void>((resolve) => sockets.close(() => resolve()));
      });
      log.info({ url: server.url }, 'subgraph listening');
      return server;
    },
    async stop() {
      // stop accepting first (no new socket may slip in while the open ones are being closed), then
      // close the subscriptions' sockets, then wait for the HTTP servers to finish
      const closing = Promise.all(running.map((server) => server.close()));
      for (const close of closers) await close();
      await closing;
      await apollo.stop();
      await options.workers?.stop();
      await options.outbox.close();
      await options.orm.close(true);
    },
  };
}

type RequestWithCounter = express.Request & { sqlCounter: StatementCounter; identity: Identity };

function refusal(failure: IdentityFailure): string {
  switch (failure) {
    case 'missing':
      return 'No caller identity: subgraphs are reached through the gateway.';
    case 'expired':
      return 'The caller identity has expired.';
    default:
      return 'The caller identity is not valid.';
  }
}

/** The stream's own condition, and for a PARTNER only events about its supplier (the outbox's supplier_id). */
function scopedToPartner(where: EventStreamOptions['where'], identity: Identity): EventStreamOptions['where'] {
  const supplierId = partnerScope(identity);
  if (supplierId === null) return where;
  return where
    ? { sql: `(${where.sql}) and supplier_id = ?`, params: [...where.params, supplierId] }
    : { sql: 'supplier_id = ?', params: [supplierId] };
}

/**
 * A subgraph's metrics: the platform's, SQL statements per GraphQL request (where N+1 would show), and its
 * outbox backlog — events committed and not yet relayed to the bus, counted at each scrape (a healthy relay
 * empties it within a second; one that stays above zero means the relay or the bus is stuck). No age: an
 * event's `occurredAt` is its business time, not when it was written.
 */
function subgraphMetrics(name: string, orm: MikroORM): Metrics & { sqlStatements: Histogram } {
  const metrics = createMetrics(name);
  const sqlStatements = metrics.histogram({
    name: 'cmgraph_sql_statements_per_request',
    help: 'SQL statements a GraphQL request sent to this subgraph\'s database',
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 50, 100],
  });
  metrics.gauge({
    name: 'cmgraph_outbox_unrelayed_events',
    help: 'Events committed to the outbox and not yet on the bus',
    async collect() {
      try {
        const [row] = await orm.em.fork().getConnection().execute<{ events: number }[]>('select count(*)::int as events from outbox_event where relayed_at is null');
        this.set(row?.events ?? 0);
      } catch {
        // the database is away: /ready says so; the gauge keeps its last reading
      }
    },
  });
  return Object.assign(metrics, { sqlStatements });
}
