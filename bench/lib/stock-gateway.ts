// A stock @apollo/gateway behind a stock @apollo/server (its standalone HTTP server), default settings,
// one process, reading the supergraph file at SUPERGRAPH_PATH: the baseline our gateway is built on. The
// only addition is what our subgraphs require: the client's `x-cmgraph-identity` header (signed by the
// harness, valid 60 s) is copied onto every subgraph request. No JWT verification, no signing, no
// operation limits: the comparison favours it there.
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';

const IDENTITY_HEADER = 'x-cmgraph-identity';

interface Context {
  identity?: string;
}

class ForwardIdentity extends RemoteGraphQLDataSource<Context> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>): void {
    if (context?.identity) request.http?.headers.set(IDENTITY_HEADER, context.identity);
  }
}

async function main(): Promise<void> {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8'),
    buildService: ({ url }) => new ForwardIdentity({ url }),
  });
  const server = new ApolloServer<Context>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' },
    context: async ({ req }) => {
      const header = req.headers[IDENTITY_HEADER];
      return { identity: Array.isArray(header) ? header[0] : header };
    },
  });
  process.stdout.write(`stock gateway listening on ${url}\n`);
  const stop = () => void server.stop().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`stock gateway failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
