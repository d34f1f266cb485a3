// `npm run bench:startup`: how fast a gateway process starts and how much memory it holds (issue 7). A
// gateway restarts on every deploy and every scale-out: the time until it serves, and its resident memory
// then and once warm, are what an operator sizes and waits for.
//
// The six subgraphs run as their own processes on the kept `small` world (bench/lib/world.ts). Then, BENCH_RUNS
// times (default 5), each gateway in turn (A B C A B C …, so that the shared machine's drift spreads over all):
// spawn the process, poll its health endpoint and then a GraphQL query every BENCH_POLL_MS (10) ms, timed from
// the spawn; read its RSS (/proc VmRSS) at the first GraphQL answer; send BENCH_WARMUP_QUERIES (100) queries of
// the comparison mix (bench/lib/operations.ts: one, three and six subgraphs, `_entities`-heavy, in turn), one
// at a time; read RSS again (and VmHWM, the peak); stop it. Medians over the runs.
//   ours:         gateway/src/main.ts as `npm start` runs it, default settings (response cache on);
//   ours-nocache: the same with GATEWAY_RESPONSE_CACHE=0 (the warm-up then reaches the subgraphs every time);
//   hive:         Hive Gateway's runtime on node:http (bench/lib/hive-gateway.ts), health at /healthcheck;
//   stock:        @apollo/gateway + @apollo/server standalone (bench/lib/stock-gateway.ts), no health route.
// Every gateway is a TypeScript entry point run with `node -r @swc-node/register` (as `npm start` does): the
// start-up includes compiling its own files in memory, for all alike.
// For scale, the floor: a node process with @swc-node/register and an empty script (time to its first output
// line, RSS then).
// "First GraphQL answer" is the mix's one-subgraph query (10 products) answered 200 with data and no error:
// the supergraph is loaded, the query planned and a subgraph reached.
//
// Options: BENCH_RUNS (5), BENCH_GATEWAYS (ours,ours-nocache,hive,stock), BENCH_WARMUP_QUERIES (100),
// BENCH_POLL_MS (10), BENCH_SCALE (small), BENCH_LABEL, BENCH_GATEWAY_LOG, DATABASE_URL, `--reseed`.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { signIdentity } from '@cmgraph/platform';
import { SCALES, type Scale } from '@cmgraph/seedkit';
import { signDevToken } from '@cmgraph/devstack/src/dev-token';
import { SUBGRAPH_NAMES } from '@cmgraph/devstack/src/subgraphs';
import { ServiceExitedError, type Service } from '@cmgraph/devstack/src/processes';
import { REPO_ROOT } from '@cmgraph/devstack/src/topology';
import type { BenchDatabase } from './lib/postgres';
import { writeResult } from './lib/results';
import { runBenchmark } from './lib/run';
import { Stack } from './lib/stack';
import { operationMix, type Operation } from './lib/operations';
import { postGraphql } from './lib/http';
import { peakRssMb, rssMb } from './lib/proc';
import { machine, percentile, round } from './lib/machine';

const scale = (process.env.BENCH_SCALE ?? 'small') as Scale;
if (!(scale in SCALES)) throw new Error(`BENCH_SCALE must be one of ${Object.keys(SCALES).join(', ')}`);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const warmupQueries = Number(process.env.BENCH_WARMUP_QUERIES ?? 100);
const pollMs = Number(process.env.BENCH_POLL_MS ?? 10);
const BASE_PORT = 4990; // subgraphs 4991–4996, gateways 4997–4999 and 4989 (other benches: export 4900–4902, gateway 4911–4924, subscriptions 4940–4945, telemetry 4950, scorecard 4961–4971, statements 4976–4985)
const TIMEOUT_MS = 120_000;

const stack = new Stack({ label: 'bench:startup', gatewayLog: process.env.BENCH_GATEWAY_LOG });
let database: BenchDatabase | undefined;

interface Candidate {
  name: string;
  description: string;
  port: number;
  /** Path of its health endpoint, or null when it has none. */
  health: string | null;
  spawn(): Service;
  headers(): Record<string, string>;
}

function candidates(supergraphPath: string, env: Record<string, string>): Candidate[] {
  const token = signDevToken({ sub: 'bench-analyst', roles: ['ANALYST'] }, stack.secrets.jwtSecret, 8 * 3600);
  const bearer = () => ({ authorization: `Bearer ${token}` });
  // signed per request: the subgraphs accept an identity for 60 s
  const forwarded = () => ({
    'x-cmgraph-identity': signIdentity({ subject: 'bench-analyst', roles: ['ANALYST'], supplierId: null }, stack.secrets.identitySecret),
  });
  const gateway = path.join('gateway', 'src', 'main.ts');
  const all: Candidate[] = [
    {
      name: 'ours',
      description: 'gateway/src/main.ts as npm start runs it, default settings (response cache on)',
      port: BASE_PORT + 7,
      health: '/health',
      spawn: () => stack.start('ours', gateway, { ...env, SUPERGRAPH_PATH: supergraphPath, PORT: String(BASE_PORT + 7) }),
      headers: bearer,
    },
    {
      name: 'ours-nocache',
      description: 'the same with its response cache off (GATEWAY_RESPONSE_CACHE=0)',
      port: BASE_PORT - 1,
      health: '/health',
      spawn: () => stack.start('ours-nocache', gateway, { ...env, SUPERGRAPH_PATH: supergraphPath, PORT: String(BASE_PORT - 1), GATEWAY_RESPONSE_CACHE: '0' }),
      headers: bearer,
    },
    {
      name: 'hive',
      description: '@graphql-hive/gateway runtime on node:http, default settings (bench/lib/hive-gateway.ts)',
      port: BASE_PORT + 8,
      health: '/healthcheck',
      spawn: () => stack.start('hive', path.join('bench', 'lib', 'hive-gateway.ts'), { ...env, SUPERGRAPH_PATH: supergraphPath, PORT: String(BASE_PORT + 8) }),
      headers: forwarded,
    },
    {
      name: 'stock',
      description: '@apollo/gateway + @apollo/server standalone, default settings (bench/lib/stock-gateway.ts); no health route',
      port: BASE_PORT + 9,
      health: null,
      spawn: () => stack.start('stock', path.join('bench', 'lib', 'stock-gateway.ts'), { ...env, SUPERGRAPH_PATH: supergraphPath, PORT: String(BASE_PORT + 9) }),
      headers: forwarded,
    },
  ];
  const wanted = (process.env.BENCH_GATEWAYS ?? 'ours,ours-nocache,hive,stock').split(',').map((s) => s.trim());
  for (const name of wanted) if (!all.some((c) => c.name === name)) throw new Error(`BENCH_GATEWAYS: unknown gateway "${name}"`);
  return all.filter((c) => wanted.includes(c.name));
}

/** Polls until `attempt` returns true; the time is taken by the caller. Fails if the process exits first. */
async function poll(service: Service, what: string, attempt: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  let gone = false;
  void service.exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new ServiceExitedError(service, await service.exited);
    try {
      if (await attempt()) return;
    } catch {
      // not listening yet (connection refused): poll again
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  process.stderr.write(`${service.recentOutput().slice(-20).join('\n')}\n`);
  throw new Error(`${service.name}: no ${what} within ${TIMEOUT_MS / 1000} s`);
}

const answeredWithData = (answer: { status: number; json: unknown }) => {
  const json = answer.json as { data?: unknown; errors?: unknown[] } | undefined;
  return answer.status === 200 && !!json?.data && !json.errors;
};

interface Run {
  run: number;
  /** From spawn to the first 200 of the health endpoint (null: it has none). */
  healthMs: number | null;
  /** From spawn to the first answer of the one-subgraph query with data and no error. */
  firstAnswerMs: number;
  rssAtFirstAnswerMb: number;
  warmupMs: number;
  rssAfterWarmupMb: number;
  peakRssMb: number;
}

async function startOnce(candidate: Candidate, operations: Operation[], run: number): Promise<Run> {
  await stack.assertPortFree(candidate.port);
  const url = `http://127.0.0.1:${candidate.port}`;
  const first = operations.find((op) => op.name === 'small')!;
  const started = performance.now();
  const service = candidate.spawn();
  try {
    const pid = service.child.pid!;
    let healthMs: number | null = null;
    if (candidate.health) {
      await poll(service, candidate.health, async () => {
        const response = await fetch(`${url}${candidate.health}`);
        await response.body?.cancel();
        return response.status === 200;
      });
      healthMs = performance.now() - started;
    }
    await poll(service, 'GraphQL answer', async () => answeredWithData(await postGraphql(`${url}/graphql`, first.body, candidate.headers())));
    const firstAnswerMs = performance.now() - started;
    const rssAtFirstAnswerMb = rssMb(pid);

    const warmStarted = performance.now();
    for (let i = 0; i < warmupQueries; i++) {
      const op = operations[i % operations.length]!;
      const answer = await postGraphql(`${url}/graphql`, op.body, candidate.headers());
      if (!answeredWithData(answer)) throw new Error(`${candidate.name} answered ${op.name} with HTTP ${answer.status}: ${answer.text.slice(0, 400)}`);
    }
    const warmupMs = performance.now() - warmStarted;
    const result: Run = {
      run,
      healthMs: healthMs === null ? null : round(healthMs),
      firstAnswerMs: round(firstAnswerMs),
      rssAtFirstAnswerMb: round(rssAtFirstAnswerMb),
      warmupMs: round(warmupMs),
      rssAfterWarmupMb: round(rssMb(pid)),
      peakRssMb: round(peakRssMb(pid)),
    };
    return result;
  } finally {
    await service.stop();
  }
}

/**
 * The floor every gateway above stands on: a node process with @swc-node/register loaded and nothing else.
 * Time from spawn to its first output line, and its RSS then (median of `runs`).
 */
async function runtimeFloor(): Promise<{ readyMs: number; rssMb: number }> {
  const samples: { readyMs: number; rssMb: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', '-e', 'process.stdout.write("up\\n"); setInterval(() => {}, 1000)'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout!.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`the floor process exited with ${code}`)));
      });
      samples.push({ readyMs: performance.now() - started, rssMb: rssMb(child.pid!) });
    } finally {
      child.kill('SIGKILL');
    }
  }
  return {
    readyMs: round(percentile(samples.map((s) => s.readyMs), 50)),
    rssMb: round(percentile(samples.map((s) => s.rssMb), 50)),
  };
}

function medians(rows: Run[]) {
  const median = (values: (number | null)[]) => {
    const present = values.filter((v): v is number => v !== null);
    return present.length ? round(percentile(present, 50)) : null;
  };
  return {
    healthMs: median(rows.map((r) => r.healthMs)),
    firstAnswerMs: median(rows.map((r) => r.firstAnswerMs)),
    rssAtFirstAnswerMb: median(rows.map((r) => r.rssAtFirstAnswerMb)),
    rssAfterWarmupMb: median(rows.map((r) => r.rssAfterWarmupMb)),
    peakRssMb: median(rows.map((r) => r.peakRssMb)),
    warmupMs: median(rows.map((r) => r.warmupMs)),
  };
}

function table(results: Record<string, { median: ReturnType<typeof medians> }>): string {
  const lines = [
    `| gateway | to /health ms | to first GraphQL answer ms | RSS then MB | RSS after ${warmupQueries} queries MB | peak RSS MB | ${warmupQueries} queries ms |`,
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const [name, { median: m }] of Object.entries(results)) {
    lines.push(`| ${name} | ${m.healthMs ?? '–'} | ${m.firstAnswerMs} | ${m.rssAtFirstAnswerMb} | ${m.rssAfterWarmupMb} | ${m.peakRssMb} | ${m.warmupMs} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = os.loadavg().map((l) => round(l, 2));
  const world = await stack.startWorld(scale, SUBGRAPH_NAMES, BASE_PORT);
  database = world.database;
  const { urls, supergraphPath, env } = world;
  const list = candidates(supergraphPath, env);

  // the mix's anchors (the world's first supplier), asked of the first subgraph directly: no gateway runs yet
  const identity = signIdentity({ subject: 'bench-analyst', roles: ['ANALYST'], supplierId: null }, stack.secrets.identitySecret);
  const first = await postGraphql(urls.suppliers!, JSON.stringify({ query: '{ suppliers(first: 1) { nodes { id code } } }' }), { 'x-cmgraph-identity': identity });
  const supplier = (first.json as { data?: { suppliers?: { nodes?: { id: string; code: string }[] } } })?.data?.suppliers?.nodes?.[0];
  if (!supplier) throw new Error(`no supplier in the ${scale} world: ${first.text.slice(0, 300)}`);
  const operations = operationMix({ supplierId: supplier.id, supplierCode: supplier.code, from: '2026-01-01', to: '2026-10-31' });

  const rows: Record<string, Run[]> = Object.fromEntries(list.map((c) => [c.name, []]));
  for (let run = 1; run <= runs; run++) {
    for (const candidate of list) {
      const r = await startOnce(candidate, operations, run);
      rows[candidate.name]!.push(r);
      stack.say(
        `run ${run} ${candidate.name}: health ${r.healthMs ?? '–'} ms, first answer ${r.firstAnswerMs} ms, RSS ${r.rssAtFirstAnswerMb} MB, ` +
          `after ${warmupQueries} queries ${r.rssAfterWarmupMb} MB (peak ${r.peakRssMb} MB, ${r.warmupMs} ms)`,
      );
    }
  }
  const floor = await runtimeFloor();
  stack.say(`floor (node + @swc-node/register, empty script): up in ${floor.readyMs} ms, RSS ${floor.rssMb} MB`);
  const results = Object.fromEntries(list.map((c) => [c.name, { description: c.description, health: c.health, median: medians(rows[c.name]!), runs: rows[c.name]! }]));
  const markdown = `${table(results)}\n\nFloor (node ${process.version} with @swc-node/register and an empty script): ${floor.readyMs} ms to its first output, RSS ${floor.rssMb} MB.`;
  const summary = {
    benchmark: 'gateway start-up: time from spawn to health and to the first GraphQL answer, RSS then and after a warm-up',
    command: `${process.env.DATABASE_URL ? 'DATABASE_URL=… ' : ''}npm run bench:startup`,
    scale,
    runs,
    order: 'runs alternate between the gateways (A B C A B C …); medians over the runs',
    pollMs,
    warmupQueries,
    warmup: `the comparison mix one query at a time, in turn: ${operations.map((op) => op.name).join(', ')}`,
    firstAnswer: 'the mix\'s one-subgraph query (`small`): 200 with data and no error',
    results,
    floor: { description: 'node with @swc-node/register and an empty script: time to its first output line, RSS then (median)', ...floor },
    machine: machine('the six subgraphs, PostgreSQL, the gateway and the client (this process) share the machine'),
    machineLoadAverage: { before: loadBefore, after: os.loadavg().map((l) => round(l, 2)) },
    measuredAt: new Date().toISOString(),
    wallSeconds: Math.round((Date.now() - started) / 1000),
  };
  process.stdout.write(`\n${markdown}\n`);
  writeResult('startup', { ...summary, table: markdown }, [scale === 'small' ? '' : scale]);
}

runBenchmark('bench:startup', main, async () => {
  await stack.stopAll();
  await database?.stop();
});
