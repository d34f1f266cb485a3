// The gateway's response cache over the real stack (suppliers, inventory, orders on real PostgreSQL and
// the stack's event bus): hits cost no subgraph request and no SQL; entries are per document, variables,
// roles and supplier; a mutation through the gateway is seen by the very next query; a write that
// bypasses the gateway replaces the cached answer once its event is on the bus; data-room reads, answers
// with errors and a cache that is off are never served from it; entries expire. And the sharing of
// identical in-flight subgraph fetches, counted at a proxy that holds queries until released.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { composeSupergraph } from '@cmgraph/devstack/src/compose/compose';
import { loadSubgraphs } from '@cmgraph/devstack/src/subgraphs';
import type { EventBus } from '@cmgraph/platform';
import { dataOf, startStack, tokenFor, type CallerSpec, type Stack } from '@cmgraph/testkit';
import { createGateway, type Gateway, type GatewayOptions } from '../src';
import { CACHE_HEADER, sideEffectTypesOf } from '../src/cache';
import { AnswerStore } from '../src/cache/store';
import { subgraphsOfPlan } from '../src/cache/plan';
import { buildSchema, parse } from 'graphql';
import { TrustedDocuments } from '../src/limits';

const SUBGRAPHS = ['suppliers', 'inventory', 'orders'];
const ADMIN: CallerSpec = { roles: ['ADMIN'] };
const PLANNER: CallerSpec = { roles: ['PLANNER'] };

const SUPPLIER = `query Supplier($id: ID!) {
  supplier(id: $id) { id name status facilities { id name } purchaseOrders(first: 5) { nodes { number } } }
}`;
const PORTAL_SUPPLIERS = TrustedDocuments.load().documentNamed('PortalSuppliers')!;

interface Answer {
  cache: string | null;
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function ask(url: string, caller: CallerSpec, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(caller)}` },
    body: JSON.stringify({ query, variables }),
  });
  return { cache: response.headers.get(CACHE_HEADER), status: response.status, body: (await response.json()) as Answer['body'] };
}

interface TestGateway {
  gateway: Gateway;
  url: string;
  stop(): Promise<void>;
}

let stack: Stack;
let supergraphSdl: string;

/** A gateway of its own over the stack's subgraphs, its cache reading the stack's bus. */
async function gatewayWith(options: Partial<GatewayOptions>): Promise<TestGateway> {
  const gateway = await createGateway({ supergraphSdl, limits: { rateLimit: false }, ...options });
  const server = await gateway.listen(0);
  return {
    gateway,
    url: server.url,
    async stop() {
      await gateway.stop();
    },
  };
}

const upstreamRequests = (gateway: Gateway) => Object.values(gateway.subgraphFetchStats()).reduce((n, s) => n + s.started, 0);
const statements = () => Object.values(stack.subgraphs).reduce((n, s) => n + s.statements, 0);

let cached: TestGateway;

/**
 * Waits until every event written so far is relayed and the gateway's bus feed has read it: an event of
 * an earlier step arriving later would (rightly) turn an expected hit into a miss.
 */
async function settled(target: TestGateway = cached): Promise<void> {
  await stack.settle();
  const head = await stack.bus.head();
  for (let i = 0; i < 500 && Number(target.gateway.responseCacheStats().feed!.position) < Number(head); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(Number(target.gateway.responseCacheStats().feed!.position)).toBeGreaterThanOrEqual(Number(head));
}
let supplierA: string;
let supplierB: string;

async function createSupplier(code: string): Promise<string> {
  const { createSupplier: created } = dataOf(
    await stack.gateway(`mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`, {
      input: { code, name: `Supplier ${code}`, type: 'CM', country: 'DE' },
    }),
  );
  return created.id;
}

beforeAll(async () => {
  stack = await startStack(SUBGRAPHS);
  const definitions = (await loadSubgraphs(SUBGRAPHS)).map((m) => m.definition);
  ({ supergraphSdl } = await composeSupergraph(definitions, (d) => stack.subgraphs[d.name]!.http.url));
  cached = await gatewayWith({ responseCache: { bus: stack.bus, busPollMs: 200 } });
  supplierA = await createSupplier('CACHE-A');
  supplierB = await createSupplier('CACHE-B');
  await settled();
}, 120_000);

afterAll(async () => {
  await cached?.stop();
  await stack?.stop();
});

describe('response cache', () => {
  it('serves a second identical query from the cache: no subgraph request, no SQL', async () => {
    await settled();
    const first = await ask(cached.url, ADMIN, SUPPLIER, { id: supplierA });
    expect(first.cache).toBe('miss');
    expect(first.body.errors).toBeUndefined();
    const requests = upstreamRequests(cached.gateway);
    stack.resetStatementCounts();
    const second = await ask(cached.url, ADMIN, SUPPLIER, { id: supplierA });
    expect(second.cache).toBe('hit');
    expect(second.body).toEqual(first.body);
    expect(upstreamRequests(cached.gateway) - requests).toBe(0);
    expect(statements()).toBe(0);
  });

  it('keeps separate entries per variables, roles and supplier: a partner never gets another partner\'s answer', async () => {
    await settled();
    await ask(cached.url, ADMIN, SUPPLIER, { id: supplierA });
    expect((await ask(cached.url, ADMIN, SUPPLIER, { id: supplierB })).cache).toBe('miss');
    expect((await ask(cached.url, PLANNER, SUPPLIER, { id: supplierA })).cache).toBe('miss');
    expect((await ask(cached.url, { roles: ['PLANNER'], sub: 'another-planner' }, SUPPLIER, { id: supplierA })).cache).toBe('hit');

    const partnerA: CallerSpec = { roles: ['PARTNER'], supplierId: supplierA };
    const partnerB: CallerSpec = { roles: ['PARTNER'], supplierId: supplierB };
    const ids = (answer: Answer) => answer.body.data.suppliers.edges.map((e: { node: { id: string } }) => e.node.id);
    const a1 = await ask(cached.url, partnerA, PORTAL_SUPPLIERS, { first: 10 });
    expect([a1.cache, ids(a1)]).toEqual(['miss', [supplierA]]);
    const b1 = await ask(cached.url, partnerB, PORTAL_SUPPLIERS, { first: 10 });
    expect([b1.cache, ids(b1)]).toEqual(['miss', [supplierB]]);
    const a2 = await ask(cached.url, partnerA, PORTAL_SUPPLIERS, { first: 10 });
    const b2 = await ask(cached.url, partnerB, PORTAL_SUPPLIERS, { first: 10 });
    expect([a2.cache, ids(a2)]).toEqual(['hit', [supplierA]]);
    expect([b2.cache, ids(b2)]).toEqual(['hit', [supplierB]]);
  });

  it('answers the query right after a mutation through the gateway with the mutation\'s effect, 20 times over', async () => {
    const facilities = async () => {
      const answer = await ask(cached.url, ADMIN, SUPPLIER, { id: supplierB });
      return { cache: answer.cache, count: answer.body.data.supplier.facilities.length as number };
    };
    const start = (await facilities()).count;
    for (let i = 1; i <= 20; i++) {
      const added = await ask(cached.url, ADMIN, `mutation($input: AddFacilityInput!) { addFacility(input: $input) { id } }`, {
        input: { supplierId: supplierB, name: `Plant ${i}`, country: 'DE', region: 'EU', nearshore: true },
      });
      expect(added.body.errors).toBeUndefined();
      expect(added.cache).toBe('bypass');
      expect(await facilities()).toEqual({ cache: 'miss', count: start + i });
      expect(await facilities()).toEqual({ cache: 'hit', count: start + i });
    }
  });

  it('replaces the cached answer once the event of a write that bypassed the gateway is on the bus', async () => {
    await settled();
    const status = async () => {
      const answer = await ask(cached.url, ADMIN, SUPPLIER, { id: supplierA });
      return { cache: answer.cache, status: answer.body.data.supplier.status as string };
    };
    await status();
    expect(await status()).toEqual({ cache: 'hit', status: 'PROSPECT' });
    const observer = await stack.bus.reader(`test-observer-${process.pid}`, []);
    const before = await stack.bus.head();
    // straight to the subgraph, signed as the gateway would: this gateway sees nothing of it
    dataOf(
      await stack.subgraph('suppliers')(`mutation($input: SupplierStatusInput!) { setSupplierStatus(input: $input) { status } }`, {
        input: { supplierId: supplierA, status: 'ONBOARDING' },
      }),
    );
    let event: string | undefined;
    let oldAfterFeed = 0;
    let answers = 0;
    for (let attempt = 0; attempt < 500; attempt++) {
      // has the gateway's feed read the event yet? (decided before the request is sent)
      event ??= (await observer.read(before, 10)).find((e) => e.type === 'supplier.status_changed' && e.subjectId === supplierA)?.position;
      const fed = event !== undefined && Number(cached.gateway.responseCacheStats().feed!.position) >= Number(event);
      const answer = await status();
      answers += 1;
      if (fed && answer.status !== 'ONBOARDING') oldAfterFeed += 1;
      if (fed && answer.status === 'ONBOARDING') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await observer.close();
    expect(event).toBeDefined();
    expect(oldAfterFeed).toBe(0);
    expect(await status()).toEqual({ cache: 'hit', status: 'ONBOARDING' });
    expect(answers).toBeGreaterThan(0);
  });

  it('never serves data-room reads from the cache: every read is in the access log', async () => {
    const { uploadDataRoomDocument: document } = dataOf(
      await stack.gateway(`mutation($input: UploadDataRoomDocumentInput!) { uploadDataRoomDocument(input: $input) { id } }`, {
        input: {
          title: 'Drawing', kind: 'DRAWING', classification: 'CONFIDENTIAL', fileName: 'drawing.txt', contentType: 'text/plain',
          contentBase64: Buffer.from('a drawing').toString('base64'),
        },
      }),
    );
    const logged = async () => {
      const [row] = await stack.subgraphs.suppliers!.server.orm.em.fork()
        .execute<{ n: number }[]>(`select count(*)::int as n from data_room_access where document_id = ? and action = 'READ'`, [document.id]);
      return row!.n;
    };
    const reads = [
      ['query($id: ID!) { dataRoomDocument(id: $id) { id title } }', { id: document.id }],
      ['{ dataRoomDocuments(first: 50) { nodes { id } } }', {}],
      ['query($id: ID!) { supplier(id: $id) { id } dataRoomDocument(id: $id) { id } }', { id: document.id }],
    ] as const;
    for (const [query, variables] of reads) {
      for (let i = 0; i < 3; i++) {
        const before = await logged();
        const answer = await ask(cached.url, ADMIN, query, variables);
        expect(answer.body.errors).toBeUndefined();
        expect(answer.cache).toBe('bypass');
        expect(await logged()).toBe(before + 1);
      }
    }
  });

  it('does not keep answers with errors', async () => {
    // refused by the limits (a partner's document not in the manifest) before the cache is asked
    const refused = await ask(cached.url, { roles: ['PARTNER'], supplierId: supplierA }, PORTAL_SUPPLIERS.replace('PortalSuppliers', 'NotTrusted'), { first: 1 });
    expect([refused.status, refused.cache]).toEqual([403, 'bypass']);
    // a partial answer: one field refused by the subgraph (a page larger than allowed), the rest is there
    const query = 'query Partial($id: ID!) { ok: supplier(id: $id) { id } bad: supplier(id: $id) { id purchaseOrders(first: 5000) { nodes { number } } } }';
    const stored = cached.gateway.responseCacheStats().stored;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await ask(cached.url, ADMIN, query, { id: supplierA }));
    expect(answers[0]!.body.data).toEqual({ ok: { id: supplierA }, bad: null });
    expect(answers[0]!.body.errors?.length).toBeGreaterThan(0);
    expect(answers.map((a) => a.cache)).toEqual(['miss', 'miss', 'miss']);
    expect(cached.gateway.responseCacheStats().stored).toBe(stored);
  });

  it('lets entries expire', async () => {
    const short = await gatewayWith({ responseCache: { bus: stack.bus, busPollMs: 200, ttlMs: 300 } });
    try {
      await settled(short);
      expect((await ask(short.url, ADMIN, SUPPLIER, { id: supplierA })).cache).toBe('miss');
      expect((await ask(short.url, ADMIN, SUPPLIER, { id: supplierA })).cache).toBe('hit');
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await ask(short.url, ADMIN, SUPPLIER, { id: supplierA })).cache).toBe('miss');
    } finally {
      await short.stop();
    }
  });

  it('turns itself off while the bus cannot be read, and back on when it can', async () => {
    let failing = false;
    // the stack's bus, with reads that fail on demand
    const flaky: EventBus = {
      ...stack.bus,
      reader: async (name, types) => {
        const reader = await stack.bus.reader(name, types);
        return {
          read: (after, limit) => (failing ? Promise.reject(new Error('bus down (test)')) : reader.read(after, limit)),
          close: () => reader.close(),
        };
      },
    };
    const side = await gatewayWith({ responseCache: { bus: flaky, busPollMs: 100 } });
    const until = async (condition: () => boolean) => {
      for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(condition()).toBe(true);
    };
    try {
      await settled(side);
      await ask(side.url, ADMIN, SUPPLIER, { id: supplierA });
      expect((await ask(side.url, ADMIN, SUPPLIER, { id: supplierA })).cache).toBe('hit');
      failing = true;
      await until(() => side.gateway.responseCacheStats().feed!.failures > 0);
      expect(side.gateway.responseCacheStats()).toMatchObject({ entries: 0, feed: { fresh: false } });
      for (let i = 0; i < 3; i++) expect((await ask(side.url, ADMIN, SUPPLIER, { id: supplierA })).cache).toBe('bypass');
      failing = false;
      await until(() => side.gateway.responseCacheStats().feed!.fresh);
      await settled(side);
      expect((await ask(side.url, ADMIN, SUPPLIER, { id: supplierA })).cache).toBe('miss');
      expect((await ask(side.url, ADMIN, SUPPLIER, { id: supplierA })).cache).toBe('hit');
    } finally {
      await side.stop();
    }
  });

  it('charges a hit like any request: limits and the rate limit run before the cache is asked', async () => {
    const limited = await gatewayWith({ responseCache: { bus: stack.bus, busPollMs: 200 }, limits: { rateLimit: { requestsPerMinute: 2 } } });
    try {
      await settled(limited);
      const caller: CallerSpec = { roles: ['ADMIN'], sub: 'rate-limited-admin' };
      expect((await ask(limited.url, caller, SUPPLIER, { id: supplierA })).cache).toBe('miss');
      expect((await ask(limited.url, caller, SUPPLIER, { id: supplierA })).cache).toBe('hit');
      const third = await ask(limited.url, caller, SUPPLIER, { id: supplierA });
      expect([third.status, third.cache, third.body.errors?.[0]?.extensions?.code]).toEqual([429, 'bypass', 'RATE_LIMITED']);
    } finally {
      await limited.stop();
    }
  });

  it('with the cache off, answers every query afresh', async () => {
    for (let i = 0; i < 3; i++) expect((await ask(stack.gatewayUrl, ADMIN, SUPPLIER, { id: supplierA })).cache).toBe('bypass');
    expect(stack.gatewayServer().responseCacheStats()).toMatchObject({ enabled: false, hits: 0, entries: 0 });
  });
});

describe('parts', () => {
  it('evicts the least recently used answers beyond the entry and byte bounds', () => {
    const store = new AnswerStore({ maxEntries: 3, maxBytes: 100 });
    const answer = (bytes: number) => ({ data: {}, subgraphs: [], startedAt: 0, expiresAt: Date.now() + 60_000, bytes });
    for (const key of ['a', 'b', 'c']) store.set(key, answer(10));
    store.get('a'); // used: b is now the oldest
    store.set('d', answer(10));
    expect(['a', 'b', 'c', 'd'].map((k) => store.get(k) !== undefined)).toEqual([true, false, true, true]);
    store.set('e', answer(90)); // 120 bytes: the oldest (a, c) go until 100 fit
    expect(['a', 'c', 'd', 'e'].map((k) => store.get(k) !== undefined)).toEqual([false, false, true, true]);
    expect([store.size, store.bytes]).toEqual([2, 100]);
    store.set('f', answer(101)); // larger than the whole cache: not kept
    expect(store.get('f')).toBeUndefined();
  });

  it('walks every kind of plan node for the subgraphs it fetches from', () => {
    const fetch = (serviceName: string) => ({ kind: 'Fetch', serviceName }) as never;
    const plan = {
      kind: 'QueryPlan',
      node: {
        kind: 'Sequence',
        nodes: [
          fetch('a'),
          { kind: 'Parallel', nodes: [{ kind: 'Flatten', path: [], node: fetch('b') }, { kind: 'Condition', condition: 'x', ifClause: fetch('c'), elseClause: fetch('d') }] },
          { kind: 'Defer', primary: { node: fetch('e') }, deferred: [{ depends: [], queryPath: [], node: fetch('f') }] },
        ],
      },
    } as const;
    expect(subgraphsOfPlan(plan as never)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(subgraphsOfPlan({ kind: 'QueryPlan', node: { kind: 'Sequence', nodes: [{ kind: 'Teleport' } as never] } })).toBeNull();
  });

  it('names the side-effect types an operation reaches, through abstract types and fragments too', () => {
    const schema = buildSchema(`
      type Query { doc: DataRoomDocument thing: Thing supplier: Supplier }
      union Thing = Supplier | DataRoomDocument
      type Supplier { id: ID! }
      type DataRoomDocument { id: ID! }
    `);
    const of = (query: string) => sideEffectTypesOf(schema, parse(query));
    expect(of('{ supplier { id } }')).toEqual([]);
    expect(of('{ doc { id } }')).toEqual(['DataRoomDocument']);
    expect(of('{ thing { __typename } }')).toEqual(['DataRoomDocument']);
    expect(of('query { ...F } fragment F on Query { doc { id } }')).toEqual(['DataRoomDocument']);
  });
});

/** An HTTP proxy in front of a subgraph that counts queries and holds them until released. */
async function holdingProxy(target: string): Promise<{ url: string; queries: () => number; release(): void; close(): Promise<void> }> {
  let queries = 0;
  let held: (() => void)[] = [];
  let holding = true;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const isQuery = !/"query":"\s*mutation/.test(body.toString());
      const forward = () => {
        const upstream = http.request(target, { method: 'POST', headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.end(body);
      };
      if (!isQuery) return forward();
      queries += 1;
      if (holding) held.push(forward);
      else forward();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
  return {
    url,
    queries: () => queries,
    release() {
      holding = false;
      const waiting = held;
      held = [];
      for (const forward of waiting) forward();
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('sharing identical in-flight subgraph fetches', () => {
  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(condition()).toBe(true);
  };

  it('sends one upstream request for identical concurrent queries of one scope, one per scope', async () => {
    const proxy = await holdingProxy(stack.subgraphs.suppliers!.http.url);
    const side = await gatewayWith({ subgraphUrls: { suppliers: proxy.url } });
    try {
      const query = 'query One($id: ID!) { supplier(id: $id) { id name } }';
      const answers = Promise.all([
        ...Array.from({ length: 6 }, () => ask(side.url, ADMIN, query, { id: supplierA })),
        ...Array.from({ length: 4 }, () => ask(side.url, PLANNER, query, { id: supplierA })),
      ]);
      await until(() => side.gateway.subgraphFetchStats().suppliers!.shared === 8);
      proxy.release();
      const results = await answers;
      expect(proxy.queries()).toBe(2);
      for (const result of results) expect(result.body).toEqual({ data: { supplier: { id: supplierA, name: 'Supplier CACHE-A' } } });
    } finally {
      await side.stop();
      await proxy.close();
    }
  });

  it('does not let a query sent after a mutation join a fetch sent before it', async () => {
    const proxy = await holdingProxy(stack.subgraphs.suppliers!.http.url);
    const side = await gatewayWith({ subgraphUrls: { suppliers: proxy.url } });
    try {
      const query = 'query Facilities($id: ID!) { supplier(id: $id) { facilities { id } } }';
      const early = ask(side.url, ADMIN, query, { id: supplierA });
      await until(() => proxy.queries() === 1);
      const added = await ask(side.url, ADMIN, `mutation($input: AddFacilityInput!) { addFacility(input: $input) { id } }`, {
        input: { supplierId: supplierA, name: 'After', country: 'DE', region: 'EU', nearshore: false },
      });
      expect(added.body.errors).toBeUndefined();
      const late = ask(side.url, ADMIN, query, { id: supplierA });
      await until(() => proxy.queries() === 2);
      proxy.release();
      const [lateAnswer] = await Promise.all([late, early]);
      expect(side.gateway.subgraphFetchStats().suppliers!.shared).toBe(0);
      expect(lateAnswer.body.data.supplier.facilities.map((f: { id: string }) => f.id)).toContain(added.body.data.addFacility.id);
    } finally {
      await side.stop();
      await proxy.close();
    }
  });
});
