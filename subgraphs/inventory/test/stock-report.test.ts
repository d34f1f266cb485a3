// Days of supply (Product.daysOfSupply) and the stock report on a small world whose figures are worked
// out by hand below: the demand window's edges (its first instant counts, today does not), what is
// demand and what is not, filters, paging while stock levels appear, incremental refresh, who may read
// them, and statements per page.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, newId, today } from '@cmgraph/platform';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { createLocation, createProduct, move } from './fixtures';
import { busEvent, deliverToInventory } from './event-fixtures';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(['inventory']);
  await buildWorld();
}, 120_000);
afterAll(async () => stack?.stop());

// The window: the 90 whole UTC days before today, [today − 90 days 00:00Z, today 00:00Z).
const day = today();
const windowFrom = `${addDays(day, -90)}T00:00:00.000Z`;
const windowTo = `${day}T00:00:00.000Z`;
const shift = (iso: string, days: number, ms = 0) => new Date(Date.parse(iso) + days * 86_400_000 + ms).toISOString();

const w = {} as { p1: string; p2: string; p3: string; p4: string; p5: string; a: string; b: string };

async function buildWorld(): Promise<void> {
  [w.p1, w.p2, w.p3, w.p4, w.p5] = (await Promise.all([1, 2, 3, 4, 5].map(() => createProduct(stack)))).map((p) => p.id).sort();
  w.a = (await createLocation(stack)).id;
  w.b = (await createLocation(stack)).id;
  const adjust = (productId: string, locationId: string, quantity: number, occurredAt?: string) =>
    move(stack, { type: 'ADJUST', productId, locationId, quantity, reason: 'count', occurredAt });
  const issue = (productId: string, quantity: number, occurredAt: string) =>
    move(stack, { type: 'ISSUE', productId, fromLocationId: w.a, quantity, occurredAt });

  // P1 at A: +1000 (count, not demand); issues 100 one millisecond before the window (outside),
  // 90 at its first instant (inside), 45 thirty days ago (inside), 50 at today 00:00 (outside);
  // transfer 100 to B (not demand). On hand 1000 − 100 − 90 − 45 − 50 − 100 = 615; demand 90 + 45 = 135.
  await adjust(w.p1, w.a, 1000, shift(windowFrom, -30));
  await issue(w.p1, 100, shift(windowFrom, 0, -1));
  await issue(w.p1, 90, windowFrom);
  await issue(w.p1, 45, shift(windowTo, -30));
  await issue(w.p1, 50, windowTo);
  await move(stack, { type: 'TRANSFER', productId: w.p1, fromLocationId: w.a, toLocationId: w.b, quantity: 100, occurredAt: shift(windowTo, -10) });
  // P1 at B: +200, the transfer's +100, production consumes 45 twenty days ago (demand), a loss of 15
  // (a count correction, not demand). On hand 200 + 100 − 45 − 15 = 240; demand 45.
  await adjust(w.p1, w.b, 200, shift(windowFrom, -30));
  const consumptionId = newId();
  await deliverToInventory(stack, busEvent('production', 'consumption.recorded', { type: 'MaterialConsumption', id: consumptionId }, {
    consumptionId, workOrderId: newId(), productId: w.p1, quantity: 45, locationId: w.b, occurredAt: shift(windowTo, -20),
  }));
  await adjust(w.p1, w.b, -15, shift(windowTo, -5));
  // P2 at A: 30 on hand, no demand; reorder point 40 (safety 10): available 30 ≤ 40, below.
  await adjust(w.p2, w.a, 30);
  await setPolicy(w.p2, w.a, 10, 40);
  // P3 at A: 20 in, all 20 issued 40 days ago: on hand 0, demand 20.
  await adjust(w.p3, w.a, 20, shift(windowTo, -50));
  await issue(w.p3, 20, shift(windowTo, -40));
  // P4: never stocked. P5 at B: a policy only (reorder point 5), nothing on hand: below.
  await setPolicy(w.p5, w.b, 0, 5);
}

async function setPolicy(productId: string, locationId: string, safetyStock: number, reorderPoint: number): Promise<void> {
  dataOf(await stack.gateway(`mutation($input: SetStockPolicyInput!) { setStockPolicy(input: $input) { id } }`, {
    input: { productId, locationId, safetyStock, reorderPoint },
  }));
}

const REPORT = `query($filter: StockReportFilter, $first: Int, $after: String, $updatedSince: DateTime) {
  stockReport(filter: $filter, first: $first, after: $after, updatedSince: $updatedSince) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { key productId locationId onHand reserved available safetyStock reorderPoint belowReorderPoint averageDailyDemand daysOfSupply }
  }
}`;

const world = () => [w.p1, w.p2, w.p3, w.p4, w.p5];
const key = (productId: string, locationId: string) => `${productId}|${locationId}`;

/** The report's rows as worked out by hand, in key order. */
function expectedRows() {
  const row = (productId: string, locationId: string, onHand: number, safetyStock: number, reorderPoint: number, demand: number) => ({
    key: key(productId, locationId), productId, locationId, onHand, reserved: 0, available: onHand, safetyStock, reorderPoint,
    belowReorderPoint: reorderPoint > 0 && onHand <= reorderPoint,
    averageDailyDemand: demand / 90,
    daysOfSupply: demand > 0 ? onHand / (demand / 90) : null,
  });
  return [
    row(w.p1, w.a, 615, 0, 0, 135), // 135 / 90 = 1.5 a day → 615 / 1.5 = 410 days
    row(w.p1, w.b, 240, 0, 0, 45), // 45 / 90 = 0.5 a day → 240 / 0.5 = 480 days
    row(w.p2, w.a, 30, 10, 40, 0), // no demand → null
    row(w.p3, w.a, 0, 0, 0, 20), // nothing on hand → 0 days
    row(w.p5, w.b, 0, 0, 5, 0), // a policy only: no stock, no demand
  ].sort((x, y) => (x.key < y.key ? -1 : 1));
}

describe('Product.daysOfSupply', () => {
  const PRODUCTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id onHand daysOfSupply } } }`;

  it('divides on hand over all locations by the average daily demand of the 90 days before today', async () => {
    const { _entities } = dataOf(await stack.subgraph('inventory')(PRODUCTS, { r: world().map((id) => ({ __typename: 'Product', id })) }));
    expect(_entities).toEqual([
      // on hand 615 + 240 = 855; demand 135 + 45 = 180 over 90 days = 2 a day → 427.5 days
      { id: w.p1, onHand: 855, daysOfSupply: 427.5 },
      { id: w.p2, onHand: 30, daysOfSupply: null }, // no demand
      { id: w.p3, onHand: 0, daysOfSupply: 0 }, // demand, nothing left
      { id: w.p4, onHand: 0, daysOfSupply: null }, // never stocked
      { id: w.p5, onHand: 0, daysOfSupply: null },
    ]);
  });

  it('is refused to a partner (null with FORBIDDEN) and read by an analyst', async () => {
    const partner = stack.subgraph('inventory', { caller: { roles: ['PARTNER'], supplierId: newId() } });
    const refused = await partner(PRODUCTS, { r: [{ __typename: 'Product', id: w.p1 }] });
    expect(refused.data?._entities).toEqual([{ id: w.p1, onHand: null, daysOfSupply: null }]);
    expect(refused.errors?.map((e) => [e.path?.join('.'), e.extensions?.code]).sort()).toEqual([
      ['_entities.0.daysOfSupply', 'FORBIDDEN'], ['_entities.0.onHand', 'FORBIDDEN'],
    ]);
    const analyst = stack.as({ roles: ['ANALYST'] });
    const read = dataOf(await analyst(`query($id: ID!) { product(id: $id) { daysOfSupply } }`, { id: w.p1 }));
    expect(read.product.daysOfSupply).toBe(427.5);
  });

  it('costs as many SQL statements for 20 products as for 2', async () => {
    const location = await createLocation(stack);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const product = await createProduct(stack);
      await move(stack, { type: 'ADJUST', productId: product.id, locationId: location.id, quantity: 10, reason: 'count' });
      if (i % 2) await move(stack, { type: 'ISSUE', productId: product.id, fromLocationId: location.id, quantity: 1, occurredAt: shift(windowTo, -1) });
      ids.push(product.id);
    }
    const statementsFor = async (some: string[]) => {
      stack.resetStatementCounts();
      const { _entities } = dataOf(await stack.subgraph('inventory')(PRODUCTS, { r: some.map((id) => ({ __typename: 'Product', id })) }));
      expect(_entities[1].daysOfSupply).toBe(9 / (1 / 90)); // 9 left, 1 issued in the window
      return stack.subgraphs.inventory!.statements;
    };
    const two = await statementsFor(ids.slice(0, 2));
    expect(await statementsFor(ids)).toBe(two);
    expect(two).toBeLessThanOrEqual(3); // products, their levels, their demand
  });
});

describe('stockReport', () => {
  const report = async (variables: Record<string, unknown>) => dataOf(await stack.gateway(REPORT, variables)).stockReport;

  it('reports every product at every location with hand-computed stock, policy and days of supply', async () => {
    const page = await report({ filter: { productIds: world() }, first: 100 });
    expect(page.totalCount).toBe(5);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.nodes).toEqual(expectedRows());
    expect(page.nodes.find((r: { key: string }) => r.key === key(w.p1, w.a)).daysOfSupply).toBe(410);
    expect(page.nodes.find((r: { key: string }) => r.key === key(w.p1, w.b)).daysOfSupply).toBe(480);
  });

  it('filters by location, by product and by the reorder point, together', async () => {
    const keys = async (filter: Record<string, unknown>) =>
      (await report({ filter: { productIds: world(), ...filter }, first: 100 })).nodes.map((r: { key: string }) => r.key);
    const inOrder = (...ks: string[]) => [...ks].sort();
    expect(await keys({ locationIds: [w.b] })).toEqual(inOrder(key(w.p1, w.b), key(w.p5, w.b)));
    expect(await keys({ belowReorderPoint: true })).toEqual(inOrder(key(w.p2, w.a), key(w.p5, w.b)));
    expect(await keys({ belowReorderPoint: false })).toEqual(inOrder(key(w.p1, w.a), key(w.p1, w.b), key(w.p3, w.a)));
    expect(await keys({ productIds: [w.p1], locationIds: [w.a, w.b], belowReorderPoint: false })).toEqual(inOrder(key(w.p1, w.a), key(w.p1, w.b)));
    expect(await keys({ productIds: [w.p4] })).toEqual([]);
  });

  it('returns with updatedSince only the levels changed since', async () => {
    const { nodes } = await report({ filter: { productIds: world() }, first: 100 });
    const since = new Date(Date.now() + 1).toISOString();
    expect((await report({ filter: { productIds: world() }, updatedSince: since })).totalCount).toBe(0);
    await move(stack, { type: 'ADJUST', productId: w.p2, locationId: w.a, quantity: 5, reason: 'recount' });
    const changed = await report({ filter: { productIds: world() }, updatedSince: since });
    expect(changed.nodes.map((r: { key: string }) => r.key)).toEqual([key(w.p2, w.a)]);
    expect(changed.nodes[0]).toMatchObject({ onHand: 35, available: 35, belowReorderPoint: true });
    await move(stack, { type: 'ADJUST', productId: w.p2, locationId: w.a, quantity: -5, reason: 'recount undone' });
    expect((await report({ filter: { productIds: world() }, first: 100 })).nodes).toEqual(nodes);
  });

  it('joins each row to its product and location', async () => {
    const { stockReport } = dataOf(await stack.gateway(`query($ids: [ID!]) {
      stockReport(filter: { productIds: $ids, locationIds: $ids }) { nodes { product { id } location { id } } } }`, { ids: [w.p3, w.a] }));
    expect(stockReport.nodes).toEqual([{ product: { id: w.p3 }, location: { id: w.a } }]);
  });

  it('runs as one statement per page, however many rows and whatever is joined', async () => {
    const QUERY = `query($first: Int) { stockReport(first: $first) { totalCount nodes { key daysOfSupply product { sku } location { code } } } }`;
    const statementsFor = async (first: number) => {
      stack.resetStatementCounts();
      const { stockReport } = dataOf(await stack.subgraph('inventory')(QUERY, { first }));
      expect(stockReport.nodes).toHaveLength(Math.min(first, stockReport.totalCount));
      return stack.subgraphs.inventory!.statements;
    };
    const small = await statementsFor(2);
    expect(await statementsFor(1000)).toBe(small);
    expect(small).toBe(3); // the report page, its products, its locations
  });

  it('is FORBIDDEN to a partner and readable by an analyst', async () => {
    const partner = stack.subgraph('inventory', { caller: { roles: ['PARTNER'], supplierId: newId() } });
    const refused = await partner(REPORT, { filter: { productIds: world() } });
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const analyst = dataOf(await stack.as({ roles: ['ANALYST'] })(REPORT, { filter: { productIds: world(), locationIds: [w.a, w.b] } }));
    expect(analyst.stockReport.nodes).toEqual(expectedRows());
  });

  it('names the offending argument for an id or a cursor that is not one', async () => {
    const badId = await stack.gateway(REPORT, { filter: { productIds: ['nope'] } });
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.productIds' });
    const badCursor = await stack.gateway(REPORT, { after: Buffer.from('id:whatever').toString('base64url') });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('pages with first: 2 through every row exactly once while stock levels appear between pages', async () => {
    const before = (await report({ first: 1000 })).nodes.map((r: { key: string }) => r.key);
    expect(before.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let after: string | null = null;
    let appeared = 0;
    for (;;) {
      const page: any = await report({ first: 2, after });
      seen.push(...page.nodes.map((r: { key: string }) => r.key));
      after = page.pageInfo.endCursor;
      if (!page.pageInfo.hasNextPage) break;
      if (appeared >= 12) continue;
      // a new location for P1 (its row sorts inside the report, soon behind the cursor) and a new product (at the end)
      const location = await createLocation(stack);
      await move(stack, { type: 'ADJUST', productId: w.p1, locationId: location.id, quantity: 1, reason: 'count' });
      const product = await createProduct(stack);
      await move(stack, { type: 'ADJUST', productId: product.id, locationId: w.a, quantity: 1, reason: 'count' });
      appeared += 2;
    }
    for (const k of before) expect(seen.filter((s) => s === k)).toHaveLength(1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
    expect(appeared).toBeGreaterThan(0);
    // an empty page past the end still counts the rows
    const past = await report({ first: 2, after });
    expect(past).toMatchObject({ totalCount: before.length + appeared, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});
