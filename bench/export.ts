// `npm run bench:export`: exports the `large` world's 1,000,000 purchase order lines as CSV through a
// gateway running in its own process, sampling that process's resident memory every 250 ms, then counts
// the file's records with csv-parse (streaming). Prints the result and writes bench/results/export.json.
//
// Data: the orders subgraph's part of the `large` seed (the export reads only orders; inventory runs
// too because orders' schema composes with it) in the bench databases of bench/lib/postgres.ts
// (`cmgraph_bench_*` for `large`) on DATABASE_URL, or on an embedded PostgreSQL kept in .data/bench-postgres.
// The seed is written once and reused while complete (bench/lib/world.ts; `--reseed` writes it again).
// Options: BENCH_SCALE (large | medium | small), BENCH_PAGE_SIZE (default 500, the export's own),
// BENCH_REPORT (default purchase-order-lines), BENCH_GATEWAY_NODE_OPTIONS (Node/V8 options of the gateway
// process alone, e.g. --max-semi-space-size=16), BENCH_GZIP=1 (download gzipped: `megabytes` is then what
// came over the wire, `csvMegabytes` the CSV), BENCH_LABEL (suffix of the result file), BENCH_GATEWAY_LOG
// (a file that receives every line the gateway writes).
import { createReadStream, createWriteStream, readFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { LINES_PER_PO, SCALES, type Scale } from '@cmgraph/seedkit';
import { REPO_ROOT } from '@cmgraph/devstack/src/topology';
import { benchDatabase, type BenchDatabase } from './lib/postgres';
import { seedWorld } from './lib/world';
import { writeResult } from './lib/results';
import { runBenchmark } from './lib/run';
import { Stack } from './lib/stack';
import { rssMb } from './lib/proc';
import { machine } from './lib/machine';
import { signDevToken } from '@cmgraph/devstack/src/dev-token';

const SUBGRAPHS = ['inventory', 'orders'];
const PORTS = { gateway: 4900 } as const; // subgraphs on the next ports (4901, 4902)
const scale = (process.env.BENCH_SCALE ?? 'large') as Scale;
const pageSize = Number(process.env.BENCH_PAGE_SIZE ?? 500); // the export's default
const reportName = process.env.BENCH_REPORT ?? 'purchase-order-lines';
const expectedRows = SCALES[scale].purchaseOrders * LINES_PER_PO;
const RESULTS = path.join(REPO_ROOT, 'bench', 'results');
/** Node/V8 options of the gateway process only (e.g. `--max-semi-space-size=16`); none by default, as `npm start` runs it. */
const gatewayNodeOptions = process.env.BENCH_GATEWAY_NODE_OPTIONS ?? '';
const gzip = process.env.BENCH_GZIP === '1'; // ask for the export gzipped (Accept-Encoding: gzip)

// the gateway's export progress lines are the interesting ones; the rest stays quiet
const stack = new Stack({
  label: 'bench:export',
  gatewayLog: process.env.BENCH_GATEWAY_LOG,
  show: (_service, line) => /"msg":"export (started|progress|completed|failed|aborted)/.test(line) || /"level":[56]0/.test(line),
});
let database: BenchDatabase | undefined;

function say(message: string): void {
  stack.say(message);
}

/** Downloads to `file` (gunzipped when it came gzipped); `bytes` is what came over the wire. */
function download(url: string, token: string, file: string): Promise<{ status: number; firstByteMs: number; bytes: number; encoding: string }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { authorization: `Bearer ${token}`, ...(gzip ? { 'accept-encoding': 'gzip' } : {}) } }, (res) => {
        const firstByteMs = Date.now() - started;
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        const encoding = res.headers['content-encoding'] ?? 'identity';
        const written = encoding === 'gzip' ? pipeline(res, createGunzip(), createWriteStream(file)) : pipeline(res, createWriteStream(file));
        written.then(() => resolve({ status: res.statusCode ?? 0, firstByteMs, bytes, encoding }), reject);
      })
      .on('error', reject);
  });
}

/** Three pages of the report's document through /graphql, the export's page size each. */
async function warmUp(token: string): Promise<void> {
  const { reports } = (await (await fetch(`http://127.0.0.1:${PORTS.gateway}/reports`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    reports: { name: string }[];
  };
  if (!reports.some((r) => r.name === reportName)) throw new Error(`the gateway has no report ${reportName}`);
  const query = `{ purchaseOrders(first: ${pageSize}) { pageInfo { hasNextPage endCursor } nodes { id number status supplier { id } lines { id quantity unitPrice } shipments { id supplier { id } } } } }`;
  for (let i = 0; i < 3; i++) {
    const response = await fetch(`http://127.0.0.1:${PORTS.gateway}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    if (response.status !== 200) throw new Error(`warm-up answered HTTP ${response.status}`);
    await response.text();
  }
}

async function countRecords(file: string): Promise<{ records: number; header: string[] }> {
  let records = 0;
  let header: string[] = [];
  const parser = parse({ relax_column_count: false });
  parser.on('readable', () => {
    let record: string[] | null;
    while ((record = parser.read() as string[] | null) !== null) {
      if (!header.length) header = record;
      else records += 1;
    }
  });
  await pipeline(createReadStream(file), parser);
  return { records, header };
}

async function main(): Promise<void> {
  database = await benchDatabase(scale);
  // only the orders part of the world: the export reads orders alone (inventory runs because orders' schema composes with it)
  await seedWorld(database.target, ['orders'], { scale, reseed: process.argv.includes('--reseed'), say });
  const urls = await stack.startSubgraphs(database.target, SUBGRAPHS, PORTS.gateway);
  const supergraphPath = stack.benchSupergraph(urls);
  const gateway = await stack.startOurGateway('gateway', PORTS.gateway, {
    ...stack.commonEnv(database.target, urls),
    SUPERGRAPH_PATH: supergraphPath,
    RATE_LIMIT_PER_MINUTE: '600',
    ...(gatewayNodeOptions ? { NODE_OPTIONS: gatewayNodeOptions } : {}),
  });
  const pid = gateway.child.pid!;

  const token = signDevToken({ sub: 'bench-analyst', roles: ['ANALYST'] }, stack.secrets.jwtSecret, 3600);
  const file = path.join(stack.work, `${reportName}.csv`);
  const url = `http://127.0.0.1:${PORTS.gateway}/reports/${reportName}.csv?pageSize=${pageSize}`;
  // "start" is a gateway that has served this shape once (query plan cached, code compiled): what grows
  // after that is what the export's length costs
  const rssCold = rssMb(pid);
  await warmUp(token);
  const rssStart = rssMb(pid);
  let rssPeak = rssStart;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 250);
  say(`exporting ${url.replace(/^http:\/\/[^/]+/, '')} as ANALYST (gateway RSS ${rssStart.toFixed(1)} MB)…`);
  const started = Date.now();
  const result = await download(url, token, file);
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, rssMb(pid));
  if (result.status !== 200) throw new Error(`export answered HTTP ${result.status}: ${readFileSync(file, 'utf8').slice(0, 500)}`);
  say(`downloaded ${(result.bytes / 1048576).toFixed(1)} MB in ${seconds.toFixed(1)} s; counting records with csv-parse…`);
  const { records, header } = await countRecords(file);
  const csvBytes = statSync(file).size;
  rmSync(file, { force: true });

  const summary = {
    benchmark: 'CSV export of every purchase order line through the gateway (GET /reports/purchase-order-lines.csv)',
    scale,
    report: reportName,
    pageSize,
    gatewayNodeOptions: gatewayNodeOptions || null,
    gatewayHeapGrowingPercent: Number(process.env.GATEWAY_HEAP_GROWING_PERCENT ?? 25), // gateway/src/main.ts (0: V8's own)
    rows: records,
    expectedRows,
    rowsMatch: records === expectedRows,
    columns: header,
    megabytes: Math.round((result.bytes / 1048576) * 10) / 10,
    contentEncoding: result.encoding,
    csvMegabytes: Math.round((csvBytes / 1048576) * 10) / 10,
    seconds: Math.round(seconds * 10) / 10,
    firstByteSeconds: Math.round(result.firstByteMs / 100) / 10,
    rowsPerSecond: Math.round(records / seconds),
    gatewayRssMb: {
      cold: Math.round(rssCold * 10) / 10,
      start: Math.round(rssStart * 10) / 10,
      peak: Math.round(rssPeak * 10) / 10,
      growth: Math.round((rssPeak - rssStart) * 10) / 10,
      sampledEveryMs: 250,
    },
    targetGrowthMb: 100,
    withinTarget: rssPeak - rssStart < 100,
    machine: machine('gateway, orders, inventory, PostgreSQL and the client (this process) share the machine'),
    measuredAt: new Date().toISOString(),
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  mkdirSync(RESULTS, { recursive: true });
  writeResult('export', summary, [scale === 'large' ? '' : scale]);
  if (!summary.rowsMatch) throw new Error(`expected ${expectedRows} rows, the file has ${records}`);
}

async function stopAll(): Promise<void> {
  await stack.stopAll();
  await database?.stop();
}

runBenchmark('bench:export', main, stopAll);
