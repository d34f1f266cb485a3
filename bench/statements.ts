// `npm run bench:statements`: SQL statements per request as a list grows (issue 7). A federated list of N
// items must cost each subgraph a fixed number of requests (the query plan's fetches) and a fixed number
// of SQL statements (DataLoader batches every item's relation into one statement): if either grows with N,
// something resolves item by item (N+1) and the table shows where.
//
// The six subgraphs run as their own processes on the kept `small` world (bench/lib/world.ts) with
// LOG_LEVEL=debug: each then writes one JSON line per GraphQL operation with `sqlStatements`, the statements
// the ORM sent while serving it (packages/platform/src/server.ts). Our gateway runs as `npm start` runs it,
// response cache off (GATEWAY_RESPONSE_CACHE=0), so that every request reaches the subgraphs.
//
// Requests go one at a time. After each, the harness sends a marker query straight to every subgraph
// (`x-request-id: bench-marker-<n>`); a subgraph's operation lines between the previous marker and this one
// are the measured request's, whatever the delay of its log pipe. Three scenarios, each at list sizes 1,
// 10, 100 and 1,000 (fewer when the world has fewer rows; the answer's row count is recorded):
//   orders:    purchase orders with their lines, each line's product (inventory), the order's supplier;
//   lots:      lots with their inspections (quality) and product;
//   scorecard: supplier scorecards for one period with every contribution (ReportSupplierScorecard).
// Each request runs BENCH_RUNS times (default 2: the first also warms plan caches); a count that differs
// between runs is reported. Writes bench/results/statements.json and prints a Markdown table.
//
// Options: BENCH_SCALE (small), BENCH_SIZES (1,10,100,1000), BENCH_RUNS (2), BENCH_PERIOD (2026-Q3),
// BENCH_LABEL, BENCH_GATEWAY_LOG, DATABASE_URL (else the embedded PostgreSQL), `--reseed`.
import os from 'node:os';
import { signIdentity, type DatabaseTarget } from '@cmgraph/platform';
import { SCALES, type Scale } from '@cmgraph/seedkit';
import { signDevToken } from '@cmgraph/devstack/src/dev-token';
import { SUBGRAPH_NAMES } from '@cmgraph/devstack/src/subgraphs';
import type { BenchDatabase } from './lib/postgres';
import { writeResult } from './lib/results';
import { runBenchmark } from './lib/run';
import { Stack } from './lib/stack';
import { committedDocument } from './lib/operations';
import { postGraphql } from './lib/http';
import { machine, round } from './lib/machine';

const scale = (process.env.BENCH_SCALE ?? 'small') as Scale;
if (!(scale in SCALES)) throw new Error(`BENCH_SCALE must be one of ${Object.keys(SCALES).join(', ')}`);
const sizes = (process.env.BENCH_SIZES ?? '1,10,100,1000').split(',').map(Number);
if (!sizes.every((n) => Number.isInteger(n) && n >= 1 && n <= 1000)) throw new Error('BENCH_SIZES: integers from 1 to 1000 (the page limit)');
const runs = Number(process.env.BENCH_RUNS ?? 2);
const period = process.env.BENCH_PERIOD ?? '2026-Q3';
const BASE_PORT = 4975; // subgraphs 4976–4981, gateway 4985 (other benches: export 4900–4902, gateway 4911–4924, subscriptions 4940–4945, telemetry 4950, scorecard 4961–4971, startup 4990–4999)
const GATEWAY_PORT = BASE_PORT + 10;
const ERROR_LINE = /"level":[56]0/;

/** One subgraph operation as the subgraph logged it. */
interface OperationLine {
  requestId: string;
  operationName: string | null;
  sqlStatements: number;
  errors: number;
  ms: number;
}

/**
 * The bench's stack with the subgraphs at LOG_LEVEL=debug (their per-operation lines), and every such line
 * kept per subgraph instead of printed. The gateway is given LOG_LEVEL=info explicitly.
 */
const captured = new Map<string, OperationLine[]>();

class CountingStack extends Stack {
  readonly lines = captured;

  constructor() {
    super({
      label: 'bench:statements',
      gatewayLog: process.env.BENCH_GATEWAY_LOG,
      show: (service, line) => {
        if (service.startsWith('subgraph:') && line.includes('"msg":"operation"')) {
          const parsed = JSON.parse(line) as OperationLine;
          const name = service.slice('subgraph:'.length);
          if (!captured.has(name)) captured.set(name, []);
          captured.get(name)!.push(parsed);
          return false;
        }
        return ERROR_LINE.test(line);
      },
    });
  }

  override commonEnv(target: DatabaseTarget, subgraphUrls: Record<string, string>): Record<string, string> {
    return { ...super.commonEnv(target, subgraphUrls), LOG_LEVEL: 'debug' };
  }
}

const stack = new CountingStack();
let database: BenchDatabase | undefined;
let markers = 0;

/**
 * Sends a marker operation to every subgraph and waits until each has logged it; returns, per subgraph, the
 * operation lines logged since the previous marker (the marker's own line left out). A subgraph answers
 * only once its line is written, and the pipe keeps order, so nothing of the measured request comes later.
 */
async function drainToMarker(urls: Record<string, string>): Promise<Record<string, OperationLine[]>> {
  const id = `bench-marker-${++markers}`;
  const identity = signIdentity({ subject: 'bench-marker', roles: ['ANALYST'], supplierId: null }, stack.secrets.identitySecret);
  const body = JSON.stringify({ query: 'query BenchMarker { __typename }', operationName: 'BenchMarker' });
  await Promise.all(
    Object.values(urls).map(async (url) => {
      const answer = await postGraphql(url, body, { 'x-cmgraph-identity': identity, 'x-request-id': id });
      if (answer.status !== 200) throw new Error(`marker to ${url}: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
    }),
  );
  const out: Record<string, OperationLine[]> = {};
  for (const name of Object.keys(urls)) {
    // the answer is back, so the line is in the pipe; give the reader a moment (bounded) to get to it
    for (let i = 0; i < 500 && !(stack.lines.get(name) ?? []).some((l) => l.requestId === id); i++) await new Promise((r) => setTimeout(r, 10));
    const lines = stack.lines.get(name) ?? [];
    const at = lines.findIndex((l) => l.requestId === id);
    if (at < 0) throw new Error(`${name} never logged marker ${id}: is LOG_LEVEL=debug reaching it?`);
    out[name] = lines.slice(0, at);
    stack.lines.set(name, lines.slice(at + 1));
  }
  return out;
}

interface Scenario {
  name: string;
  description: string;
  body(first: number): string;
  /** The answer's list length. */
  rows(json: unknown): number | undefined;
}

const scenarios: Scenario[] = [
  {
    name: 'orders',
    description: 'purchase orders (orders) with their lines, each line\'s product (inventory) and the order\'s supplier (suppliers)',
    body: (first) =>
      JSON.stringify({
        query: `query BenchStatementsOrders($first: Int!) {
          purchaseOrders(first: $first) { nodes {
            number status
            supplier { code name }
            lines { lineNumber quantity product { sku name } }
          } }
        }`,
        variables: { first },
        operationName: 'BenchStatementsOrders',
      }),
    rows: (json) => (json as { data?: { purchaseOrders?: { nodes?: unknown[] } } }).data?.purchaseOrders?.nodes?.length,
  },
  {
    name: 'lots',
    description: 'lots (inventory) with their inspections (quality) and their product (inventory)',
    body: (first) =>
      JSON.stringify({
        query: `query BenchStatementsLots($first: Int!) {
          lots(first: $first) { nodes {
            lotNumber status
            product { sku name }
            inspections { result firstPass quantityInspected quantityRejected inspectedAt }
          } }
        }`,
        variables: { first },
        operationName: 'BenchStatementsLots',
      }),
    rows: (json) => (json as { data?: { lots?: { nodes?: unknown[] } } }).data?.lots?.nodes?.length,
  },
  {
    name: 'scorecard',
    description: `supplier scorecards for ${period} with every contribution: schema/operations/reports.graphql ReportSupplierScorecard (suppliers, orders, quality, sustainability)`,
    body: (first) => JSON.stringify({ query: committedDocument('reports.graphql'), operationName: 'ReportSupplierScorecard', variables: { period, first } }),
    rows: (json) => (json as { data?: { supplierScorecards?: { edges?: unknown[] } } }).data?.supplierScorecards?.edges?.length,
  },
];

interface PerSubgraph {
  /** Subgraph requests (operation lines) this gateway request caused. */
  requests: number;
  sqlStatements: number;
  /** Each operation the gateway sent, in the order logged: name and statements. */
  operations: { operationName: string | null; sqlStatements: number }[];
}

interface Measurement {
  first: number;
  rows: number;
  answerBytes: number;
  ms: number;
  subgraphs: Record<string, PerSubgraph>;
  /** Totals over every subgraph. */
  requests: number;
  sqlStatements: number;
  /** Whether every run gave the same counts (a difference is reported, the last run is kept). */
  stableOverRuns: boolean;
}

async function measure(scenario: Scenario, first: number, urls: Record<string, string>, token: string): Promise<Measurement> {
  let last: Measurement | undefined;
  let stable = true;
  for (let run = 0; run < runs; run++) {
    await drainToMarker(urls); // nothing before this request counts
    const started = performance.now();
    const answer = await postGraphql(`http://127.0.0.1:${GATEWAY_PORT}/graphql`, scenario.body(first), { authorization: `Bearer ${token}` });
    const ms = performance.now() - started;
    const json = answer.json as { errors?: unknown[] } | undefined;
    const rows = json ? scenario.rows(json) : undefined;
    if (answer.status !== 200 || !json || json.errors || rows === undefined) {
      throw new Error(`${scenario.name} first=${first}: HTTP ${answer.status}: ${answer.text.slice(0, 600)}`);
    }
    const logged = await drainToMarker(urls);
    const subgraphs: Record<string, PerSubgraph> = {};
    for (const [name, lines] of Object.entries(logged)) {
      if (!lines.length) continue;
      const failed = lines.filter((l) => l.errors > 0);
      if (failed.length) throw new Error(`${scenario.name} first=${first}: ${name} logged ${failed.length} operation(s) with errors`);
      subgraphs[name] = {
        requests: lines.length,
        sqlStatements: lines.reduce((sum, l) => sum + l.sqlStatements, 0),
        operations: lines.map((l) => ({ operationName: l.operationName, sqlStatements: l.sqlStatements })),
      };
    }
    const current: Measurement = {
      first,
      rows,
      answerBytes: answer.text.length,
      ms: round(ms),
      subgraphs,
      requests: Object.values(subgraphs).reduce((sum, s) => sum + s.requests, 0),
      sqlStatements: Object.values(subgraphs).reduce((sum, s) => sum + s.sqlStatements, 0),
      stableOverRuns: true,
    };
    if (last && JSON.stringify(countsOf(last)) !== JSON.stringify(countsOf(current))) {
      stable = false;
      stack.say(`${scenario.name} first=${first}: counts differ between runs: ${JSON.stringify(countsOf(last))} vs ${JSON.stringify(countsOf(current))}`);
    }
    last = current;
  }
  return { ...last!, stableOverRuns: stable };
}

const countsOf = (m: Measurement) => Object.fromEntries(Object.entries(m.subgraphs).map(([name, s]) => [name, [s.requests, s.sqlStatements]]));

/**
 * Per subgraph, how its requests and statements move with N: `flat` (the same at every size), `flat from
 * N=<n>` (a smaller list reaches fewer relations, e.g. one order without a shipment; from that size on it
 * stays the same), or `grows with N` (it is still rising at the largest sizes: resolution per item).
 */
function verdicts(rows: Measurement[]) {
  const names = [...new Set(rows.flatMap((m) => Object.keys(m.subgraphs)))];
  const trend = (values: number[], sizesSeen: number[]) => {
    if (values.every((v) => v === values[0])) return 'flat';
    const from = values.findIndex((_, i) => values.slice(i).every((v) => v === values[values.length - 1]));
    return from > 0 && from < values.length - 1 ? `flat from N=${sizesSeen[from]}` : 'grows with N';
  };
  const sizesSeen = rows.map((m) => m.rows);
  return Object.fromEntries(
    names.map((name) => {
      const requests = rows.map((m) => m.subgraphs[name]?.requests ?? 0);
      const statements = rows.map((m) => m.subgraphs[name]?.sqlStatements ?? 0);
      return [name, { requests, sqlStatements: statements, requestsTrend: trend(requests, sizesSeen), statementsTrend: trend(statements, sizesSeen) }];
    }),
  );
}

function table(results: Record<string, { measurements: Measurement[]; verdicts: ReturnType<typeof verdicts> }>): string {
  const lines: string[] = [];
  for (const [scenario, { measurements, verdicts: v }] of Object.entries(results)) {
    const names = Object.keys(v);
    lines.push(
      `**${scenario}** (subgraph requests / SQL statements per gateway request)`,
      '',
      `| N asked | rows | ${names.join(' | ')} | total | ms |`,
      `|---:|---:|${names.map(() => '---:|').join('')}---:|---:|`,
    );
    for (const m of measurements) {
      const cells = names.map((name) => (m.subgraphs[name] ? `${m.subgraphs[name].requests} / ${m.subgraphs[name].sqlStatements}` : '–'));
      lines.push(`| ${m.first} | ${m.rows} | ${cells.join(' | ')} | ${m.requests} / ${m.sqlStatements} | ${m.ms} |`);
    }
    lines.push(`| trend | | ${names.map((name) => `${v[name]!.requestsTrend} / ${v[name]!.statementsTrend}`).join(' | ')} | | |`, '');
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const world = await stack.startWorld(scale, SUBGRAPH_NAMES, BASE_PORT);
  database = world.database;
  const { urls, supergraphPath, env } = world;
  await stack.startOurGateway('gateway', GATEWAY_PORT, { ...env, LOG_LEVEL: 'info', SUPERGRAPH_PATH: supergraphPath, GATEWAY_RESPONSE_CACHE: '0' });
  const token = signDevToken({ sub: 'bench-analyst', roles: ['ANALYST'] }, stack.secrets.jwtSecret, 8 * 3600);

  const results: Record<string, { description: string; measurements: Measurement[]; verdicts: ReturnType<typeof verdicts> }> = {};
  for (const scenario of scenarios) {
    const measurements: Measurement[] = [];
    for (const first of sizes) {
      const m = await measure(scenario, first, urls, token);
      // a size past the world's rows answers the same list as the one before: measured once
      if (measurements.length && measurements[measurements.length - 1]!.rows === m.rows) continue;
      measurements.push(m);
      stack.say(
        `${scenario.name} first=${first} (${m.rows} rows): ` +
          Object.entries(m.subgraphs).map(([name, s]) => `${name} ${s.requests} req / ${s.sqlStatements} SQL`).join(', '),
      );
      if (m.rows < first) break; // the world has no more
    }
    results[scenario.name] = { description: scenario.description, measurements, verdicts: verdicts(measurements) };
  }
  const growing = Object.entries(results).flatMap(([scenario, r]) =>
    Object.entries(r.verdicts)
      .filter(([, v]) => v.statementsTrend === 'grows with N' || v.requestsTrend === 'grows with N')
      .map(([name, v]) => `${scenario}/${name}: requests ${v.requests.join(', ')}; statements ${v.sqlStatements.join(', ')}`),
  );

  const summary = {
    benchmark: 'SQL statements and subgraph requests per gateway request as the list grows (DataLoader batching keeps them flat)',
    command: `${process.env.DATABASE_URL ? 'DATABASE_URL=… ' : ''}npm run bench:statements`,
    scale,
    sizes,
    runsPerSize: runs,
    how:
      'subgraphs at LOG_LEVEL=debug log one line per operation with sqlStatements (ORM statements while serving it); ' +
      'after each gateway request a marker query to every subgraph delimits its lines; gateway response cache off',
    growing,
    growingNote:
      'a DataLoader batch holds at most 1,000 keys (packages/platform/src/loaders.ts maxBatchSize): ceil(distinct keys / 1,000) ' +
      'statements is still batching; statements rising with every item would be N+1',
    results,
    machine: machine('the six subgraphs, PostgreSQL, the gateway and the client (this process) share the machine'),
    machineLoadAverage: os.loadavg().map((l) => round(l, 2)),
    measuredAt: new Date().toISOString(),
    wallSeconds: Math.round((Date.now() - started) / 1000),
  };
  const markdown = table(results);
  process.stdout.write(`\n${markdown}\n${growing.length ? `GROWS WITH N: ${growing.join('; ')}\n(a loader batch holds at most 1,000 keys: ceil(keys / 1,000) statements is batching, one per item is N+1)\n` : 'Every subgraph\'s requests and statements stay flat as N grows.\n'}`);
  writeResult('statements', { ...summary, table: markdown }, [scale === 'small' ? '' : scale]);
}

runBenchmark('bench:statements', main, async () => {
  await stack.stopAll();
  await database?.stop();
});
