// `npm run bench:export`: exports the `large` world's 1,000,000 purchase order lines as CSV through a
// gateway running in its own process, sampling that process's resident memory every 250 ms, then counts
// the file's records with csv-parse (streaming). Prints the result and writes bench/results/export.json.
//
// Data: the orders subgraph's part of the `large` seed (the export reads only orders; inventory runs
// too because orders' schema composes with it) in databases `<BENCH_DATABASE_PREFIX>_*` (default
// `cmgraph_bench`) on DATABASE_URL, or on an embedded PostgreSQL kept in .data/bench-postgres. The seed
// is written once and reused while it holds the expected number of lines (`--reseed` writes it again).
// Options: BENCH_SCALE (large | medium | small), BENCH_PAGE_SIZE (default 500, the export's own),
// BENCH_REPORT (default purchase-order-lines), BENCH_GATEWAY_NODE_OPTIONS (Node/V8 options of the gateway
// process alone, e.g. --max-semi-space-size=16), BENCH_LABEL (suffix of the result file), BENCH_GATEWAY_LOG
// (a file that receives every line the gateway writes).
import { randomBytes } from 'node:crypto';
import { appendFileSync, createReadStream, createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { Client } from 'pg';
import { databaseUrl, type DatabaseTarget } from '@cmgraph/platform';
import { LINES_PER_PO, SCALES, universe, type Scale } from '@cmgraph/seedkit';
import { composeSupergraph } from '@cmgraph/devstack/src/compose/compose';
import { signDevToken } from '@cmgraph/devstack/src/dev-token';
import { startEmbeddedPostgres } from '@cmgraph/devstack/src/postgres';
import { spawnService, waitForHttp, type Service } from '@cmgraph/devstack/src/processes';
import { loadSubgraphs } from '@cmgraph/devstack/src/subgraphs';
import { REPO_ROOT } from '@cmgraph/devstack/src/topology';

const SUBGRAPHS = ['inventory', 'orders'];
const PORTS = { gateway: 4900, inventory: 4903, orders: 4902 } as const;
const scale = (process.env.BENCH_SCALE ?? 'large') as Scale;
const pageSize = Number(process.env.BENCH_PAGE_SIZE ?? 500); // the export's default
const reportName = process.env.BENCH_REPORT ?? 'purchase-order-lines';
const expectedRows = SCALES[scale].purchaseOrders * LINES_PER_PO;
const RESULTS = path.join(REPO_ROOT, 'bench', 'results');
/** Node/V8 options of the gateway process only (e.g. `--max-semi-space-size=16`); none by default, as `npm start` runs it. */
const gatewayNodeOptions = process.env.BENCH_GATEWAY_NODE_OPTIONS ?? '';

const services: Service[] = [];
let stopPostgres: (() => Promise<void>) | undefined;

function say(message: string): void {
  process.stdout.write(`[bench:export] ${message}\n`);
}

async function postgresTarget(): Promise<DatabaseTarget> {
  const prefix = process.env.BENCH_DATABASE_PREFIX ?? 'cmgraph_bench';
  if (process.env.DATABASE_URL) return { serverUrl: process.env.DATABASE_URL, prefix };
  const pg = await startEmbeddedPostgres({ dataDir: path.join(REPO_ROOT, '.data', 'bench-postgres'), port: Number(process.env.EMBEDDED_PG_PORT ?? 54339) });
  stopPostgres = pg.stop;
  return { serverUrl: pg.url, prefix };
}

/** Writes the orders part of the world unless the database already holds exactly its lines. */
async function seedOrders(target: DatabaseTarget): Promise<void> {
  const db = new Client({ connectionString: databaseUrl(target, 'orders') });
  await db.connect();
  try {
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM purchase_order_line');
    if (rows[0]!.n === expectedRows && !process.argv.includes('--reseed')) {
      say(`reusing the seeded ${scale} orders (${expectedRows.toLocaleString('en')} lines)`);
      return;
    }
    const seed = (await loadSubgraphs(['orders']))[0]?.seed;
    if (!seed) throw new Error('the orders subgraph has no seed');
    say(`seeding ${scale} orders (${expectedRows.toLocaleString('en')} lines)…`);
    const started = Date.now();
    const { rows: tables } = await db.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'mikro_orm_%'",
    );
    await db.query('BEGIN');
    await db.query(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} CASCADE`);
    await seed({ db, world: universe(scale), progress: () => undefined });
    await db.query('COMMIT');
    await db.query('ANALYZE');
    say(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await db.end();
  }
}

function start(name: string, script: string, env: Record<string, string>): Service {
  const service = spawnService({
    name,
    script,
    cwd: REPO_ROOT,
    env,
    // the gateway's export progress lines are the interesting ones; the rest stays quiet
    print: (line) => {
      if (process.env.BENCH_GATEWAY_LOG && name === 'gateway') appendFileSync(process.env.BENCH_GATEWAY_LOG, `${line}\n`);
      if (/"msg":"export (started|progress|completed|failed|aborted)/.test(line) || /"level":[56]0/.test(line)) say(`${name}: ${line}`);
    },
  });
  services.push(service);
  return service;
}

/** Waits for a service to answer; if it does not, shows what it said. */
async function ready(url: string, service: Service): Promise<void> {
  try {
    await waitForHttp(url, Date.now() + 180_000, service);
  } catch (error) {
    process.stderr.write(`${service.recentOutput().slice(-20).join('\n')}\n`);
    throw error;
  }
}

/** Resident set size of a process, in MB (Linux /proc). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

function download(url: string, token: string, file: string): Promise<{ status: number; firstByteMs: number; bytes: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
        const firstByteMs = Date.now() - started;
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        pipeline(res, createWriteStream(file)).then(() => resolve({ status: res.statusCode ?? 0, firstByteMs, bytes }), reject);
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
  const target = await postgresTarget();
  const identitySecret = randomBytes(32).toString('base64url');
  const jwtSecret = randomBytes(32).toString('base64url');
  const urls = Object.fromEntries(SUBGRAPHS.map((name) => [name, `http://127.0.0.1:${PORTS[name as keyof typeof PORTS]}/graphql`]));
  const common = {
    DATABASE_URL: target.serverUrl,
    DATABASE_PREFIX: target.prefix,
    IDENTITY_SECRET: identitySecret,
    JWT_SECRET: jwtSecret,
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    SUBGRAPH_URLS: JSON.stringify(urls),
  };
  for (const name of SUBGRAPHS) {
    const service = start(name, path.join('subgraphs', name, 'src', 'main.ts'), { ...common, PORT: String(PORTS[name as keyof typeof PORTS]) });
    await ready(urls[name]!.replace(/graphql$/, 'ready'), service); // migrated by then
  }
  await seedOrders(target);

  const definitions = (await loadSubgraphs(SUBGRAPHS)).map((m) => m.definition);
  const { supergraphSdl } = await composeSupergraph(definitions, (d) => urls[d.name]!);
  const work = path.join(os.tmpdir(), `cmgraph-bench-export-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const supergraphPath = path.join(work, 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraphSdl);
  const gateway = start('gateway', path.join('gateway', 'src', 'main.ts'), {
    ...common,
    PORT: String(PORTS.gateway),
    SUPERGRAPH_PATH: supergraphPath,
    RATE_LIMIT_PER_MINUTE: '600',
    ...(gatewayNodeOptions ? { NODE_OPTIONS: gatewayNodeOptions } : {}),
  });
  await ready(`http://127.0.0.1:${PORTS.gateway}/health`, gateway);
  const pid = gateway.child.pid!;

  const token = signDevToken({ sub: 'bench-analyst', roles: ['ANALYST'] }, jwtSecret, 3600);
  const file = path.join(work, `${reportName}.csv`);
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
  rmSync(work, { recursive: true, force: true });

  const cpus = os.cpus();
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
    machine: {
      cores: cpus.length,
      cpu: cpus[0]?.model.trim(),
      memoryGb: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      note: 'gateway, orders, inventory, PostgreSQL and the client (this process) share the machine',
    },
    measuredAt: new Date().toISOString(),
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  mkdirSync(RESULTS, { recursive: true });
  const label = [scale === 'large' ? '' : scale, process.env.BENCH_LABEL ?? ''].filter(Boolean).join('-');
  writeFileSync(path.join(RESULTS, `export${label ? `-${label}` : ''}.json`), `${JSON.stringify(summary, null, 2)}\n`);
  if (!summary.rowsMatch) throw new Error(`expected ${expectedRows} rows, the file has ${records}`);
}

async function stopAll(): Promise<void> {
  for (const service of services.reverse()) await service.stop();
  await stopPostgres?.();
}

main().then(
  () => stopAll().then(() => process.exit(0)),
  async (error: Error) => {
    process.stderr.write(`[bench:export] failed: ${error.stack ?? error.message}\n`);
    await stopAll();
    process.exit(1);
  },
);
