// The supergraph gateway: @apollo/gateway executes query plans over the subgraphs named in the
// composed supergraph; Express 5 serves /graphql, /health and /ready.
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway } from '@apollo/gateway';
import { createLogger, formatError, listen, type RunningServer } from '@cmgraph/platform';
import { SubgraphDataSource } from './subgraph-source';

export interface GatewayOptions {
  /** The composed supergraph SDL (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph URL overrides by subgraph name; otherwise the URLs in the supergraph are used. */
  subgraphUrls?: Record<string, string>;
}

export interface Gateway {
  app: express.Express;
  listen(port: number, host?: string): Promise<RunningServer>;
  stop(): Promise<void>;
}

export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const log = createLogger('gateway');
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: log,
    buildService: ({ name, url }) =>
      new SubgraphDataSource({ url: options.subgraphUrls?.[name] ?? url }),
  });
  const apollo = new ApolloServer({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: process.env.NODE_ENV !== 'production',
  });
  await apollo.start();

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
      running.push(server);
      log.info({ url: server.url }, 'gateway listening');
      return server;
    },
    async stop() {
      await Promise.all(running.map((server) => server.close()));
      await apollo.stop();
    },
  };
}
