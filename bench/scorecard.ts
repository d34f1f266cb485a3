// `npm run bench:scorecard`: how long the supplier scorecard takes through the gateway on the `large`
// world — schema/operations/reports.graphql ReportSupplierScorecard, one page of scorecards for one period
// with every contribution (delivery from orders, quality, certification from suppliers, carbon and
// renewables from sustainability, the weighted score). Target (issue 6): p50 < 1 s.
//
// The four contributing subgraphs run as their own processes on a kept, seeded world (bench/lib/world.ts:
// written once, reused while complete), the gateway in its own process as `npm start` runs it, with its
// response cache off when it has one (GATEWAY_RESPONSE_CACHE=0), so that every run computes the
// scorecard. After a warm-up, the same request is sent BENCH_RUNS times one after the other, each timed
// from request to the answer's last byte; every answer must be 200, error-free and hold the expected rows.
//
// Then a breakdown: a second gateway process whose subgraph URLs point at pass-through timing proxies
// (bench/lib/timing-proxy.ts) serves BENCH_BREAKDOWN_RUNS more requests, and each subgraph fetch of the
// plan (root query or `_entities`, with its representation count) is timed: which contributor costs what.
// Prints the result and writes bench/results/scorecard.json.
//
// Options: BENCH_SCALE (default large), BENCH_PERIOD (default 2026-Q3), BENCH_PAGE_SIZE (default 500, the
// egress page: every supplier of `large` in one page), BENCH_RUNS (25), BENCH_WARMUP_RUNS (3),
// BENCH_BREAKDOWN_RUNS (5; 0 skips it), BENCH_LABEL, BENCH_GATEWAY_LOG, BENCH_DATABASE_PREFIX, DATABASE_URL
// (else the embedded PostgreSQL), `--reseed`.
import { SCALES, type Scale } from '@cmgraph/seedkit';
import { signDevToken } from '@cmgraph/devstack/src/dev-token';
import type { BenchDatabase } from './lib/postgres';
import { writeResult } from './lib/results';
import { runBenchmark } from './lib/run';
import { Stack } from './lib/stack';
import { committedDocument } from './lib/operations';
import { postGraphql } from './lib/http';
import { peakRssMb } from './lib/proc';
import { machine, percentile, round } from './lib/machine';
import { timingProxy, type SubgraphFetch, type TimingProxy } from './lib/timing-proxy';

/** The subgraphs the scorecard's query plan reaches. */
const CONTRIBUTORS = ['suppliers', 'orders', 'quality', 'sustainability'];
const scale = (process.env.BENCH_SCALE ?? 'large') as Scale;
if (!(scale in SCALES)) throw new Error(`BENCH_SCALE must be one of ${Object.keys(SCALES).join(', ')}`);
const period = process.env.BENCH_PERIOD ?? '2026-Q3';
const pageSize = Number(process.env.BENCH_PAGE_SIZE ?? 500);
const runs = Number(process.env.BENCH_RUNS ?? 25);
const warmupRuns = Number(process.env.BENCH_WARMUP_RUNS ?? 3);
const breakdownRuns = Number(process.env.BENCH_BREAKDOWN_RUNS ?? 5);
const BASE_PORT = 4960; // subgraphs 4961–4964, gateways 4970 and 4971 (other benches: export 4900–4903, gateway 4911–4923, subscriptions 4940–4945, telemetry 4950)
const TARGET_P50_MS = 1000;

const stack = new Stack({ label: 'bench:scorecard', gatewayLog: process.env.BENCH_GATEWAY_LOG });
let database: BenchDatabase | undefined;
const proxies: TimingProxy[] = [];

interface Timed {
  ms: number;
  rows: number;
}

async function timedScorecard(port: number, body: string, token: string, expectedRows: number | null): Promise<Timed> {
  const started = performance.now();
  const answer = await postGraphql(`http://127.0.0.1:${port}/graphql`, body, { authorization: `Bearer ${token}` });
  const ms = performance.now() - started;
  const json = answer.json as { data?: { supplierScorecards?: { edges?: unknown[] } }; errors?: unknown[] } | undefined;
  const rows = json?.data?.supplierScorecards?.edges?.length;
  if (answer.status !== 200 || json?.errors || rows === undefined) throw new Error(`scorecard answered HTTP ${answer.status}: ${answer.text.slice(0, 600)}`);
  if (expectedRows !== null && rows !== expectedRows) throw new Error(`scorecard answered ${rows} rows, expected ${expectedRows}`);
  return { ms, rows };
}

function stats(samples: number[]) {
  return {
    p50: round(percentile(samples, 50)),
    p90: round(percentile(samples, 90)),
    max: round(Math.max(...samples)),
    min: round(Math.min(...samples)),
    mean: round(samples.reduce((a, b) => a + b, 0) / samples.length),
  };
}

/** Per subgraph: its fetches of one scorecard request, summed, as the median over the breakdown runs. */
function breakdownOf(perRun: SubgraphFetch[][]) {
  const bySubgraph: Record<string, unknown> = {};
  for (const subgraph of CONTRIBUTORS) {
    const mine = perRun.map((fetches) => fetches.filter((f) => f.subgraph === subgraph));
    if (!mine.some((f) => f.length)) continue;
    const fetchCount = mine[0]!.length;
    bySubgraph[subgraph] = {
      fetchesPerRequest: fetchCount,
      // fetch i of each run (the plan issues them in the same order every time)
      fetches: Array.from({ length: fetchCount }, (_, i) => ({
        kind: mine[0]![i]!.kind,
        representations: mine[0]![i]!.representations,
        answerBytes: mine[0]![i]!.bytes,
        msMedian: round(percentile(mine.map((f) => f[i]?.ms ?? NaN).filter((ms) => !Number.isNaN(ms)), 50)),
      })),
      msPerRequestMedian: round(percentile(mine.map((f) => f.reduce((sum, x) => sum + x.ms, 0)), 50)),
    };
  }
  return bySubgraph;
}

async function main(): Promise<void> {
  const started = Date.now();
  const world = await stack.startWorld(scale, CONTRIBUTORS, BASE_PORT);
  database = world.database;
  const { urls, supergraphPath, env } = world;
  // every run computes the scorecard: a response cache (when the gateway has one) would answer repeats
  const gatewayEnv = { ...env, SUPERGRAPH_PATH: supergraphPath, GATEWAY_RESPONSE_CACHE: '0' };
  const gateway = await stack.startOurGateway('gateway', BASE_PORT + 10, gatewayEnv);

  const token = signDevToken({ sub: 'bench-analyst', roles: ['ANALYST'] }, stack.secrets.jwtSecret, 8 * 3600);
  const body = JSON.stringify({
    query: committedDocument('reports.graphql'),
    operationName: 'ReportSupplierScorecard',
    variables: { period, first: pageSize },
  });
  const suppliers = SCALES[scale].suppliers;
  const expectedRows = Math.min(pageSize, suppliers);
  stack.say(`supplier scorecard ${period}, page of ${pageSize} (${expectedRows} suppliers): ${warmupRuns} warm-up runs, then ${runs} timed`);
  const warm: number[] = [];
  for (let i = 0; i < warmupRuns; i++) warm.push((await timedScorecard(BASE_PORT + 10, body, token, expectedRows)).ms);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms } = await timedScorecard(BASE_PORT + 10, body, token, expectedRows);
    samples.push(ms);
    stack.say(`run ${i + 1}: ${ms.toFixed(0)} ms`);
  }
  const latency = stats(samples);

  let breakdown: Record<string, unknown> | null = null;
  let proxiedLatency: ReturnType<typeof stats> | null = null;
  if (breakdownRuns > 0) {
    const proxied: Record<string, string> = {};
    for (const name of CONTRIBUTORS) {
      const proxy = await timingProxy(name, urls[name]!);
      proxies.push(proxy);
      proxied[name] = proxy.url;
    }
    await stack.startOurGateway('gateway-proxied', BASE_PORT + 11, { ...gatewayEnv, SUBGRAPH_URLS: JSON.stringify(proxied) });
    await timedScorecard(BASE_PORT + 11, body, token, expectedRows); // its own warm-up
    const perRun: SubgraphFetch[][] = [];
    const total: number[] = [];
    for (let i = 0; i < breakdownRuns; i++) {
      for (const proxy of proxies) proxy.fetches.length = 0;
      total.push((await timedScorecard(BASE_PORT + 11, body, token, expectedRows)).ms);
      perRun.push(proxies.flatMap((p) => p.fetches));
    }
    proxiedLatency = stats(total);
    breakdown = breakdownOf(perRun);
  }

  const summary = {
    benchmark: 'supplier scorecard (schema/operations/reports.graphql ReportSupplierScorecard) through the gateway',
    command: `${process.env.DATABASE_URL ? 'DATABASE_URL=… ' : ''}${process.env.BENCH_PERIOD ? `BENCH_PERIOD=${period} ` : ''}npm run bench:scorecard`,
    scale,
    period,
    pageSize,
    rows: expectedRows,
    runs,
    warmupRuns,
    warmupMs: warm.map((ms) => round(ms)),
    latencyMs: latency,
    targetP50Ms: TARGET_P50_MS,
    withinTarget: latency.p50 < TARGET_P50_MS,
    samplesMs: samples.map((ms) => round(ms)),
    gateway: {
      settings: 'gateway/src/main.ts as npm start runs it; response cache off (GATEWAY_RESPONSE_CACHE=0, when it exists)',
      peakRssMb: round(peakRssMb(gateway.child.pid!)),
    },
    breakdown: breakdown && {
      how: 'a second gateway process with pass-through timing proxies in front of each subgraph; ms from the request reaching the proxy to the subgraph\'s last byte, median over the runs',
      runs: breakdownRuns,
      endToEndMs: proxiedLatency,
      subgraphs: breakdown,
    },
    machine: machine('the four subgraphs, PostgreSQL, the gateway and the client (this process) share the machine'),
    measuredAt: new Date().toISOString(),
    wallSeconds: Math.round((Date.now() - started) / 1000),
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  writeResult('scorecard', summary, [scale === 'large' ? '' : scale]);
}

runBenchmark('bench:scorecard', main, async () => {
  await stack.stopAll();
  for (const proxy of proxies) await proxy.close();
  await database?.stop();
});
