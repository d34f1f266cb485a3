// Runs the gateway as a process: SUPERGRAPH_PATH (default schema/supergraph.graphql), SUBGRAPH_URLS
// (JSON object name → URL, overriding the supergraph's), PORT (default 4000), HOST,
// SUBSCRIPTION_BUFFER_SIZE (events a subscriber may fall behind, default 1,000),
// GATEWAY_HEAP_GROWING_PERCENT (see below; default 25, 0 keeps V8's own).
// Response cache (cache/): GATEWAY_RESPONSE_CACHE (1 on, the default; 0 off), GATEWAY_RESPONSE_CACHE_TTL_MS
// (default 30,000), GATEWAY_RESPONSE_CACHE_MAX_ENTRIES (10,000), GATEWAY_RESPONSE_CACHE_MAX_BYTES (64 MiB);
// it reads the event bus the subgraphs write (NATS_URL, else `<DATABASE_PREFIX>_bus` at DATABASE_URL).
// GATEWAY_SUBGRAPH_DEDUP (1 on, the default; 0 off): identical concurrent subgraph fetches share one request.
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import path from 'node:path';
import { createLogger, databaseTargetFromEnv, openBus } from '@cmgraph/platform';
import { createGateway } from './gateway';
import { responseCacheFromEnv, subgraphDedupFromEnv } from './cache';

// Long exports (egress/) pass millions of rows through Apollo's execution: much short-lived garbage, a good
// part of it in the old generation. By default V8 lets the old generation grow to about three times what
// is live before a full collection, a 150–200 MB saw-tooth in this process (bench/export.ts); a 25 %
// growing factor keeps it near what the gateway holds, for a few more (mostly concurrent) collections.
// V8 reads this flag whenever it sets the next limit, so it can be set here, after start.
function tuneHeapGrowth(env: NodeJS.ProcessEnv = process.env): void {
  const percent = Number(env.GATEWAY_HEAP_GROWING_PERCENT ?? 25);
  if (!Number.isInteger(percent) || percent < 0) throw new Error(`GATEWAY_HEAP_GROWING_PERCENT must be an integer ≥ 0, got ${env.GATEWAY_HEAP_GROWING_PERCENT}`);
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

// Opened by the cache itself (and again after a failure): a bus that is down keeps the cache off, not the gateway.
function responseCacheOptions() {
  const options = responseCacheFromEnv();
  if (!options) return false;
  if (!process.env.DATABASE_URL) {
    // no bus to hear changes made elsewhere on: better no cache than one that can go stale
    createLogger('gateway').warn('DATABASE_URL is not set: response cache off');
    return false;
  }
  const target = databaseTargetFromEnv(); // the bus lives with the subgraphs' databases (or on NATS, named by the prefix)
  return { ...options, bus: () => openBus(target) };
}

async function main(): Promise<void> {
  tuneHeapGrowth();
  const supergraphPath = process.env.SUPERGRAPH_PATH ?? path.resolve(__dirname, '../../schema/supergraph.graphql');
  const gateway = await createGateway({
    supergraphSdl: readFileSync(supergraphPath, 'utf8'),
    subgraphUrls: process.env.SUBGRAPH_URLS ? JSON.parse(process.env.SUBGRAPH_URLS) : undefined,
    subscriptionBufferSize: process.env.SUBSCRIPTION_BUFFER_SIZE ? Number(process.env.SUBSCRIPTION_BUFFER_SIZE) : undefined,
    responseCache: responseCacheOptions(),
    subgraphDedup: subgraphDedupFromEnv(),
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
