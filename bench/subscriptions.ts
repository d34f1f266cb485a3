// `npm run bench:subscriptions`: subscription fan-out through the gateway. Starts suppliers, orders,
// inventory, quality and sustainability as their own processes on the `small` world (databases
// `<BENCH_DATABASE_PREFIX>_*`, default `cmgraph_bench_subs`: a world of its own, as the bench adds events
// to it; on DATABASE_URL or on the embedded PostgreSQL of bench/lib/postgres.ts; written once and reused
// while complete, bench/lib/world.ts, `--reseed` writes it again), then for each subscriber count
// (BENCH_SUBSCRIBERS, default "1000,5000") a fresh gateway process and that many real graphql-ws clients,
// one socket each, spread over BENCH_CLIENT_WORKERS (default 2) client processes. Subscribers cycle through
// six (selection, scope) groups: an ADMIN with the portal's trusted `ShipmentUpdates` document (fields from
// suppliers, inventory, quality and sustainability), the same ADMIN with a light document (supplier name
// only), and four partners (one CM each) with `ShipmentUpdates`, which the orders subgraph filters to their
// own shipments. Events are shipment milestones posted to the orders subgraph at BENCH_EVENTS_PER_SECOND
// (default 4) for BENCH_SECONDS (default 30), round-robin over one in-transit shipment of each partner.
//
// Measured per run: delivery delay (receipt in the client − the event's `occurredAt`, stamped by the orders
// subgraph in the transaction that records it) p50/p90/p99/max over every delivery; missing, duplicate and
// foreign (not entitled) deliveries, which must be 0; deliveries per second; the gateway's CPU time and
// peak RSS; and `_entities` calls the gateway made per event to each entity subgraph, counted by pass-
// through proxies in this process (the resolution work: one per group entitled to the event, whatever the
// subscriber count). Writes bench/results/subscriptions.json.
//
// Other knobs: BENCH_GATEWAY_NODE_OPTIONS (Node options of the gateway process alone, e.g.
// `--cpu-prof --cpu-prof-dir=/tmp/prof`), BENCH_LABEL (suffix of the result file).
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { IDENTITY_HEADER, signIdentity, type DatabaseTarget, type Identity } from '@cmgraph/platform';
import { composeSupergraph } from '@cmgraph/devstack/src/compose/compose';
import { signDevToken } from '@cmgraph/devstack/src/dev-token';
import { loadSubgraphs } from '@cmgraph/devstack/src/subgraphs';
import { REPO_ROOT } from '@cmgraph/devstack/src/topology';
import { machine, percentile, round } from './lib/machine';
import { ownBenchDatabase, withSubgraphDb, type BenchDatabase } from './lib/postgres';
import { cpuSeconds, rssMb } from './lib/proc';
import { writeResult } from './lib/results';
import { runBenchmark } from './lib/run';
import { Stack } from './lib/stack';
import { seedWorld } from './lib/world';

const SUBGRAPHS = ['suppliers', 'orders', 'inventory', 'quality', 'sustainability'] as const;
/** The subgraphs the gateway reaches for an event's federated fields (each behind a counting proxy). */
const ENTITY_SUBGRAPHS = ['suppliers', 'inventory', 'quality', 'sustainability'] as const;
const GATEWAY_PORT = 4940; // the subgraphs on the next ports, in the order of SUBGRAPHS (4941–4945)
const PARTNERS = 4;
const P99_TARGET_MS = 250;

// the portal's trusted document, as partners must send it; the light one is an ADMIN's own
const PORTAL_DOCUMENT = readFileSync(path.join(REPO_ROOT, 'schema', 'operations', 'subscriptions.graphql'), 'utf8').split('subscription AlertFeed')[0]!;
const LIGHT_DOCUMENT = 'subscription Light { shipmentUpdated { eventId occurredAt shipment { number supplier { name } } } }';
const MILESTONE = 'mutation Milestone($input: RecordShipmentMilestoneInput!) { recordShipmentMilestone(input: $input) { id } }';

/** What a client process is told to open: one subscriber = one socket with one subscription. */
interface SubscriberSpec {
  index: number;
  token: string;
  query: string;
}

type ToWorker =
  | { kind: 'open'; url: string; subscribers: SubscriberSpec[] }
  | { kind: 'count'; measured?: string[] }
  | { kind: 'report' }
  | { kind: 'close' };

type FromWorker =
  | { kind: 'opened'; failed: number }
  | { kind: 'count'; messages: number; withEvents: number; errors: number; ended: number; measured: number }
  | { kind: 'report'; subscribers: { index: number; events: [string, number][] }[]; errors: string[]; ended: number };

// ————————————————————————————————— client process —————————————————————————————————

/**
 * A client process: real graphql-ws clients over `ws`, one socket each. For every message it keeps the
 * event id and the delay from the event's `occurredAt` to now (the moment graphql-ws hands it over).
 */
function clientProcess(): void {
  const clients: Client[] = [];
  const received = new Map<number, [string, number][]>();
  const errors: string[] = [];
  let messages = 0;
  let errorCount = 0;
  let ended = 0;
  const now = () => performance.timeOrigin + performance.now();
  const send = (message: FromWorker) => process.send!(message);

  const open = async (url: string, subscribers: SubscriberSpec[]) => {
    let failed = 0;
    // in batches: 5,000 handshakes (each verifying a JWT) at once would only queue in the gateway
    for (let start = 0; start < subscribers.length; start += 100) {
      await Promise.all(
        subscribers.slice(start, start + 100).map(
          (spec) =>
            new Promise<void>((resolve) => {
              const events: [string, number][] = [];
              received.set(spec.index, events);
              const client = createClient({
                url,
                webSocketImpl: WebSocket,
                connectionParams: { authorization: `Bearer ${spec.token}` },
                retryAttempts: 0,
                lazy: true,
                on: {
                  connected: () => resolve(),
                  closed: () => resolve(),
                  error: () => {
                    failed++;
                    resolve();
                  },
                },
              });
              clients.push(client);
              client.subscribe<{ shipmentUpdated: { eventId: string; occurredAt: string } }>(
                { query: spec.query },
                {
                  next: (message) => {
                    messages++;
                    const update = message.data?.shipmentUpdated;
                    if (message.errors?.length || !update) {
                      errorCount++;
                      if (errors.length < 20) errors.push(JSON.stringify(message.errors ?? message).slice(0, 300));
                      return;
                    }
                    events.push([update.eventId, now() - Date.parse(update.occurredAt)]);
                  },
                  error: (error) => {
                    ended++;
                    if (errors.length < 20) errors.push(`ended: ${JSON.stringify(error).slice(0, 300)}`);
                  },
                  complete: () => void ended++,
                },
              );
            }),
        ),
      );
    }
    send({ kind: 'opened', failed });
  };

  process.on('message', (message: ToWorker) => {
    if (message.kind === 'open') void open(message.url, message.subscribers);
    else if (message.kind === 'count') {
      let withEvents = 0;
      let measured = 0;
      const ids = message.measured ? new Set(message.measured) : undefined;
      for (const events of received.values()) {
        if (events.length) withEvents++;
        if (ids) for (const [eventId] of events) if (ids.has(eventId)) measured++;
      }
      send({ kind: 'count', messages, withEvents, errors: errorCount, ended, measured });
    } else if (message.kind === 'report') {
      send({ kind: 'report', subscribers: [...received].map(([index, events]) => ({ index, events })), errors, ended });
    } else if (message.kind === 'close') {
      void Promise.all(clients.map((client) => client.dispose())).finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
}

/** The bench's handle on a client process: request/answer over IPC, one at a time. */
class ClientWorker {
  private readonly child: ChildProcess;
  private waiting: ((message: FromWorker) => void) | undefined;

  constructor() {
    this.child = fork(__filename, ['--clients'], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message: FromWorker) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.(message);
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  ask<K extends FromWorker['kind']>(message: ToWorker, _expect: K): Promise<Extract<FromWorker, { kind: K }>> {
    return new Promise((resolve) => {
      this.waiting = resolve as (message: FromWorker) => void;
      this.child.send(message);
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ kind: 'close' } satisfies ToWorker);
    await exited;
  }
}

// ————————————————————————————————— bench process —————————————————————————————————

// warnings and errors only: per-request logging would be measured as the gateway's cost
const stack = new Stack({ label: 'bench:subscriptions', logLevel: 'warn' });
let database: BenchDatabase | undefined;

/** A pass-through HTTP proxy in front of one subgraph that counts the `_entities` requests it forwards. */
interface CountingProxy {
  url: string;
  entityCalls: number;
  close(): Promise<void>;
}

async function countingProxy(target: string): Promise<CountingProxy> {
  const agent = new http.Agent({ keepAlive: true });
  const targetUrl = new URL(target);
  const proxy: CountingProxy = { url: '', entityCalls: 0, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (body.includes('_entities')) proxy.entityCalls++;
      const headers = { ...req.headers, host: targetUrl.host, 'content-length': String(body.length) };
      const upstream = http.request(
        { host: targetUrl.hostname, port: targetUrl.port, path: req.url, method: req.method, headers, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
      agent.destroy();
    });
  return proxy;
}

/**
 * One subscriber straight at the orders subgraph (no gateway), as an ADMIN: the delay the subgraph's own
 * event path adds (commit → NOTIFY → outbox read → graphql-ws) under the same load, to set the
 * gateway's share of the delivery delay apart.
 */
function directSubscriber(context: Context): { received: Map<string, number>; close(): Promise<void> } {
  const received = new Map<string, number>();
  const identity: Identity = { subject: 'bench-direct', roles: ['ADMIN'], supplierId: null };
  const client = createClient({
    url: context.subgraphUrls.orders!.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: () => ({ identity: signIdentity(identity, context.common.IDENTITY_SECRET!) }),
    retryAttempts: 0,
    lazy: true,
  });
  client.subscribe<{ shipmentUpdated: { eventId: string; occurredAt: string } }>(
    { query: 'subscription { shipmentUpdated { eventId occurredAt } }' },
    {
      next: (message) => {
        const update = message.data?.shipmentUpdated;
        if (update) received.set(update.eventId, performance.timeOrigin + performance.now() - Date.parse(update.occurredAt));
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return { received, close: async () => void (await client.dispose()) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Group {
  name: string;
  /** The partner's supplier, or null for the ADMIN (entitled to every event). */
  supplierId: string | null;
  token: string;
  query: string;
}

interface Context {
  target: DatabaseTarget;
  common: Record<string, string>;
  jwtSecret: string;
  supergraphPath: string;
  subgraphUrls: Record<string, string>;
  /** One in-transit shipment per partner supplier. */
  shipments: { id: string; supplierId: string }[];
  groups: Group[];
}

/** Posts one milestone to the orders subgraph as an ADMIN (as the gateway would, with a signed identity). */
async function postMilestone(context: Context, shipmentId: string): Promise<void> {
  const identity: Identity = { subject: 'bench-producer', roles: ['ADMIN'], supplierId: null };
  const response = await fetch(context.subgraphUrls.orders!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signIdentity(identity, context.common.IDENTITY_SECRET!) },
    body: JSON.stringify({
      query: MILESTONE,
      variables: { input: { shipmentId, type: 'CUSTOMS_CLEARED', occurredAt: new Date().toISOString(), note: 'bench' } },
    }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors?.length) throw new Error(`milestone refused: ${JSON.stringify(body.errors).slice(0, 500)}`);
}

async function lastSeq(target: DatabaseTarget): Promise<string> {
  return withSubgraphDb(target, 'orders', async (db) => (await db.query<{ seq: string }>('SELECT coalesce(max(seq), 0)::text AS seq FROM outbox_event')).rows[0]!.seq);
}

async function countAll(workers: ClientWorker[], measured?: string[]) {
  const counts = await Promise.all(workers.map((w) => w.ask({ kind: 'count', measured }, 'count')));
  return counts.reduce(
    (sum, c) => ({
      messages: sum.messages + c.messages,
      withEvents: sum.withEvents + c.withEvents,
      errors: sum.errors + c.errors,
      ended: sum.ended + c.ended,
      measured: sum.measured + c.measured,
    }),
    { messages: 0, withEvents: 0, errors: 0, ended: 0, measured: 0 },
  );
}

async function run(context: Context, subscriberCount: number, eventsPerSecond: number, seconds: number, workerCount: number) {
  stack.say(`— ${subscriberCount.toLocaleString('en')} subscribers —`);
  const proxies = Object.fromEntries(
    await Promise.all(ENTITY_SUBGRAPHS.map(async (name) => [name, await countingProxy(context.subgraphUrls[name]!)] as const)),
  );
  const gatewayOptions = process.env.BENCH_GATEWAY_NODE_OPTIONS ?? '';
  const gateway = await stack.startOurGateway('gateway', GATEWAY_PORT, {
    ...context.common,
    SUPERGRAPH_PATH: context.supergraphPath,
    // the gateway reaches the entity subgraphs through the counting proxies; orders directly
    SUBGRAPH_URLS: JSON.stringify({ ...context.subgraphUrls, ...Object.fromEntries(Object.entries(proxies).map(([n, p]) => [n, p.url])) }),
    // thousands of subscribe operations from six identities: the rate limit is not what is measured
    RATE_LIMIT_PER_MINUTE: '0',
    ...(gatewayOptions ? { NODE_OPTIONS: gatewayOptions } : {}),
  });
  const gatewayPid = gateway.child.pid!;
  const rssCold = rssMb(gatewayPid);

  const direct = directSubscriber(context);
  const workers = Array.from({ length: workerCount }, () => new ClientWorker());
  const specs: SubscriberSpec[][] = workers.map(() => []);
  const groupOf: Group[] = [];
  for (let i = 0; i < subscriberCount; i++) {
    const group = context.groups[i % context.groups.length]!;
    groupOf.push(group);
    specs[i % workerCount]!.push({ index: i, token: group.token, query: group.query });
  }
  const connectStarted = Date.now();
  const opened = await Promise.all(
    workers.map((w, i) => w.ask({ kind: 'open', url: `ws://127.0.0.1:${GATEWAY_PORT}/graphql`, subscribers: specs[i]! }, 'opened')),
  );
  const connectSeconds = (Date.now() - connectStarted) / 1000;
  const failedConnections = opened.reduce((sum, o) => sum + o.failed, 0);
  stack.say(`${subscriberCount} sockets open in ${connectSeconds.toFixed(1)} s (${failedConnections} failed); warming up…`);

  // warm-up: events until every subscriber has had one (all subscriptions attached, plans and code warm)
  for (let round = 0; ; round++) {
    for (const shipment of context.shipments) await postMilestone(context, shipment.id);
    await sleep(1_000);
    const counts = await countAll(workers);
    if (counts.withEvents === subscriberCount) break;
    if (round === 20) {
      // measured anyway: a subscriber that never attached shows as missing deliveries in the result
      const reports = await Promise.all(workers.map((w) => w.ask({ kind: 'report' }, 'report')));
      const silent = reports.flatMap((r) => r.subscribers.filter((s) => !s.events.length).map((s) => groupOf[s.index]!.name));
      stack.say(`after warm-up ${subscriberCount - counts.withEvents} subscribers had no event (${silent.join(', ')}); ended ${counts.ended}; errors: ${reports.flatMap((r) => r.errors).slice(0, 3).join(' | ')}`);
      break;
    }
  }
  await sleep(2_000);
  const mark = await lastSeq(context.target);
  const before = await countAll(workers);
  for (const proxy of Object.values(proxies)) proxy.entityCalls = 0;
  const rssStart = rssMb(gatewayPid);
  let rssPeak = rssStart;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(gatewayPid))), 250);
  const cpuStart = cpuSeconds(gatewayPid);
  const loadBefore = os.loadavg()[0]!;
  const workerCpuStart = workers.map((w) => cpuSeconds(w.pid));

  // events at a fixed rate, on an absolute schedule (a slow answer does not slow the producer down)
  const total = Math.round(eventsPerSecond * seconds);
  stack.say(`producing ${total} events at ${eventsPerSecond}/s…`);
  const produceStarted = Date.now();
  const posts: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = produceStarted + (i * 1000) / eventsPerSecond;
    if (due > Date.now()) await sleep(due - Date.now());
    posts.push(postMilestone(context, context.shipments[i % context.shipments.length]!.id));
  }
  await Promise.all(posts);
  const produceSeconds = (Date.now() - produceStarted) / 1000;

  // the measured events, from the orders subgraph's log: who is entitled to each
  const events = await withSubgraphDb(context.target, 'orders', async (db) =>
    (
      await db.query<{ id: string; supplier_id: string }>(
        "SELECT id, supplier_id FROM outbox_event WHERE seq > $1 AND type = 'shipment.updated' ORDER BY seq",
        [mark],
      )
    ).rows,
  );
  const supplierOf = new Map(events.map((e) => [e.id, e.supplier_id]));
  const entitled = (group: Group, supplierId: string) => group.supplierId === null || group.supplierId === supplierId;
  let expectedDeliveries = 0;
  for (const group of groupOf) for (const event of events) if (entitled(group, event.supplier_id)) expectedDeliveries++;

  // drain: until every expected delivery of a measured event arrived, or nothing has moved for 10 s
  const measuredIds = events.map((e) => e.id);
  let last = -1;
  let still = Date.now();
  for (;;) {
    const arrived = (await countAll(workers, measuredIds)).measured;
    if (arrived >= expectedDeliveries) break;
    if (arrived !== last) {
      last = arrived;
      still = Date.now();
    } else if (Date.now() - still > 10_000) break;
    await sleep(500);
  }
  const drainedSeconds = (Date.now() - produceStarted) / 1000;
  clearInterval(sampler);
  const cpuUsed = cpuSeconds(gatewayPid) - cpuStart;
  const workerCpu = workers.map((w, i) => cpuSeconds(w.pid) - workerCpuStart[i]!);
  rssPeak = Math.max(rssPeak, rssMb(gatewayPid));
  const loadAfter = os.loadavg()[0]!;
  const directDelays = Float64Array.from(events.flatMap((e) => (direct.received.has(e.id) ? [direct.received.get(e.id)!] : []))).sort();
  await direct.close();
  const entityCalls = Object.fromEntries(Object.entries(proxies).map(([name, p]) => [name, p.entityCalls]));

  // per subscriber: every entitled event exactly once, nothing else
  const reports = await Promise.all(workers.map((w) => w.ask({ kind: 'report' }, 'report')));
  const delays = new Float64Array(expectedDeliveries);
  let delivered = 0;
  let missing = 0;
  let duplicates = 0;
  let foreign = 0;
  for (const report of reports) {
    for (const { index, events: received } of report.subscribers) {
      const group = groupOf[index]!;
      const seen = new Set<string>();
      for (const [eventId, delay] of received) {
        const supplierId = supplierOf.get(eventId);
        if (supplierId === undefined) continue; // a warm-up event
        if (!entitled(group, supplierId)) foreign++;
        else if (seen.has(eventId)) duplicates++;
        else {
          seen.add(eventId);
          if (delivered < delays.length) delays[delivered] = delay;
          delivered++;
        }
      }
      for (const event of events) if (entitled(group, event.supplier_id) && !seen.has(event.id)) missing++;
    }
  }
  const sorted = delays.subarray(0, Math.min(delivered, delays.length)).sort();
  const after = await countAll(workers);
  const errors = reports.flatMap((r) => r.errors);

  await Promise.all(workers.map((w) => w.close()));
  await stack.stop(gateway, 60_000); // closing 5,000 sockets takes a while; a profile is written only on a clean exit
  await Promise.all(Object.values(proxies).map((p) => p.close()));

  const result = {
    subscribers: subscriberCount,
    groups: context.groups.length,
    groupsEntitledPerEvent: 3, // the ADMIN's two and the owning partner's
    clientProcesses: workerCount,
    connectSeconds: round(connectSeconds),
    failedConnections,
    events: events.length,
    eventsPosted: total,
    eventsPerSecondPosted: round(total / produceSeconds, 2),
    deliveriesExpected: expectedDeliveries,
    delivered,
    missing,
    duplicates,
    foreign,
    errorMessages: after.errors - before.errors,
    subscriptionsEnded: after.ended,
    deliveriesPerSecond: Math.round(delivered / produceSeconds),
    drainedAfterSeconds: round(drainedSeconds),
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[sorted.length - 1] ?? NaN),
    },
    // the same events at one subscriber straight on the orders subgraph: the part of the delay before the gateway
    directAtSubgraphLatencyMs: {
      received: directDelays.length,
      p50: round(percentile(directDelays, 50)),
      p99: round(percentile(directDelays, 99)),
      max: round(directDelays[directDelays.length - 1] ?? NaN),
    },
    entityCallsPerEvent: Object.fromEntries(Object.entries(entityCalls).map(([name, n]) => [name, round(n / Math.max(1, events.length), 2)])),
    entityCalls,
    gateway: {
      cpuSeconds: round(cpuUsed, 2),
      cpuPercentOfOneCore: round((cpuUsed / drainedSeconds) * 100),
      cpuMicrosecondsPerDelivery: round((cpuUsed * 1e6) / Math.max(1, delivered)),
      rssMb: { cold: round(rssCold), start: round(rssStart), peak: round(rssPeak) },
    },
    clientProcessesCpuSeconds: workerCpu.map((s) => round(s, 2)),
    // other sessions share this machine: its 1-minute load average before and after the measured phase
    machineLoadAverage: [round(loadBefore, 2), round(loadAfter, 2)],
    sampleErrors: errors.slice(0, 5),
  };
  stack.say(
    `${subscriberCount}: ${delivered}/${expectedDeliveries} delivered, missing ${missing}, duplicates ${duplicates}, foreign ${foreign}; ` +
      `p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms ` +
      `(at the subgraph: p50 ${result.directAtSubgraphLatencyMs.p50}, p99 ${result.directAtSubgraphLatencyMs.p99}); load ${result.machineLoadAverage.join('→')}; ` +
      `gateway CPU ${result.gateway.cpuPercentOfOneCore} %, RSS peak ${result.gateway.rssMb.peak} MB; _entities/event ${JSON.stringify(result.entityCallsPerEvent)}`,
  );
  return result;
}

async function main(): Promise<void> {
  const counts = (process.env.BENCH_SUBSCRIBERS ?? '1000,5000').split(',').map(Number);
  const eventsPerSecond = Number(process.env.BENCH_EVENTS_PER_SECOND ?? 4);
  const seconds = Number(process.env.BENCH_SECONDS ?? 30);
  const workerCount = Number(process.env.BENCH_CLIENT_WORKERS ?? 2);
  if (counts.some((n) => !Number.isInteger(n) || n < 6) || !(eventsPerSecond > 0) || !(seconds > 0) || !(workerCount >= 1)) {
    throw new Error('BENCH_SUBSCRIBERS (integers ≥ 6), BENCH_EVENTS_PER_SECOND, BENCH_SECONDS and BENCH_CLIENT_WORKERS must be positive');
  }
  database = await ownBenchDatabase('cmgraph_bench_subs');
  const target = database.target;
  await seedWorld(target, SUBGRAPHS, { scale: 'small', reseed: process.argv.includes('--reseed'), say: (m) => stack.say(m) });
  const subgraphUrls = await stack.startSubgraphs(target, SUBGRAPHS, GATEWAY_PORT);
  const common = stack.commonEnv(target, subgraphUrls);
  const jwtSecret = stack.secrets.jwtSecret;

  // composed from these five (the committed supergraph has production too, which this bench does not run)
  const definitions = (await loadSubgraphs([...SUBGRAPHS])).map((m) => m.definition);
  const { supergraphSdl } = await composeSupergraph(definitions, (d) => subgraphUrls[d.name]!);
  const supergraphPath = path.join(stack.work, 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraphSdl);

  const shipments = await withSubgraphDb(target, 'orders', async (db) =>
    (
      await db.query<{ id: string; supplier_id: string }>(
        `SELECT DISTINCT ON (supplier_id) id, supplier_id FROM shipment WHERE status = 'IN_TRANSIT' ORDER BY supplier_id, number LIMIT ${PARTNERS}`,
      )
    ).rows.map((row) => ({ id: row.id, supplierId: row.supplier_id })),
  );
  if (shipments.length < PARTNERS) throw new Error(`the world has in-transit shipments of only ${shipments.length} suppliers`);
  const token = (sub: string, roles: string[], supplierId?: string) =>
    signDevToken({ sub, roles, ...(supplierId ? { supplier_id: supplierId } : {}) }, jwtSecret, 4 * 3600);
  const admin = token('bench-admin', ['ADMIN']);
  const groups: Group[] = [
    { name: 'admin/ShipmentUpdates', supplierId: null, token: admin, query: PORTAL_DOCUMENT },
    { name: 'admin/light', supplierId: null, token: admin, query: LIGHT_DOCUMENT },
    ...shipments.map((s, i) => ({
      name: `partner-${i + 1}/ShipmentUpdates`,
      supplierId: s.supplierId,
      token: token(`bench-cm-${i + 1}`, ['PARTNER'], s.supplierId),
      query: PORTAL_DOCUMENT,
    })),
  ];
  const context: Context = { target, common, jwtSecret, supergraphPath, subgraphUrls, shipments, groups };

  const runs = [];
  for (const count of counts) runs.push(await run(context, count, eventsPerSecond, seconds, workerCount));

  const summary = {
    benchmark: 'graphql-ws subscription fan-out through the gateway (shipmentUpdated; events = shipment milestones posted to orders)',
    eventsPerSecond,
    seconds,
    groups: groups.map((g) => g.name),
    p99TargetMs: P99_TARGET_MS,
    withinTarget: runs.every((r) => r.missing === 0 && r.duplicates === 0 && r.foreign === 0 && r.latencyMs.p99 < P99_TARGET_MS),
    latencyFrom: "the event's occurredAt (stamped by the orders subgraph in the recording transaction) to its receipt by the graphql-ws client",
    gatewayNodeOptions: process.env.BENCH_GATEWAY_NODE_OPTIONS || null,
    runs,
    machine: machine('gateway, five subgraphs, PostgreSQL, the producer and the client processes share the machine'),
    measuredAt: new Date().toISOString(),
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  writeResult('subscriptions', summary);
}

if (process.argv.includes('--clients')) {
  clientProcess();
} else {
  runBenchmark('bench:subscriptions', main, async () => {
    await stack.stopAll();
    await database?.stop();
  });
}
