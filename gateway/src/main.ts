// Runs the gateway as a process: SUPERGRAPH_PATH (default schema/supergraph.graphql), SUBGRAPH_URLS
// (JSON object name → URL, overriding the supergraph's), PORT (default 4000), HOST,
// SUBSCRIPTION_BUFFER_SIZE (events a subscriber may fall behind, default 1,000),
// GATEWAY_HEAP_GROWING_PERCENT (see below; default 25, 0 keeps V8's own).
// Response cache (cache/): GATEWAY_RESPONSE_CACHE (1 on, the default; 0 off), GATEWAY_RESPONSE_CACHE_TTL_MS
// (default 30,000), GATEWAY_RESPONSE_CACHE_MAX_ENTRIES (10,000), GATEWAY_RESPONSE_CACHE_MAX_BYTES (64 MiB);
// it reads the event bus the subgraphs write (NATS_URL, else `<DATABASE_PREFIX>_bus` at DATABASE_URL).
// GATEWAY_SUBGRAPH_DEDUP (1 on, the default; 0 off): identical concurrent subgraph fetches share one request.
// GATEWAY_WORKERS (default 1; `auto`: one per core): that many worker threads serve PORT together (cluster/).
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import path from 'node:path';
import { createLogger, databaseTargetFromEnv, openBus } from '@cmgraph/platform/src/lean';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createGateway, type Gateway, type GatewayWorker } from './gateway';
import { responseCacheFromEnv, subgraphDedupFromEnv } from './cache';
import { startWorkerPool, workerCountFromEnv, type FromWorker, type ToWorker } from './cluster/workers';
import { subgraphNamesOf } from './supergraph';

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

async function runGateway(supergraphSdl: string, worker?: GatewayWorker): Promise<{ gateway: Gateway; url: string }> {
  const gateway = await createGateway({
    supergraphSdl,
    subgraphUrls: process.env.SUBGRAPH_URLS ? JSON.parse(process.env.SUBGRAPH_URLS) : undefined,
    subscriptionBufferSize: process.env.SUBSCRIPTION_BUFFER_SIZE ? Number(process.env.SUBSCRIPTION_BUFFER_SIZE) : undefined,
    responseCache: responseCacheOptions(),
    subgraphDedup: subgraphDedupFromEnv(),
    worker,
  });
  const server = await gateway.listen(Number(process.env.PORT ?? 4000), process.env.HOST ?? '127.0.0.1');
  return { gateway, url: server.url };
}

function onSignal(stop: () => Promise<void>): void {
  const shutdown = async () => {
    await stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function main(): Promise<void> {
  const supergraphPath = process.env.SUPERGRAPH_PATH ?? path.resolve(__dirname, '../../schema/supergraph.graphql');
  const supergraphSdl = readFileSync(supergraphPath, 'utf8');
  if (!isMainThread) return serveAsWorker(supergraphSdl, workerData as GatewayWorker);
  tuneHeapGrowth();
  const count = workerCountFromEnv();
  if (count === 1) {
    const { gateway } = await runGateway(supergraphSdl);
    onSignal(() => gateway.stop());
    return;
  }
  // each worker binds the port itself: port 0 would give each a port of its own
  if (Number(process.env.PORT ?? 4000) === 0) throw new Error('GATEWAY_WORKERS > 1 needs a fixed PORT');
  const log = createLogger('gateway');
  const pool = startWorkerPool({ count, entry: __filename, subgraphs: subgraphNamesOf(supergraphSdl), log });
  onSignal(() => pool.stop());
  const urls = await pool.ready;
  log.info({ url: urls[0], workers: count }, 'gateway workers listening');
}

// A worker thread of the pool (cluster/workers.ts): the same gateway, told when to stop by the main thread.
async function serveAsWorker(supergraphSdl: string, worker: GatewayWorker): Promise<void> {
  const port = parentPort!;
  try {
    const { gateway, url } = await runGateway(supergraphSdl, worker);
    port.on('message', (message: ToWorker) => {
      if (message.type === 'stop') void gateway.stop().finally(() => process.exit(0));
    });
    port.postMessage({ type: 'listening', url } satisfies FromWorker);
  } catch (error) {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
    throw error;
  }
}

main().catch((error) => {
  createLogger('gateway').fatal({ err: error }, 'gateway failed to start');
  process.exit(1);
});
