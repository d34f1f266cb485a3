// The supergraph gateway: @apollo/gateway executes query plans over the subgraphs named in the
// composed supergraph; Express 5 serves /graphql, /health and /ready. Subscriptions, which
// @apollo/gateway cannot execute, are served over graphql-ws on the same /graphql and as Server-Sent
// Events on /graphql/stream (subscriptions/).
// Every GraphQL caller is authenticated first (auth/): a JWT over HTTP or in graphql-ws
// connectionParams; the verified identity travels to the subgraphs signed (subgraph-source.ts).
// /health and /ready stay open. Tabular egress (egress/): GET /reports/<name>.csv|.ndjson and POST /export
// stream lists page by page through the same Apollo Server, behind the same authentication.
// Response cache (cache/): answers to queries per caller scope, dropped when a mutation through this
// gateway or any event on the bus changes a subgraph they read; identical concurrent subgraph fetches
// share one request.
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway, type ServiceMap } from '@apollo/gateway';
import { createLogger, finalHandlers, formatError, identitySecret, listen, metricsPlugin, metricsRoute, type EventBus, type RunningServer } from '@cmgraph/platform/src/lean';
import { SubgraphDataSource, type GatewayContext } from './subgraph-source';
import { authConfigFromEnv, authenticateHttp, createTokenVerifier, requestIdentity, webSocketAuthenticator, type AuthConfig } from './auth';
import { SubscriptionPlanner } from './subscriptions/planner';
import { SubscriptionHub, type RetryOptions, type SubscriptionStats } from './subscriptions/hub';
import { serveGraphqlWs } from './subscriptions/server';
import { sseHandler } from './subscriptions/sse';
import { subscriptionsOverHttpGuard } from './subscriptions/http-guard';
import { TrustedDocuments, createOperationGuard, jsonBodyLimit, operationLimitsPlugin, type OperationLimits } from './limits';
import { REPORTS, ReportRegistry, apolloPageExecutor, egressRoutes, emptyStats, type EgressStats, type ReportDefinition } from './egress';
import { GatewayCache, type ResponseCacheOptions, type ResponseCacheStats } from './cache';
import { subgraphNamesOf } from './supergraph';
import { gatewayMetrics } from './metrics';

export interface GatewayOptions {
  /** The composed supergraph SDL (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph URL overrides by subgraph name; otherwise the URLs in the supergraph are used. */
  subgraphUrls?: Record<string, string>;
  /** Events a subscriber may fall behind before it gets SUBSCRIPTION_OVERFLOW (default 1,000). */
  subscriptionBufferSize?: number;
  /** Reconnection of a dropped upstream subscription (default 30 attempts, 100 ms doubling to 5 s). */
  subscriptionRetry?: Partial<RetryOptions>;
  /** How tokens are verified (default: from JWT_SECRET / JWKS_URL, JWT_ISSUER, JWT_AUDIENCE). */
  auth?: AuthConfig;
  /** The secret shared with the subgraphs to sign identities (default: IDENTITY_SECRET). */
  identitySecret?: string;
  /** Operation limits (defaults in limits/options.ts; RATE_LIMIT_PER_MINUTE sets the rate limit, 0 turns it off). */
  limits?: Partial<OperationLimits>;
  /** Operations partners may run (default: schema/operations/manifest.json). */
  trustedDocuments?: TrustedDocuments;
  /** The named reports of GET /reports/<name>.csv (default: egress/reports.ts); checked at start. */
  reports?: readonly ReportDefinition[];
  /**
   * The response cache (default off here; gateway/src/main.ts turns it on unless GATEWAY_RESPONSE_CACHE=0).
   * It reads the event bus to hear of changes made elsewhere: give the bus, or how to open it.
   */
  responseCache?: (Partial<ResponseCacheOptions> & { bus: EventBus | (() => Promise<EventBus>) }) | false;
  /** Identical concurrent subgraph fetches share one request (default true). */
  subgraphDedup?: boolean;
  /**
   * This gateway is one worker thread of several (cluster/): it shares their port (SO_REUSEPORT) and
   * their cache generations, so a mutation it answers invalidates every worker's cached answers.
   */
  worker?: GatewayWorker;
}

export interface GatewayWorker {
  /** 1…n, shown by /health. */
  id: number;
  /** From `Generations.memory`, the same for every worker. */
  generationsMemory: SharedArrayBuffer;
  /** From `SharedTokenBucketLimiter.memory`: one rate-limit bucket per identity for all workers. */
  rateLimitMemory: SharedArrayBuffer;
  /** The process's name in mutation notices to other replicas (cache/mutation-notice.ts), the same for every worker. */
  replica: string;
}

function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<OperationLimits> {
  if (env.RATE_LIMIT_PER_MINUTE === undefined) return {};
  const perMinute = Number(env.RATE_LIMIT_PER_MINUTE);
  if (!Number.isFinite(perMinute) || perMinute < 0) throw new Error(`RATE_LIMIT_PER_MINUTE must be a number ≥ 0, got ${env.RATE_LIMIT_PER_MINUTE}`);
  return { rateLimit: perMinute === 0 ? false : { requestsPerMinute: perMinute } };
}

export interface Gateway {
  app: express.Express;
  listen(port: number, host?: string): Promise<RunningServer>;
  /** Counters of the subscription transport (open upstreams, clients…). */
  subscriptionStats(): SubscriptionStats;
  /** Counters of tabular egress (exports streaming, pages executed, rows written…). */
  egressStats(): EgressStats;
  /** Counters of the response cache (hits, misses, entries, the bus feed…). */
  responseCacheStats(): ResponseCacheStats;
  /** Subgraph requests sent and fetches that shared another's request, per subgraph. */
  subgraphFetchStats(): Record<string, { started: number; shared: number }>;
  stop(): Promise<void>;
}

export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const log = createLogger('gateway');
  const bufferSize = options.subscriptionBufferSize ?? 1_000;
  if (!Number.isInteger(bufferSize) || bufferSize < 1) {
    throw new Error(`subscriptionBufferSize must be a positive integer, got ${options.subscriptionBufferSize}`);
  }
  // the data sources @apollo/gateway calls, kept so that subscription events resolve their federated
  // fields through the very same instances
  const verifier = createTokenVerifier(options.auth ?? authConfigFromEnv());
  const signingSecret = options.identitySecret ?? identitySecret();
  // limits run before any subgraph is called: body size in front of the JSON parser, the rest once the
  // operation is parsed and validated (HTTP: Apollo plugin; graphql-ws: the same guard in the socket server)
  const guard = createOperationGuard({
    limits: { ...rateLimitFromEnv(), ...options.limits },
    trustedDocuments: options.trustedDocuments ?? TrustedDocuments.load(),
    rateLimitMemory: options.worker?.rateLimitMemory,
  });
  const reports = new ReportRegistry(options.reports ?? REPORTS, guard.trustedDocuments);
  const metrics = gatewayMetrics(options.worker?.id);
  const dataSources: Record<string, SubgraphDataSource> = Object.create(null);
  const subgraphUrls: Record<string, string> = Object.create(null);
  const cache = new GatewayCache({
    responseCache: options.responseCache ?? false,
    dedup: options.subgraphDedup ?? true,
    subgraphs: subgraphNamesOf(options.supergraphSdl),
    generationsMemory: options.worker?.generationsMemory,
    replica: options.worker?.replica,
    log: log.child({ component: 'response-cache' }),
  });
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: log,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls?.[name] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}: the supergraph names none and SUBGRAPH_URLS neither`);
      const source = new SubgraphDataSource({
        url: target,
        identitySecret: signingSecret,
        shareKey: (context) => cache.inflightKey(name, context),
        observe: metrics.observeSubgraph(name),
      });
      dataSources[name] = source;
      subgraphUrls[name] = source.url;
      return source;
    },
    experimental_didResolveQueryPlan: cache.didResolveQueryPlan,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: process.env.NODE_ENV !== 'production',
    // the process's owner (main.ts, the worker pool, a test) stops the gateway: Apollo's own signal handler
    // would stop Apollo alone and re-raise the signal, so the process died before the gateway had closed
    stopOnTerminationSignals: false,
    plugins: [
      metricsPlugin<GatewayContext>(metrics),
      subscriptionsOverHttpGuard(),
      // an export takes one rate-limit token, at its first page (egress/)
      operationLimitsPlugin<GatewayContext>(guard, { takesRateLimitToken: (ctx) => !ctx.contextValue.exportContinuation }),
      // after the limits: a cached answer is served only to a request that passed them
      cache.plugin<GatewayContext>(),
    ],
  });
  await apollo.start();
  await cache.start();

  const planner = new SubscriptionPlanner(options.supergraphSdl, log);
  const hub = new SubscriptionHub({
    planner,
    serviceMap: (): ServiceMap => dataSources,
    subgraphUrl: (name) => subgraphUrls[name],
    log,
    options: {
      bufferSize,
      retry: { attempts: 30, initialDelayMs: 100, maxDelayMs: 5_000, ...options.subscriptionRetry },
      concurrency: 8,
      rememberCursors: 10_000,
    },
  });

  const app = express();
  app.disable('x-powered-by');
  // an ETag is a SHA-1 of every answer, and no GraphQL client revalidates with it
  app.set('etag', false);
  app.get('/health', (_req, res) => {
    res.json(options.worker ? { status: 'ok', worker: options.worker.id } : { status: 'ok' });
  });
  app.get('/ready', (_req, res) => {
    res.json({ status: 'ready' });
  });
  app.get('/metrics', metricsRoute(metrics));
  // before /graphql, which would take the path as its own
  app.use(
    '/graphql/stream',
    authenticateHttp(verifier, log),
    jsonBodyLimit(guard.limits.maxBodyBytes),
    sseHandler({ planner, hub, apollo, log, guard }),
  );
  app.use(
    '/graphql',
    authenticateHttp(verifier, log),
    jsonBodyLimit(guard.limits.maxBodyBytes),
    expressMiddleware(apollo, { context: async ({ req }) => ({ identity: requestIdentity(req) }) }),
  );
  const egressStats = emptyStats();
  metrics.readFrom({
    cache: () => cache.stats(),
    subscriptions: () => hub.stats(),
    egress: () => egressStats,
    subgraphFetches: () => Object.fromEntries(Object.entries(dataSources).map(([name, source]) => [name, source.inflightStats()])),
  });
  app.use(
    egressRoutes({
      authenticate: authenticateHttp(verifier, log),
      jsonBody: jsonBodyLimit(guard.limits.maxBodyBytes),
      reports,
      trustedDocuments: guard.trustedDocuments,
      execute: apolloPageExecutor(apollo),
      log: log.child({ component: 'egress' }),
      stats: egressStats,
    }),
  );
  // a body the JSON parser refuses, an unknown path: coded answers, never Express's page
  app.use(...finalHandlers(log));
  const authenticator = webSocketAuthenticator(verifier, log);

  const running: RunningServer[] = [];
  return {
    app,
    async listen(port, host) {
      const server = await listen(app, port, host, '/graphql', { reusePort: options.worker !== undefined });
      const endpoint = serveGraphqlWs(server.httpServer, { planner, hub, apollo, log, authenticator, guard });
      // closing the HTTP server waits for every socket, upgraded ones included: close those first
      let closing: Promise<void> | undefined;
      const withSockets: RunningServer = {
        ...server,
        close: () => (closing ??= endpoint.close().then(() => server.close())),
      };
      running.push(withSockets);
      log.info({ url: server.url }, 'gateway listening');
      return withSockets;
    },
    subscriptionStats: () => hub.stats(),
    egressStats: () => ({ ...egressStats }),
    responseCacheStats: () => cache.stats(),
    subgraphFetchStats: () => Object.fromEntries(Object.entries(dataSources).map(([name, source]) => [name, source.inflightStats()])),
    async stop() {
      hub.close();
      await Promise.all(running.map((server) => server.close()));
      await apollo.stop();
      await cache.stop();
      for (const source of Object.values(dataSources)) source.close();
    },
  };
}
