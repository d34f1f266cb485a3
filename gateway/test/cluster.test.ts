// The gateway as `npm start` runs it, with GATEWAY_WORKERS=2: one process, two worker threads on one port.
// Connections are spread over both workers; each worker caches answers of its own, yet a mutation answered
// by one worker is seen by the very next query on the other — with a mutation that writes no event, so
// only the generations the workers share can tell the other worker (its bus feed hears nothing). And the
// process stops cleanly on SIGTERM with its workers.
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { composeSupergraph } from '@cmgraph/devstack/src/compose/compose';
import { loadSubgraphs } from '@cmgraph/devstack/src/subgraphs';
import { spawnService, type Service } from '@cmgraph/devstack/src/processes';
import { dataOf, startStack, tokenFor, type Stack } from '@cmgraph/testkit';
import { CACHE_HEADER } from '../src/cache';

const ROOT = path.resolve(__dirname, '../..');
const FACILITIES = `query Facilities($id: ID!) { supplier(id: $id) { id facilities { id name } } }`;
const ADD_FACILITY = `mutation($input: AddFacilityInput!) { addFacility(input: $input) { id } }`;

let stack: Stack;
let gateway: Service;
let port: number;
let supplierId: string;
let token: string;
let scratch: string;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Answer {
  status: number;
  cache: string | undefined;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[]; worker?: number };
}

/** One keep-alive connection to the gateway: every request on it goes to the worker that accepted it. */
class Connection {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  worker = 0;

  constructor(private readonly bearer = () => token) {}

  async open(): Promise<this> {
    this.worker = (await this.request('GET', '/health')).body.worker ?? 0; // 0: not a worker (the test then finds no second one)
    return this;
  }

  graphql(query: string, variables: Record<string, unknown>): Promise<Answer> {
    return this.request('POST', '/graphql', JSON.stringify({ query, variables }));
  }

  close(): void {
    this.agent.destroy();
  }

  private request(method: string, urlPath: string, body?: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port, method, path: urlPath, agent: this.agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${this.bearer()}` } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode!, cache: response.headers[CACHE_HEADER] as string | undefined, body: JSON.parse(Buffer.concat(chunks).toString()) }),
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }
}

/** New connections until one lands on each worker (the kernel picks; the others are closed). */
async function connectionPerWorker(workers: number, bearer?: () => string): Promise<Map<number, Connection>> {
  const found = new Map<number, Connection>();
  for (let attempt = 0; attempt < 200 && found.size < workers; attempt++) {
    const connection = await new Connection(bearer).open();
    if (found.has(connection.worker)) connection.close();
    else found.set(connection.worker, connection);
  }
  return found;
}

beforeAll(async () => {
  stack = await startStack(['suppliers']);
  const definitions = (await loadSubgraphs(['suppliers'])).map((m) => m.definition);
  const { supergraphSdl } = await composeSupergraph(definitions, (d) => stack.subgraphs[d.name]!.http.url);
  scratch = mkdtempSync(path.join(tmpdir(), 'cmgraph-cluster-'));
  const supergraphPath = path.join(scratch, 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraphSdl);
  ({ createSupplier: { id: supplierId } } = dataOf(
    await stack.gateway(`mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`, {
      input: { code: 'CLUSTER-1', name: 'Cluster Supplier', type: 'CM', country: 'DE' },
    }),
  ));
  token = await tokenFor({ roles: ['ADMIN'] });
  port = await freePort();
  gateway = spawnService({
    name: 'gateway',
    script: path.join('gateway', 'src', 'main.ts'),
    cwd: ROOT,
    env: {
      GATEWAY_WORKERS: '2',
      PORT: String(port),
      SUPERGRAPH_PATH: supergraphPath,
      DATABASE_URL: stack.target.serverUrl,
      DATABASE_PREFIX: stack.target.prefix,
      RATE_LIMIT_PER_MINUTE: '600', // the default, burst 600: one subject's bucket shared by both workers (below)
      LOG_LEVEL: 'error',
    },
    print: () => undefined,
  });
  // both workers listening: /health over fresh connections until each has answered
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const found = await connectionPerWorker(2);
      found.forEach((c) => c.close());
      if (found.size === 2) break;
    } catch {
      // not listening yet
    }
    if (!gateway.running()) throw new Error(`gateway exited: ${gateway.recentOutput().join('\n')}`);
    if (Date.now() > deadline) throw new Error('gateway workers not listening in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 120_000);

afterAll(async () => {
  if (gateway?.running()) await gateway.stop(5_000);
  await stack?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('gateway workers (GATEWAY_WORKERS=2)', () => {
  it('spreads connections over both workers', async () => {
    const seen = new Map<number, number>();
    for (let i = 0; i < 40; i++) {
      const connection = await new Connection().open();
      seen.set(connection.worker, (seen.get(connection.worker) ?? 0) + 1);
      connection.close();
    }
    expect([...seen.keys()].sort()).toEqual([1, 2]);
  });

  it('answers a query on one worker right after a mutation on the other with the mutation\'s effect, 10 times over', async () => {
    const connections = await connectionPerWorker(2);
    const [writer, reader] = [connections.get(1)!, connections.get(2)!];
    try {
      const facilities = async () => {
        const answer = await reader.graphql(FACILITIES, { id: supplierId });
        expect(answer.body.errors).toBeUndefined();
        return { cache: answer.cache, count: answer.body.data.supplier.facilities.length as number };
      };
      /**
       * Reads until the answer comes from the cache again, every answer with `count`: a read may be a
       * 'bypass' while the worker's bus feed is not fresh (a loaded machine), or a 'miss' when an event
       * (the suppliers' certification job writes some) invalidated the answer just stored.
       */
      const cachedAgain = async (count: number) => {
        for (let i = 0; i < 100; i++) {
          const answer = await facilities();
          expect(answer.count).toBe(count);
          if (answer.cache === 'hit') return answer;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return facilities();
      };
      let count = (await facilities()).count;
      expect(await cachedAgain(count)).toEqual({ cache: 'hit', count });
      let misses = 0;
      for (let i = 1; i <= 10; i++) {
        const added = await writer.graphql(ADD_FACILITY, { input: { supplierId, name: `Plant ${i}`, country: 'DE', region: 'EU', nearshore: true } });
        expect(added.body.errors).toBeUndefined();
        count += 1;
        // addFacility writes no event: no bus feed tells the reader's worker — the shared generations do.
        // Never the old answer from the cache; 'miss' unless the feed is catching up (then the cache is off)
        const next = await facilities();
        expect({ stale: next.cache === 'hit', count: next.count }).toEqual({ stale: false, count });
        if (next.cache === 'miss') misses++;
        expect(await cachedAgain(count)).toEqual({ cache: 'hit', count });
      }
      expect(misses).toBeGreaterThan(0); // the check above ran against a live cache at least once
    } finally {
      connections.forEach((c) => c.close());
    }
  });

  it('keeps one rate-limit bucket per identity for both workers', async () => {
    // 600 requests a minute, burst 600: one identity sending 700 over both workers (350 each) gets at most
    // 600 + what refilled meanwhile; with a bucket per worker all 700 would pass (while that took < 10 s)
    const subject = await tokenFor({ roles: ['ANALYST'], sub: 'rate-limited-analyst' });
    const connections = await connectionPerWorker(2, () => subject);
    const started = Date.now();
    const answers: Answer[] = [];
    try {
      for (let i = 0; i < 350; i++) {
        answers.push(...(await Promise.all([...connections.values()].map((c) => c.graphql('{ __typename }', {})))));
      }
    } finally {
      connections.forEach((c) => c.close());
    }
    const seconds = (Date.now() - started) / 1000;
    const allowed = answers.filter((a) => a.status === 200).length;
    const refused = answers.filter((a) => a.status === 429 && a.body.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(allowed + refused.length).toBe(700);
    expect(allowed).toBeGreaterThanOrEqual(600);
    expect(allowed).toBeLessThanOrEqual(600 + Math.ceil(seconds * 10) + 1);
  });

  it('stops with its workers on SIGTERM, exit code 0', async () => {
    const status = await gateway.stop(10_000);
    expect(status).toEqual({ code: 0, signal: null });
  });
});

describe('one gateway process (GATEWAY_WORKERS=1), NODE_ENV=production', () => {
  it('stops on SIGTERM after closing its gateway, exit code 0 (Apollo Server does not take the signal)', async () => {
    const single = spawnService({
      name: 'gateway-single',
      script: path.join('gateway', 'src', 'main.ts'),
      cwd: ROOT,
      env: {
        NODE_ENV: 'production',
        PORT: String(await freePort()),
        SUPERGRAPH_PATH: path.join(scratch, 'supergraph.graphql'),
        DATABASE_URL: stack.target.serverUrl,
        DATABASE_PREFIX: stack.target.prefix,
        LOG_LEVEL: 'info',
      },
      print: () => undefined,
    });
    try {
      const deadline = Date.now() + 60_000;
      while (!single.recentOutput().some((line) => line.includes('gateway listening'))) {
        if (!single.running() || Date.now() > deadline) throw new Error(`gateway did not start: ${single.recentOutput().join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await single.stop(10_000)).toEqual({ code: 0, signal: null });
    } finally {
      if (single.running()) await single.stop(1_000);
    }
  });
});
