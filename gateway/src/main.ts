// Runs the gateway as a process: SUPERGRAPH_PATH (default schema/supergraph.graphql), SUBGRAPH_URLS
// (JSON object name → URL, overriding the supergraph's), PORT (default 4000), HOST,
// SUBSCRIPTION_BUFFER_SIZE (events a subscriber may fall behind, default 1,000).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger } from '@cmgraph/platform';
import { createGateway } from './gateway';

async function main(): Promise<void> {
  const supergraphPath = process.env.SUPERGRAPH_PATH ?? path.resolve(__dirname, '../../schema/supergraph.graphql');
  const gateway = await createGateway({
    supergraphSdl: readFileSync(supergraphPath, 'utf8'),
    subgraphUrls: process.env.SUBGRAPH_URLS ? JSON.parse(process.env.SUBGRAPH_URLS) : undefined,
    subscriptionBufferSize: process.env.SUBSCRIPTION_BUFFER_SIZE ? Number(process.env.SUBSCRIPTION_BUFFER_SIZE) : undefined,
  });
  await gateway.listen(Number(process.env.PORT ?? 4000), process.env.HOST ?? '127.0.0.1');
  const shutdown = async () => {
    await gateway.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  createLogger('gateway').fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
});
