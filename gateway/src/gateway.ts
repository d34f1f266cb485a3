// The supergraph gateway: @apollo/gateway executes query plans over the subgraphs named in the
// composed supergraph; Express 5 serves /graphql, /health and /ready. Subscriptions, which
// @apollo/gateway cannot execute, are served over graphql-ws on the same /graphql (subscriptions/).
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway, type ServiceMap } from '@apollo/gateway';
import { createLogger, formatError, listen, type RunningServer } from '@cmgraph/platform';
import { SubgraphDataSource } from './subgraph-source';
import { SubscriptionPlanner } from './subscriptions/planner';
import { SubscriptionHub, type RetryOptions, type SubscriptionStats } from './subscriptions/hub';
import { serveGraphqlWs } from './subscriptions/server';
import { subscriptionsOverHttpGuard } from './subscriptions/http-guard';

export interface GatewayOptions {
  /** The composed supergraph SDL (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph URL overrides by subgraph name; otherwise the URLs in the supergraph are used. */
  subgraphUrls?: Record<string, string>;
  /** Events a subscriber may fall behind before it gets SUBSCRIPTION_OVERFLOW (default 1,000). */
  subscriptionBufferSize?: number;
  /** Reconnection of a dropped upstream subscription (default 30 attempts, 100 ms doubling to 5 s). */
  subscriptionRetry?: Partial<RetryOptions>;
}

export interface Gateway {
  app: express.Express;
  listen(port: number, host?: string): Promise<RunningServer>;
  /** Counters of the subscription transport (open upstreams, clients…). */
  subscriptionStats(): SubscriptionStats;
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
  const dataSources: ServiceMap = Object.create(null);
  const subgraphUrls: Record<string, string> = Object.create(null);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: log,
    buildService: ({ name, url }) => {
      const source = new SubgraphDataSource({ url: options.subgraphUrls?.[name] ?? url });
      dataSources[name] = source;
      subgraphUrls[name] = source.url;
      return source;
    },
  });
  const apollo = new ApolloServer({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: process.env.NODE_ENV !== 'production',
    plugins: [subscriptionsOverHttpGuard()],
  });
  await apollo.start();

  const planner = new SubscriptionPlanner(options.supergraphSdl, log);
  const hub = new SubscriptionHub({
    planner,
    serviceMap: () => dataSources,
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
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', (_req, res) => {
    res.json({ status: 'ready' });
  });
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo));

  const running: RunningServer[] = [];
  return {
    app,
    async listen(port, host) {
      const server = await listen(app, port, host);
      const endpoint = serveGraphqlWs(server.httpServer, { planner, hub, apollo, log });
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
    async stop() {
      hub.close();
      await Promise.all(running.map((server) => server.close()));
      await apollo.stop();
    },
  };
}
