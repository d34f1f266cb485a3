// `npm run bench:telemetry`: how many machine readings per second the production subgraph stores with its
// alert rules on. The subgraph runs as its own process (as `npm start` runs it) on a kept database with
// the `small` world's lines, machines and metric limits; this process is the load generator: N senders
// post `ingestTelemetry` batches straight to the subgraph over HTTP (keep-alive), each request with a
// freshly signed PLANNER identity, as the gateway would send it. About 1 % of the readings are over their
// machine's limit, so every batch raises or repeats MACHINE_HEALTH alerts with their outbox events.
//
// Per run (batch size × senders): the readings table is emptied, a warm-up, then a measured window;
// readings/s counts the readings of requests answered inside the window. CPU over the window is read from
// /proc: the subgraph process, the PostgreSQL backends serving its databases, every PostgreSQL process on
// the machine, this process, and the whole machine; and per stored reading, which stays meaningful when
// other work shares the cores (readings/s does not), turned into a projection for an idle machine.
// After each run the bench checks in PostgreSQL that every accepted reading is stored and that the
// MACHINE_HEALTH alerts counted exactly the readings over a limit (sum of occurrences). Prints the result
// and writes bench/results/telemetry.json.
//
// Options: BENCH_BATCH_SIZES (default 500,1000,5000), BENCH_SENDERS (concurrent senders, default 4; a
// list runs each), BENCH_SECONDS (measured window, default 20), BENCH_WARMUP_SECONDS (default 3),
// BENCH_OVER_LIMIT (share of readings over a limit, default 0.01), BENCH_SUBGRAPH_NODE_OPTIONS (Node
// options of the subgraph process alone, e.g. `--cpu-prof --cpu-prof-dir=bench/out`), BENCH_LABEL
// (suffix of the result file), BENCH_PORT (of the subgraph, default 4950), BENCH_SUBGRAPH_SCRIPT
// (another entry point of the subgraph, e.g. an older version's copy, to compare), BENCH_DATABASE_PREFIX
// (default cmgraph_bench_telemetry: a world of its own, as the bench empties and fills its readings),
// DATABASE_URL (else the embedded PostgreSQL of bench/lib/postgres.ts), `--reseed` (production's part of
// the world is written once and reused while complete, bench/lib/world.ts).
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Client } from 'pg';
import { IDENTITY_HEADER, signIdentity, type Identity } from '@cmgraph/platform';
import type { Service } from '@cmgraph/devstack/src/processes';
import { machine, percentile, round } from './lib/machine';
import { ownBenchDatabase, withSubgraphDb, type BenchDatabase } from './lib/postgres';
import { cpuSeconds, cpuSecondsIfRunning, machineCpuSeconds, processesNamed } from './lib/proc';
import { writeResult } from './lib/results';
import { runBenchmark } from './lib/run';
import { Stack } from './lib/stack';
import { seedWorld } from './lib/world';

const PORT = Number(process.env.BENCH_PORT ?? 4950);
const list = (value: string | undefined, fallback: number[]) => (value ? value.split(',').map(Number) : fallback);
const BATCH_SIZES = list(process.env.BENCH_BATCH_SIZES, [500, 1_000, 5_000]);
const SENDERS = list(process.env.BENCH_SENDERS, [4]);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const OVER_LIMIT = Number(process.env.BENCH_OVER_LIMIT ?? 0.01);
const SUBGRAPH_NODE_OPTIONS = process.env.BENCH_SUBGRAPH_NODE_OPTIONS ?? '';
/** Distinct request bodies per batch size, sent in turn (so breaches fall on different machines). */
const BODIES = 8;
const IDENTITY: Identity = { subject: 'bench-telemetry', roles: ['PLANNER'], supplierId: null };
const INGEST = 'mutation($readings: [TelemetryReadingInput!]!) { ingestTelemetry(readings: $readings) { accepted alerts { id occurrences } } }';

// the subgraph's warnings too (an alert rule that could not run shows there), and anything not JSON (a crash)
const stack = new Stack({
  label: 'bench:telemetry',
  logLevel: 'warn',
  show: (_service, line) => /"level":[456]0/.test(line) || !line.startsWith('{'),
});
let database: BenchDatabase | undefined;
let service: Service | undefined;

interface Limit {
  machineId: string;
  metric: string;
  unit: string;
  max: number;
}

interface Body {
  json: string;
  readings: number;
  overLimit: number;
}

/** Deterministic pseudo-random numbers (the bodies are the same from run to run). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A batch: temperature and vibration (both with limits) and power (no limit) of random machines, a few
 * temperatures in degF (converted before comparing); exactly round(size × OVER_LIMIT) readings over.
 */
function makeBody(size: number, limits: Limit[], machineIds: string[], seed: number): Body {
  const random = generator(seed);
  const over = Math.round(size * OVER_LIMIT);
  const overAt = new Set<number>();
  while (overAt.size < over) overAt.add(Math.floor(random() * size));
  const start = Date.parse('2026-11-01T00:00:00Z') + seed * 3_600_000;
  const readings = Array.from({ length: size }, (_, i) => {
    const recordedAt = new Date(start + i * 100).toISOString();
    if (overAt.has(i)) {
      const limit = limits[Math.floor(random() * limits.length)]!;
      // 1 % to 40 % over: some WARNING, some CRITICAL
      return { machineId: limit.machineId, metric: limit.metric, value: round(limit.max * (1.01 + random() * 0.39), 3), unit: limit.unit, recordedAt };
    }
    const machineId = machineIds[Math.floor(random() * machineIds.length)]!;
    const pick = random();
    if (pick < 0.4) {
      const celsius = 50 + random() * 25;
      return random() < 0.05
        ? { machineId, metric: 'temperature', value: round((celsius * 9) / 5 + 32, 3), unit: 'degF', recordedAt }
        : { machineId, metric: 'temperature', value: round(celsius, 3), unit: 'degC', recordedAt };
    }
    if (pick < 0.8) return { machineId, metric: 'vibration', value: round(1.5 + random() * 5, 3), unit: 'mm/s', recordedAt };
    return { machineId, metric: 'power', value: round(5 + random() * 40, 3), unit: 'kW', recordedAt };
  });
  return { json: JSON.stringify({ query: INGEST, variables: { readings } }), readings: size, overLimit: over };
}

/**
 * CPU of a set of processes over a window: each one's last reading minus its first (0 for one that
 * appeared inside the window: all its CPU counts). Sampled every second so that short-lived ones count.
 */
class CpuWindow {
  private first = new Map<number, number>();
  private last = new Map<number, number>();
  constructor(private readonly pids: () => Promise<number[]> | number[]) {}
  async sample(initial = false): Promise<void> {
    for (const pid of await this.pids()) {
      const seconds = cpuSecondsIfRunning(pid);
      if (seconds === null) continue;
      if (!this.first.has(pid)) this.first.set(pid, initial ? seconds : 0);
      this.last.set(pid, seconds);
    }
  }
  seconds(): number {
    let sum = 0;
    for (const [pid, last] of this.last) sum += last - this.first.get(pid)!;
    return sum;
  }
}

interface Run {
  batchSize: number;
  senders: number;
  seconds: number;
  requests: number;
  readings: number;
  readingsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  cpuCores: { subgraph: number; postgresBackends: number; postgresBusBackends: number; postgresAll: number; loadGenerator: number; machineBusy: number };
  /** CPU time per stored reading, whatever else the machine ran meanwhile. */
  cpuMicrosPerReading: { subgraph: number; postgresBackends: number; loadGenerator: number };
  /**
   * A projection, not a measurement: readings/s if the subgraph, its PostgreSQL backends and the load
   * generator had every core of the machine to themselves at that CPU cost per reading.
   */
  projectedReadingsPerSecondOnIdleMachine: number;
  checks: { readingsAccepted: number; readingsStored: number; overLimitSent: number; alertOccurrencesAdded: number; ok: boolean };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1', port: PORT, path: '/graphql', method: 'POST', agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          [IDENTITY_HEADER]: signIdentity(IDENTITY, stack.secrets.identitySecret),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function alertOccurrences(db: Client): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT coalesce(sum(occurrences), 0)::int AS n FROM alert WHERE category = 'MACHINE_HEALTH'");
  return rows[0]!.n;
}

async function measure(db: Client, databases: string[], bodies: Body[], senders: number): Promise<Run> {
  await db.query('TRUNCATE telemetry_reading');
  await db.query('CHECKPOINT').catch(() => undefined); // not every role may; it only evens out runs
  const occurrencesBefore = await alertOccurrences(db);
  const subgraphPid = service!.child.pid!;
  const backendsOf = (names: string[]) => new CpuWindow(async () => {
    const { rows } = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = ANY($1) AND pid <> pg_backend_pid()', [names]);
    return rows.map((r) => r.pid);
  });
  const backends = backendsOf(databases);
  // the part of it that serves the event bus (the relay's appends, consumers' reads)
  const busBackends = backendsOf(databases.filter((name) => name.endsWith('_bus')));
  const everyPostgres = new CpuWindow(() => processesNamed('postgres'));

  let next = 0;
  let accepted = 0;
  let overLimitSent = 0;
  let windowReadings = 0;
  let windowRequests = 0;
  const latencies: number[] = [];
  let phase: 'warmup' | 'measured' | 'done' = 'warmup';
  const failures: string[] = [];
  const sender = async () => {
    while (phase !== 'done' && !failures.length) {
      const body = bodies[next++ % bodies.length]!;
      const started = performance.now();
      const startedIn = phase;
      const { status, text } = await post(body.json);
      const answer = JSON.parse(text) as { data?: { ingestTelemetry?: { accepted: number } }; errors?: unknown[] };
      if (status !== 200 || answer.errors || answer.data?.ingestTelemetry?.accepted !== body.readings) {
        failures.push(`HTTP ${status}: ${text.slice(0, 500)}`);
        break;
      }
      accepted += body.readings;
      overLimitSent += body.overLimit;
      if (startedIn === 'measured' && phase === 'measured') {
        windowReadings += body.readings;
        windowRequests++;
        latencies.push(performance.now() - started);
      }
    }
  };
  const running = Array.from({ length: senders }, sender);
  await new Promise((resolve) => setTimeout(resolve, WARMUP_SECONDS * 1000));

  await backends.sample(true);
  await busBackends.sample(true);
  await everyPostgres.sample(true);
  const subgraphStart = cpuSeconds(subgraphPid);
  const selfStart = process.cpuUsage();
  const machineStart = machineCpuSeconds();
  const started = performance.now();
  phase = 'measured';
  const sampler = setInterval(() => void backends.sample().then(() => busBackends.sample()).then(() => everyPostgres.sample()), 1000);
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  phase = 'done';
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await backends.sample();
  await busBackends.sample();
  await everyPostgres.sample();
  const subgraphCpu = cpuSeconds(subgraphPid) - subgraphStart;
  const self = process.cpuUsage(selfStart);
  const machineEnd = machineCpuSeconds();
  await Promise.all(running);
  if (failures.length) throw new Error(`a batch failed: ${failures[0]}`);

  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM telemetry_reading');
  const occurrencesAdded = (await alertOccurrences(db)) - occurrencesBefore;
  const cores = (cpu: number) => round(cpu / seconds, 2);
  const micros = (cpu: number) => round((cpu / windowReadings) * 1e6);
  const loadGeneratorCpu = (self.user + self.system) / 1e6;
  return {
    batchSize: bodies[0]!.readings,
    senders,
    seconds: round(seconds),
    requests: windowRequests,
    readings: windowReadings,
    readingsPerSecond: Math.round(windowReadings / seconds),
    latencyMs: { p50: round(percentile(latencies, 50), 0), p99: round(percentile(latencies, 99), 0), max: round(percentile(latencies, 100), 0) },
    cpuCores: {
      subgraph: cores(subgraphCpu),
      postgresBackends: cores(backends.seconds()),
      postgresBusBackends: cores(busBackends.seconds()),
      postgresAll: cores(everyPostgres.seconds()),
      loadGenerator: cores(loadGeneratorCpu),
      machineBusy: cores(machineEnd.busy - machineStart.busy),
    },
    cpuMicrosPerReading: { subgraph: micros(subgraphCpu), postgresBackends: micros(backends.seconds()), loadGenerator: micros(loadGeneratorCpu) },
    projectedReadingsPerSecondOnIdleMachine: Math.round((os.cpus().length * windowReadings) / (subgraphCpu + backends.seconds() + loadGeneratorCpu)),
    checks: {
      readingsAccepted: accepted, readingsStored: rows[0]!.n, overLimitSent, alertOccurrencesAdded: occurrencesAdded,
      ok: rows[0]!.n === accepted && occurrencesAdded === overLimitSent,
    },
  };
}

async function main(): Promise<void> {
  database = await ownBenchDatabase('cmgraph_bench_telemetry');
  const target = database.target;
  // another subgraph on the port (another run of this bench) would answer for ours, with another secret
  await stack.assertPortFree(PORT);
  await seedWorld(target, ['production'], { scale: 'small', reseed: process.argv.includes('--reseed'), say: (m) => stack.say(m) });
  service = stack.start('production', process.env.BENCH_SUBGRAPH_SCRIPT ?? path.join('subgraphs', 'production', 'src', 'main.ts'), {
    ...stack.commonEnv(target, {}),
    PORT: String(PORT),
    ...(SUBGRAPH_NODE_OPTIONS ? { NODE_OPTIONS: SUBGRAPH_NODE_OPTIONS } : {}),
  });
  await stack.ready(`http://127.0.0.1:${PORT}/ready`, service);

  await withSubgraphDb(target, 'production', async (db) => {
    const { rows: limits } = await db.query<Limit>('SELECT machine_id AS "machineId", metric, unit, max FROM machine_metric_limit ORDER BY machine_id, metric');
    const { rows: machines } = await db.query<{ id: string }>('SELECT id FROM machine ORDER BY id');
    const machineIds = machines.map((m) => m.id);
    stack.say(`${machineIds.length} machines, ${limits.length} metric limits; ${SECONDS} s per run after ${WARMUP_SECONDS} s of warm-up, ${OVER_LIMIT * 100} % of readings over a limit`);
    const databases = [`${target.prefix}_production`, `${target.prefix}_bus`];
    const runs: Run[] = [];
    for (const batchSize of BATCH_SIZES) {
      const bodies = Array.from({ length: BODIES }, (_, i) => makeBody(batchSize, limits, machineIds, batchSize + i));
      for (const senders of SENDERS) {
        const run = await measure(db, databases, bodies, senders);
        runs.push(run);
        stack.say(`batch ${batchSize} × ${senders} senders: ${run.readingsPerSecond.toLocaleString('en')} readings/s, p50 ${run.latencyMs.p50} ms, `
          + `CPU subgraph ${run.cpuCores.subgraph} / PostgreSQL ${run.cpuCores.postgresBackends} (all ${run.cpuCores.postgresAll}) / machine ${run.cpuCores.machineBusy} cores, `
          + `µs per reading subgraph ${run.cpuMicrosPerReading.subgraph} / PostgreSQL ${run.cpuMicrosPerReading.postgresBackends}; checks ${run.checks.ok ? 'ok' : 'FAILED'}`);
        if (!run.checks.ok) throw new Error(`checks failed: ${JSON.stringify(run.checks)}`);
      }
    }
    const { rows: version } = await db.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    const summary = {
      benchmark: 'ingestTelemetry batches posted straight to the production subgraph (signed PLANNER identity), alert rules on',
      target: 50_000,
      best: Math.max(...runs.map((r) => r.readingsPerSecond)),
      overLimitShare: OVER_LIMIT,
      machines: machineIds.length,
      metricLimits: limits.length,
      warmupSeconds: WARMUP_SECONDS,
      subgraphNodeOptions: SUBGRAPH_NODE_OPTIONS || null,
      runs,
      machine: {
        ...machine('the subgraph, PostgreSQL and the load generator (this process) share the machine; cpuCores.machineBusy shows what else ran'),
        postgres: version[0]!.v,
      },
      measuredAt: new Date().toISOString(),
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    writeResult('telemetry', summary);
  });
}

runBenchmark('bench:telemetry', main, async () => {
  agent.destroy();
  await stack.stopAll(15_000); // a --cpu-prof subgraph writes its profile on the way out
  await database?.stop();
});
