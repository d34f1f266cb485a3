// Hive Gateway (@graphql-hive/gateway, from npm) as the comparison harness runs it: its runtime on Node's
// HTTP server, one process, default settings, reading the supergraph file at SUPERGRAPH_PATH. The only
// addition is what our subgraphs require: the client's `x-cmgraph-identity` header (signed by the harness,
// valid 60 s) is forwarded to every subgraph request. Hive does no JWT verification and no signing of its
// own, which is work our gateway does per request: the comparison favours Hive there. Hive deduplicates
// identical in-flight subgraph requests by default; HIVE_DEDUP=0 turns that off (the `hive-nodedup`
// variant, to compare like for like with `ours-bare`).
import http from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';

const IDENTITY_HEADER = 'x-cmgraph-identity';

const runtime = createGatewayRuntime({
  supergraph: process.env.SUPERGRAPH_PATH!,
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ [IDENTITY_HEADER]: request.headers.get(IDENTITY_HEADER) }),
  },
  logging: 'warn',
  ...(process.env.HIVE_DEDUP === '0' ? { transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } } } : {}),
});

const server = http.createServer(runtime);
server.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1', () => {
  process.stdout.write(`hive gateway listening on ${process.env.PORT}\n`);
});

const stop = () => {
  server.close();
  void Promise.resolve(runtime.dispose()).finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
