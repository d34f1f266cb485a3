// `npm run bench`: our gateway against Hive Gateway and a stock @apollo/gateway + @apollo/server, side by
// side on the same subgraphs, the same supergraph and the same operation mix (bench/lib/operations.ts).
//
// The six subgraphs run as their own processes on a kept, seeded world (BENCH_SCALE, default `small`;
// bench/lib/world.ts). Each gateway runs in its own process: ours as `npm start` runs it
// (gateway/src/main.ts), Hive Gateway's runtime (bench/lib/hive-gateway.ts) and the stock pair
// (bench/lib/stock-gateway.ts) with default settings, both reading schema/supergraph.graphql (its subgraph
// URLs pointed at the bench's ports). Ours authenticates a JWT and signs the identity the subgraphs
// require; the other two forward an identity header the harness signs per round (no JWT work).
//
// Before any load, every operation is sent once to every gateway: the answers must carry no error and be
// deep-equal, or the run aborts. Then, per scenario (the mix; with BENCH_PER_OPERATION=1 also each
// operation alone), rounds alternate between the gateways (A B C A B C …) so that drift of the shared
// machine spreads over all of them. autocannon drives each round at fixed concurrency; each connection
// cycles through the scenario's operations in order. Per gateway: req/s, p50/p99 latency, non-2xx,
// connection errors and GraphQL errors (all must be 0), CPU seconds of the gateway process (/proc) and its
// peak RSS (VmHWM). Prints a table, writes bench/results/gateway.json and the table in bench/RESULTS.md.
//
// Options: BENCH_SCALE (small | medium | large), BENCH_CONNECTIONS (20), BENCH_DURATION (seconds per
// round, 15, at most 50: the forwarded identity is valid 60 s), BENCH_ROUNDS (3), BENCH_WARMUP (seconds of
// load per gateway before the first round, 5), BENCH_GATEWAYS (comma list of ours, ours-nocache, ours-bare,
// ours-workers, hive, hive-nodedup, stock; default ours, ours-nocache, hive, stock), BENCH_PER_OPERATION=1,
// BENCH_LABEL (result file suffix), BENCH_GATEWAY_LOG (file receiving every gateway line),
// BENCH_GATEWAY_NODE_OPTIONS (Node options of our gateway processes only, e.g. `--cpu-prof
// --cpu-prof-dir=<absolute dir>`; bench/lib/profile.ts reads the profiles), BENCH_DATABASE_PREFIX,
// DATABASE_URL (else the embedded PostgreSQL), `--reseed`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { signIdentity } from '@cmgraph/platform';
import { SCALES, type Scale } from '@cmgraph/seedkit';
import { signDevToken } from '@cmgraph/devstack/src/dev-token';
import { SUBGRAPH_NAMES } from '@cmgraph/devstack/src/subgraphs';
import type { Service } from '@cmgraph/devstack/src/processes';
import { REPO_ROOT } from '@cmgraph/devstack/src/topology';
import type { BenchDatabase } from './lib/postgres';
import { runBenchmark } from './lib/run';
import { Stack } from './lib/stack';
import { operationMix, type Operation } from './lib/operations';
import { cpuSeconds, peakRssMb } from './lib/proc';
import { machine, percentile, round } from './lib/machine';
import { firstDifference, postGraphql, waitForGraphql } from './lib/http';
import { gatewayTable, replaceSection } from './lib/report';

const scale = (process.env.BENCH_SCALE ?? 'small') as Scale;
if (!(scale in SCALES)) throw new Error(`BENCH_SCALE must be one of ${Object.keys(SCALES).join(', ')}`);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const duration = Number(process.env.BENCH_DURATION ?? 15);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const warmup = Number(process.env.BENCH_WARMUP ?? 5);
const perOperation = process.env.BENCH_PER_OPERATION === '1';
const gatewayNodeOptions = process.env.BENCH_GATEWAY_NODE_OPTIONS ?? '';
/** The options as the result file records them: where the profiles went is this machine's business. */
const gatewayNodeOptionsShown = gatewayNodeOptions.replace(/(-dir|-name)=\S+/g, '$1=…');
if (!(duration > 0 && duration <= 50)) throw new Error('BENCH_DURATION must be between 1 and 50 seconds (the forwarded identity is valid 60 s)');
const BASE_PORT = 4910; // subgraphs 4911–4916, gateways 4920–4926
const RESULTS = path.join(REPO_ROOT, 'bench', 'results');

interface GatewayUnderTest {
  name: string;
  description: string;
  port: number;
  service?: Service;
  /** When its process was spawned (epoch ms): a --cpu-prof profile's clock starts about then. */
  spawnedAt?: number;
  start(): Promise<Service>;
  /** Headers of one round (an identity signed now for the gateways that forward it). */
  headers(): Record<string, string>;
}

interface RoundResult {
  round: number;
  requests: number;
  seconds: number;
  reqPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; mean: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  graphqlErrors: number;
  cpuSeconds: number;
}

const stack = new Stack({ label: 'bench:gateway', gatewayLog: process.env.BENCH_GATEWAY_LOG });
let database: BenchDatabase | undefined;

function gateways(supergraphPath: string, env: Record<string, string>): GatewayUnderTest[] {
  const token = signDevToken({ sub: 'bench-analyst', roles: ['ANALYST'] }, stack.secrets.jwtSecret, 8 * 3600);
  const bearer = () => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
  const forwarded = () => ({
    'content-type': 'application/json',
    'x-cmgraph-identity': signIdentity({ subject: 'bench-analyst', roles: ['ANALYST'], supplierId: null }, stack.secrets.identitySecret),
  });
  // ours as `npm start` runs it, with the rate limit off: 20 connections of one user would exhaust it; Node
  // options (a profiler) for ours alone, so that Hive and stock run as they always do
  const ours = {
    ...env,
    SUPERGRAPH_PATH: supergraphPath,
    RATE_LIMIT_PER_MINUTE: '0',
    ...(gatewayNodeOptions ? { NODE_OPTIONS: gatewayNodeOptions } : {}),
  };
  const other = { ...env, SUPERGRAPH_PATH: supergraphPath };
  const all: GatewayUnderTest[] = [
    {
      name: 'ours',
      description: 'gateway/src/main.ts (JWT verified, identity signed per subgraph request, operation limits on, rate limit off)',
      port: BASE_PORT + 10,
      start: () => stack.startOurGateway('ours', BASE_PORT + 10, ours),
      headers: bearer,
    },
    {
      name: 'ours-nocache',
      description: 'the same with its response cache off (GATEWAY_RESPONSE_CACHE=0)',
      port: BASE_PORT + 13,
      start: () => stack.startOurGateway('ours-nocache', BASE_PORT + 13, { ...ours, GATEWAY_RESPONSE_CACHE: '0' }),
      headers: bearer,
    },
    {
      name: 'ours-bare',
      description: 'the same with its response cache and its deduplication of identical in-flight subgraph fetches off (GATEWAY_RESPONSE_CACHE=0 GATEWAY_SUBGRAPH_DEDUP=0); only when named in BENCH_GATEWAYS',
      port: BASE_PORT + 14,
      start: () => stack.startOurGateway('ours-bare', BASE_PORT + 14, { ...ours, GATEWAY_RESPONSE_CACHE: '0', GATEWAY_SUBGRAPH_DEDUP: '0' }),
      headers: bearer,
    },
    {
      name: 'ours-workers',
      description: 'ours with two worker threads on its port (GATEWAY_WORKERS=2); only when named in BENCH_GATEWAYS',
      port: BASE_PORT + 16,
      start: () => stack.startOurGateway('ours-workers', BASE_PORT + 16, { ...ours, GATEWAY_WORKERS: '2' }),
      headers: bearer,
    },
    {
      name: 'hive',
      description: '@graphql-hive/gateway runtime on node:http, default settings (in-flight deduplication on), forwards x-cmgraph-identity (bench/lib/hive-gateway.ts)',
      port: BASE_PORT + 11,
      start: async () => {
        await stack.assertPortFree(BASE_PORT + 11);
        const service = stack.start('hive', path.join('bench', 'lib', 'hive-gateway.ts'), { ...other, PORT: String(BASE_PORT + 11) });
        await waitForGraphql(`http://127.0.0.1:${BASE_PORT + 11}/graphql`, forwarded(), service);
        return service;
      },
      headers: forwarded,
    },
    {
      name: 'hive-nodedup',
      description: 'Hive Gateway with its in-flight deduplication off (HIVE_DEDUP=0), to set beside ours-bare; only when named in BENCH_GATEWAYS',
      port: BASE_PORT + 15,
      start: async () => {
        await stack.assertPortFree(BASE_PORT + 15);
        const service = stack.start('hive-nodedup', path.join('bench', 'lib', 'hive-gateway.ts'), { ...other, PORT: String(BASE_PORT + 15), HIVE_DEDUP: '0' });
        await waitForGraphql(`http://127.0.0.1:${BASE_PORT + 15}/graphql`, forwarded(), service);
        return service;
      },
      headers: forwarded,
    },
    {
      name: 'stock',
      description: '@apollo/gateway + @apollo/server standalone, default settings, copies x-cmgraph-identity (bench/lib/stock-gateway.ts)',
      port: BASE_PORT + 12,
      start: async () => {
        await stack.assertPortFree(BASE_PORT + 12);
        const service = stack.start('stock', path.join('bench', 'lib', 'stock-gateway.ts'), { ...other, PORT: String(BASE_PORT + 12) });
        await waitForGraphql(`http://127.0.0.1:${BASE_PORT + 12}/graphql`, forwarded(), service);
        return service;
      },
      headers: forwarded,
    },
  ];
  const wanted = (process.env.BENCH_GATEWAYS ?? 'ours,ours-nocache,hive,stock').split(',').map((s) => s.trim());
  for (const name of wanted) if (!all.some((g) => g.name === name)) throw new Error(`BENCH_GATEWAYS: unknown gateway "${name}"`);
  return all.filter((g) => wanted.includes(g.name));
}

/** Sends every operation once to every gateway; aborts unless all answers are error-free and equal. */
async function checkAnswers(list: GatewayUnderTest[], operations: Operation[]): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const op of operations) {
    let reference: { gateway: string; answer: unknown } | undefined;
    for (const gateway of list) {
      const { status, json, text } = await postGraphql(`http://127.0.0.1:${gateway.port}/graphql`, op.body, gateway.headers());
      const errors = (json as { errors?: unknown[] } | undefined)?.errors;
      if (status !== 200 || !json || errors) {
        throw new Error(`${gateway.name} answered ${op.name} with HTTP ${status}${errors ? ' and errors' : ''}: ${text.slice(0, 600)}`);
      }
      if (!reference) {
        reference = { gateway: gateway.name, answer: json };
        sizes[op.name] = text.length;
      } else if (!isDeepStrictEqual(reference.answer, json)) {
        throw new Error(`${gateway.name} and ${reference.gateway} answer ${op.name} differently, first at ${firstDifference(reference.answer, json)}`);
      }
    }
    stack.say(`${op.name}: identical answers from ${list.map((g) => g.name).join(', ')} (${sizes[op.name]!.toLocaleString('en')} bytes)`);
  }
  return sizes;
}

async function load(gateway: GatewayUnderTest, operations: Operation[], seconds: number, roundNumber: number): Promise<RoundResult> {
  let graphqlErrors = 0;
  const headers = gateway.headers();
  const pid = gateway.service!.child.pid!;
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({
    url: `http://127.0.0.1:${gateway.port}/graphql`,
    connections,
    duration: seconds,
    timeout: 30,
    requests: operations.map((op) => ({
      method: 'POST',
      path: '/graphql',
      headers,
      body: op.body,
      // a 200 with errors is a failure too; a substring test keeps the client's own work small
      onResponse: (status: number, body: string) => {
        if (status === 200 && body.includes('"errors"')) graphqlErrors++;
      },
    })),
  });
  const cpu = cpuSeconds(pid) - cpuBefore;
  return {
    round: roundNumber,
    requests: result.requests.total,
    seconds: result.duration,
    reqPerSec: round(result.requests.total / result.duration),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, mean: round(result.latency.mean, 2), max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors,
    cpuSeconds: round(cpu, 2),
  };
}

function summarize(rows: RoundResult[], pid: number) {
  const requests = rows.reduce((sum, r) => sum + r.requests, 0);
  const seconds = rows.reduce((sum, r) => sum + r.seconds, 0);
  const cpu = rows.reduce((sum, r) => sum + r.cpuSeconds, 0);
  return {
    reqPerSec: round(requests / seconds),
    // the median over rounds of each round's percentile (autocannon's histogram per round)
    latencyMs: { p50: percentile(rows.map((r) => r.latencyMs.p50), 50), p99: percentile(rows.map((r) => r.latencyMs.p99), 50) },
    requests,
    non2xx: rows.reduce((sum, r) => sum + r.non2xx, 0),
    errors: rows.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    graphqlErrors: rows.reduce((sum, r) => sum + r.graphqlErrors, 0),
    cpuSeconds: round(cpu, 1),
    /** Cores the gateway kept busy on average while loaded. */
    cpuCores: round(cpu / seconds, 2),
    cpuMsPerRequest: round((cpu * 1000) / requests, 2),
    peakRssMb: round(peakRssMb(pid)),
    rounds: rows,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const world = await stack.startWorld(scale, SUBGRAPH_NAMES, BASE_PORT);
  database = world.database;
  const { supergraphPath, env } = world;
  const list = gateways(supergraphPath, env);
  for (const gateway of list) {
    gateway.spawnedAt = Date.now();
    gateway.service = await gateway.start();
    stack.say(`${gateway.name} ready on port ${gateway.port} (pid ${gateway.service.child.pid})`);
  }

  // the world's first supplier (by code) anchors the supplier queries; any gateway can tell
  const first = await postGraphql(
    `http://127.0.0.1:${list[0]!.port}/graphql`,
    JSON.stringify({ query: '{ suppliers(first: 1) { nodes { id code } } }' }),
    list[0]!.headers(),
  );
  const supplier = (first.json as { data?: { suppliers?: { nodes?: { id: string; code: string }[] } } })?.data?.suppliers?.nodes?.[0];
  if (!supplier) throw new Error(`no supplier in the ${scale} world: ${first.text.slice(0, 300)}`);
  const operations = operationMix({ supplierId: supplier.id, supplierCode: supplier.code, from: '2026-01-01', to: '2026-10-31' });
  const sizes = await checkAnswers(list, operations);

  const scenarios = [{ name: 'mix', operations }, ...(perOperation ? operations.map((op) => ({ name: op.name, operations: [op] })) : [])];
  const measured: Record<string, Record<string, ReturnType<typeof summarize>>> = {};
  const profileWindows: Record<string, { from: number; to: number }> = {};
  for (const scenario of scenarios) {
    stack.say(`scenario ${scenario.name}: warm-up ${warmup} s per gateway, then ${rounds} rounds of ${duration} s at ${connections} connections`);
    for (const gateway of list) await load(gateway, scenario.operations, warmup, 0);
    const rows: Record<string, RoundResult[]> = Object.fromEntries(list.map((g) => [g.name, []]));
    for (let r = 1; r <= rounds; r++) {
      for (const gateway of list) {
        const roundStarted = Date.now();
        const row = await load(gateway, scenario.operations, duration, r);
        if (gatewayNodeOptions && gateway.name.startsWith('ours')) {
          const since = (at: number) => Math.round((at - gateway.spawnedAt!) / 100) / 10;
          const window = (profileWindows[gateway.name] ??= { from: since(roundStarted), to: 0 });
          window.to = since(Date.now());
        }
        rows[gateway.name]!.push(row);
        stack.say(
          `${scenario.name} round ${r} ${gateway.name}: ${row.reqPerSec} req/s, p50 ${row.latencyMs.p50} ms, p99 ${row.latencyMs.p99} ms, ` +
            `CPU ${row.cpuSeconds} s, failures ${row.non2xx + row.errors + row.timeouts + row.graphqlErrors}`,
        );
      }
    }
    for (const [name, { from, to }] of Object.entries(profileWindows)) {
      // the profile also holds start-up and warm-up: bench/lib/profile.ts keeps the rounds with --from/--to,
      // and turns shares into CPU ms per request with what /proc measured over them
      const cpu = round(rows[name]!.reduce((sum, r) => sum + r.cpuSeconds, 0), 2);
      const requests = rows[name]!.reduce((sum, r) => sum + r.requests, 0);
      stack.say(`${scenario.name} ${name} profile: bench/lib/profile.ts <file> --from ${from} --to ${to} --cpu-seconds ${cpu} --requests ${requests}`);
      delete profileWindows[name];
    }
    measured[scenario.name] = Object.fromEntries(list.map((g) => [g.name, summarize(rows[g.name]!, g.service!.child.pid!)]));
  }

  const ratio = (scenario: string, a: string, b: string) => {
    const x = measured[scenario]?.[a];
    const y = measured[scenario]?.[b];
    return x && y ? round(x.reqPerSec / y.reqPerSec, 2) : null;
  };
  const ratios = Object.fromEntries(
    scenarios.map((s) => [
      s.name,
      Object.fromEntries(
        list
          .filter((g) => g.name.startsWith('ours'))
          .flatMap((g) => ['hive', 'hive-nodedup', 'stock'].map((other) => [`${g.name}/${other}`, ratio(s.name, g.name, other)] as const))
          .filter(([, value]) => value !== null),
      ),
    ]),
  );
  const failures = Object.values(measured).flatMap((byGateway) => Object.values(byGateway)).reduce((n, m) => n + m.non2xx + m.errors + m.graphqlErrors, 0);
  const summary = {
    benchmark: 'gateway comparison: ours vs Hive Gateway vs stock @apollo/gateway, same subgraphs, same supergraph, same operations',
    command: commandLine(),
    scale,
    connections,
    gatewayNodeOptions: gatewayNodeOptionsShown || null,
    roundSeconds: duration,
    rounds,
    warmupSeconds: warmup,
    order: 'rounds alternate between the gateways (A B C A B C …)',
    operations: operations.map((op) => ({ name: op.name, description: op.description, answerBytes: sizes[op.name] })),
    answersIdentical: true,
    gateways: Object.fromEntries(list.map((g) => [g.name, g.description])),
    results: measured,
    ratios,
    failures,
    machine: machine('the six subgraphs, PostgreSQL, the three gateways and the load generator (this process) share the machine'),
    measuredAt: new Date().toISOString(),
    wallSeconds: Math.round((Date.now() - started) / 1000),
  };
  const table = gatewayTable(summary);
  process.stdout.write(`\n${table}\n`);
  mkdirSync(RESULTS, { recursive: true });
  const label = [scale === 'small' ? '' : scale, process.env.BENCH_LABEL ?? ''].filter(Boolean).join('-');
  writeFileSync(path.join(RESULTS, `gateway${label ? `-${label}` : ''}.json`), `${JSON.stringify(summary, null, 2)}\n`);
  if (!label) replaceSection(path.join(REPO_ROOT, 'bench', 'RESULTS.md'), 'gateway', table);
  if (failures) throw new Error(`${failures} failed requests (non-2xx, connection errors or GraphQL errors): see results`);
}

function commandLine(): string {
  const knobs = ['DATABASE_URL', 'BENCH_SCALE', 'BENCH_CONNECTIONS', 'BENCH_DURATION', 'BENCH_ROUNDS', 'BENCH_WARMUP', 'BENCH_GATEWAYS', 'BENCH_PER_OPERATION', 'BENCH_GATEWAY_NODE_OPTIONS']
    .filter((k) => process.env[k] !== undefined)
    .map((k) => `${k}=${k === 'DATABASE_URL' ? '…' : k === 'BENCH_GATEWAY_NODE_OPTIONS' ? JSON.stringify(gatewayNodeOptionsShown) : process.env[k]}`);
  return [...knobs, 'npm run bench'].join(' ');
}

runBenchmark('bench:gateway', main, async () => {
  // a --cpu-prof profile is written as the gateway's process ends (after SIGTERM; never after SIGKILL), and
  // writing one of a few minutes' samples takes seconds: more than the usual grace before SIGKILL
  await stack.stopAll(gatewayNodeOptions || process.env.BENCH_SUBGRAPH_NODE_OPTIONS ? 60_000 : undefined);
  await database?.stop();
});
