// Issue 7's acceptance point "after a mutation commits, no gateway cache serves the old answer", on the
// seeded world with all six subgraphs and the real bus (PostgreSQL, or NATS JetStream with NATS_URL):
// - a mutation through the caching gateway: its very next query has the change, also while other
//   requests for the same answer race the mutation (a racing answer must not be kept);
// - a mutation through another gateway: the cached answer goes once its event is on the bus, and for a
//   mutation that writes no event, once the other gateway's mutation notice is;
// - a reaction in another subgraph (a failed inspection quarantines the lot in inventory, by event):
//   the cached lot goes once the reaction's own event is on the bus.
// "Once on the bus" is checked strictly: from the moment the caching gateway's bus feed has read the
// event (decided before each request is sent), not one old answer.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { composeSupergraph } from '@cmgraph/devstack/src/compose/compose';
import { loadSubgraphs, SUBGRAPH_NAMES } from '@cmgraph/devstack/src/subgraphs';
import { dataOf, startStack, tokenFor, type Stack } from '@cmgraph/testkit';
import { createGateway, type Gateway } from '@cmgraph/gateway';
import { CACHE_HEADER } from '@cmgraph/gateway/src/cache';
import { failingIncomingInspection } from './seeded-world.fixture';

let stack: Stack;
let gateway: Gateway;
let url: string;
let adminToken: string;
let supergraphSdl: string;

beforeAll(async () => {
  stack = await startStack();
  await stack.seed('small');
  const definitions = (await loadSubgraphs(SUBGRAPH_NAMES)).map((m) => m.definition);
  ({ supergraphSdl } = await composeSupergraph(definitions, (d) => stack.subgraphs[d.name]!.http.url));
  gateway = await createGateway({ supergraphSdl, limits: { rateLimit: false }, responseCache: { bus: stack.bus, busPollMs: 200 } });
  url = (await gateway.listen(0)).url;
  adminToken = await tokenFor();
}, 240_000);

afterAll(async () => {
  await gateway?.stop();
  await stack?.stop();
});

const sql = <T>(subgraph: string, query: string, params: unknown[] = []) =>
  stack.subgraphs[subgraph]!.server.orm.em.fork().execute<T[]>(query, params);

/** Through the caching gateway, as ADMIN: the data (errors fail the test) and whether it was a hit. */
async function cachedAsk<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<{ data: T; cache: string | null }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { data: body.data, cache: response.headers.get(CACHE_HEADER) };
}

/** Every event so far relayed, reacted to, and read by the caching gateway's feed. */
async function settled(): Promise<void> {
  await stack.settle();
  const head = await stack.bus.head();
  for (let i = 0; i < 500 && Number(gateway.responseCacheStats().feed!.position) < Number(head); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(Number(gateway.responseCacheStats().feed!.position)).toBeGreaterThanOrEqual(Number(head));
}

/**
 * Polls `read` through the caching gateway until it gives `expected`; fails if, after the feed had read
 * the first event matching `isEvent` appended since `after`, any answer was still the old one.
 */
async function expectReplacedOnceOnBus(
  after: string,
  isEvent: (event: { type: string; subjectId: string }) => boolean,
  read: () => Promise<unknown>,
  expected: unknown,
): Promise<{ polls: number }> {
  const observer = await stack.bus.reader(`cache-test-${process.pid}-${after}`, []);
  let position: string | undefined;
  let oldAfterFeed = 0;
  let polls = 0;
  try {
    for (let attempt = 0; attempt < 1_000; attempt++) {
      position ??= (await observer.read(after, 1_000)).find(isEvent)?.position;
      const fed = position !== undefined && Number(gateway.responseCacheStats().feed!.position) >= Number(position);
      const value = await read();
      polls += 1;
      const fresh = JSON.stringify(value) === JSON.stringify(expected);
      if (fed && !fresh) oldAfterFeed += 1;
      if (fed && fresh) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await observer.close();
  }
  expect(position).toBeDefined();
  expect(oldAfterFeed).toBe(0);
  expect(await read()).toEqual(expected);
  return { polls };
}

describe('no cached answer outlives a committed change', () => {
  it('a mutation through the caching gateway is in the next answer, while identical queries race it', async () => {
    const [supplier] = await sql<{ id: string }>('suppliers', `select id from supplier order by code limit 1`);
    const query = 'query Facilities($id: ID!) { supplier(id: $id) { facilities { id } deliveryPerformance(from: "2020-01-01", to: "2030-01-01") { onTimeInFullRate } } }';
    const count = async () => (await cachedAsk(query, { id: supplier!.id })).data.supplier.facilities.length as number;
    let racing = true;
    // other clients asking the same thing all along: their answers race every mutation
    const racers = Array.from({ length: 3 }, async () => {
      while (racing) await cachedAsk(query, { id: supplier!.id });
    });
    try {
      let expected = await count();
      for (let i = 0; i < 20; i++) {
        dataOf(
          await stack.as({ roles: ['ADMIN'] })(`mutation($input: AddFacilityInput!) { addFacility(input: $input) { id } }`, {
            input: { supplierId: supplier!.id, name: `Race ${i}`, country: 'PL', region: 'EU', nearshore: true },
          }),
        );
        // that mutation went through the stack's gateway, not the caching one: this one learns it from
        // nothing (addFacility writes no event) — so the next one goes through the caching gateway
        const added = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
          body: JSON.stringify({
            query: 'mutation($input: AddFacilityInput!) { addFacility(input: $input) { id } }',
            variables: { input: { supplierId: supplier!.id, name: `Through ${i}`, country: 'PL', region: 'EU', nearshore: true } },
          }),
        });
        expect(((await added.json()) as { errors?: unknown }).errors).toBeUndefined();
        expected += 2;
        expect(await count()).toBe(expected);
      }
    } finally {
      racing = false;
      await Promise.all(racers);
    }
    expect(gateway.responseCacheStats().hits).toBeGreaterThan(0);
  });

  it('a mutation through another gateway: the cached answer goes once its event is on the bus', async () => {
    const [supplier] = await sql<{ id: string; status: string }>('suppliers', `select id, status from supplier where status = 'APPROVED' order by code limit 1`);
    const query = 'query Status($id: ID!) { supplier(id: $id) { status } }';
    const status = async () => (await cachedAsk(query, { id: supplier!.id })).data.supplier.status as string;
    await settled();
    await status();
    expect(await cachedAsk(query, { id: supplier!.id })).toEqual({ data: { supplier: { status: 'APPROVED' } }, cache: 'hit' });
    const head = gateway.responseCacheStats().feed!.position;
    dataOf(
      await stack.gateway(`mutation($input: SupplierStatusInput!) { setSupplierStatus(input: $input) { status } }`, {
        input: { supplierId: supplier!.id, status: 'PROBATION' },
      }),
    );
    await expectReplacedOnceOnBus(head, (e) => e.type === 'supplier.status_changed' && e.subjectId === supplier!.id, status, 'PROBATION');
  });

  it('a mutation that writes no event, through another caching gateway: the cached answer goes once its notice is on the bus', async () => {
    const other = await createGateway({ supergraphSdl, limits: { rateLimit: false }, responseCache: { bus: stack.bus, busPollMs: 200 } });
    try {
      const otherUrl = (await other.listen(0)).url;
      const [supplier] = await sql<{ id: string }>('suppliers', `select id from supplier order by code limit 1`);
      const query = 'query Facilities($id: ID!) { supplier(id: $id) { facilities { id } } }';
      const count = async () => (await cachedAsk(query, { id: supplier!.id })).data.supplier.facilities.length as number;
      await settled();
      const before = await count();
      expect((await cachedAsk(query, { id: supplier!.id })).cache).toBe('hit');
      const head = gateway.responseCacheStats().feed!.position;
      const response = await fetch(otherUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({
          query: 'mutation($input: AddFacilityInput!) { addFacility(input: $input) { id } }',
          variables: { input: { supplierId: supplier!.id, name: 'Notice Plant', country: 'DE', region: 'EU', nearshore: false } },
        }),
      });
      expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
      // addFacility writes no domain event: only the other gateway's notice can tell this one
      await expectReplacedOnceOnBus(head, (e) => e.type === 'gateway.mutation-committed', count, before + 1);
    } finally {
      await other.stop();
    }
  });

  it('a reaction in another subgraph: the cached lot goes once the reaction\'s event is on the bus', async () => {
    const { lotId, input } = await failingIncomingInspection(stack);
    const lotQuery = 'query Lot($id: ID!) { lot(id: $id) { status } }';
    const lotStatus = async () => (await cachedAsk(lotQuery, { id: lotId })).data.lot.status as string;
    await settled();
    await lotStatus();
    expect(await cachedAsk(lotQuery, { id: lotId })).toEqual({ data: { lot: { status: 'AVAILABLE' } }, cache: 'hit' });
    const head = gateway.responseCacheStats().feed!.position;
    // through the caching gateway: it bumps quality at once; inventory changes later, by the reaction
    const recorded = await cachedAsk(
      `mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { result } }`,
      { input },
    );
    expect(recorded.data).toEqual({ recordInspection: { result: 'FAIL' } });
    const { polls } = await expectReplacedOnceOnBus(
      head,
      (e) => e.type === 'lot.status_changed' && e.subjectId === lotId,
      lotStatus,
      'QUARANTINE',
    );
    expect(polls).toBeGreaterThan(0);
  });
});
