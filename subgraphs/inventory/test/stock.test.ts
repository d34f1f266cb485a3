// The stock ledger and stock levels: booking, refusal of overdraws, days of supply, batching.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '@cmgraph/testkit';
import { createLocation, createProduct, daysAgo, move, RECORD_MOVEMENT } from './fixtures';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(['inventory']);
});
afterAll(async () => stack?.stop());

const LEVELS = `query($id: ID!) { product(id: $id) { onHand stockLevels { location { id } onHand reserved available inTransit } } }`;
const LEDGER = `query($id: ID!) { stockMovements(filter: { productId: $id }, first: 1000) {
  totalCount nodes { type quantity fromLocation { id } toLocation { id } } } }`;

/** On hand per location as the ledger says it: what came in minus what went out. */
async function ledgerBalances(productId: string): Promise<Record<string, number>> {
  const { data } = await stack.gateway(LEDGER, { id: productId });
  const balance: Record<string, number> = {};
  for (const m of data.stockMovements.nodes) {
    if (m.toLocation) balance[m.toLocation.id] = (balance[m.toLocation.id] ?? 0) + m.quantity;
    if (m.fromLocation) balance[m.fromLocation.id] = (balance[m.fromLocation.id] ?? 0) - m.quantity;
  }
  return balance;
}

describe('stock movements', () => {
  it('updates stock levels in step with the ledger for adjustments, issues and transfers', async () => {
    const product = await createProduct(stack);
    const [a, b] = [await createLocation(stack), await createLocation(stack)];
    await move(stack, { type: 'ADJUST', productId: product.id, locationId: a.id, quantity: 100, reason: 'opening count' });
    await move(stack, { type: 'ISSUE', productId: product.id, fromLocationId: a.id, quantity: 30 });
    await move(stack, { type: 'TRANSFER', productId: product.id, fromLocationId: a.id, toLocationId: b.id, quantity: 20 });
    await move(stack, { type: 'ADJUST', productId: product.id, locationId: b.id, quantity: -5, reason: 'damaged' });

    const { data } = await stack.gateway(LEVELS, { id: product.id });
    const levels = Object.fromEntries(data.product.stockLevels.map((l: { location: { id: string }; onHand: number }) => [l.location.id, l.onHand]));
    expect(levels).toEqual({ [a.id]: 50, [b.id]: 15 });
    expect(levels).toEqual(await ledgerBalances(product.id));
    expect(data.product.onHand).toBe(65);
    expect(data.product.stockLevels[0]).toMatchObject({ reserved: 0, inTransit: 0, available: data.product.stockLevels[0].onHand });
  });

  it('refuses to issue more than is on hand and writes nothing to the ledger or the levels', async () => {
    const product = await createProduct(stack);
    const location = await createLocation(stack);
    await move(stack, { type: 'ADJUST', productId: product.id, locationId: location.id, quantity: 10, reason: 'count' });
    const before = await stack.gateway(LEDGER, { id: product.id });

    const result = await stack.gateway(RECORD_MOVEMENT, {
      input: { type: 'ISSUE', productId: product.id, fromLocationId: location.id, quantity: 10.5 },
    });
    expect(result.errors?.[0]).toMatchObject({
      extensions: { code: 'INSUFFICIENT_STOCK', field: 'quantity', onHand: 10, requested: 10.5 },
    });
    expect(await stack.gateway(LEDGER, { id: product.id })).toEqual(before);
    expect((await stack.gateway(LEVELS, { id: product.id })).data.product.onHand).toBe(10);
  });

  it('refuses a negative adjustment below zero and a transfer out of an empty location', async () => {
    const product = await createProduct(stack);
    const [a, b] = [await createLocation(stack), await createLocation(stack)];
    const adjust = await stack.gateway(RECORD_MOVEMENT, {
      input: { type: 'ADJUST', productId: product.id, locationId: a.id, quantity: -1, reason: 'lost' },
    });
    expect(adjust.errors?.[0]).toMatchObject({ extensions: { code: 'INSUFFICIENT_STOCK' } });
    // Levels are locked in id order, so this transfer credits `a` before it finds `b` empty: the
    // credit must roll back with the rest.
    const transfer = await stack.gateway(RECORD_MOVEMENT, {
      input: { type: 'TRANSFER', productId: product.id, fromLocationId: b.id, toLocationId: a.id, quantity: 1 },
    });
    expect(transfer.errors?.[0]).toMatchObject({ extensions: { code: 'INSUFFICIENT_STOCK', field: 'quantity' } });
    expect((await stack.gateway(LEDGER, { id: product.id })).data.stockMovements.totalCount).toBe(0);
    expect((await stack.gateway(LEVELS, { id: product.id })).data.product).toEqual({ onHand: 0, stockLevels: [] });
  });

  it('lets concurrent issues take only what is there: the row lock serialises them', async () => {
    const product = await createProduct(stack);
    const location = await createLocation(stack);
    await move(stack, { type: 'ADJUST', productId: product.id, locationId: location.id, quantity: 10, reason: 'count' });
    const issue = { type: 'ISSUE', productId: product.id, fromLocationId: location.id, quantity: 3 };
    const results = await Promise.all(Array.from({ length: 6 }, () => stack.gateway(RECORD_MOVEMENT, { input: issue })));
    expect(results.filter((r) => !r.errors)).toHaveLength(3);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'INSUFFICIENT_STOCK')).toHaveLength(3);
    expect((await stack.gateway(LEVELS, { id: product.id })).data.product.onHand).toBe(1);
    expect(await ledgerBalances(product.id)).toEqual({ [location.id]: 1 });
  });

  it('names the offending field when a movement lacks what its type needs', async () => {
    const product = await createProduct(stack);
    const lotTracked = await createProduct(stack, { tracking: 'LOT' });
    const location = await createLocation(stack);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ type: 'ISSUE', productId: product.id, quantity: 1 }, 'BAD_USER_INPUT', 'fromLocationId'],
      [{ type: 'ISSUE', productId: product.id, fromLocationId: location.id, quantity: 0 }, 'BAD_USER_INPUT', 'quantity'],
      [{ type: 'ADJUST', productId: product.id, locationId: location.id, quantity: 5 }, 'BAD_USER_INPUT', 'reason'],
      [{ type: 'TRANSFER', productId: product.id, fromLocationId: location.id, toLocationId: location.id, quantity: 1 }, 'BAD_USER_INPUT', 'toLocationId'],
      [{ type: 'ISSUE', productId: lotTracked.id, fromLocationId: location.id, quantity: 1 }, 'BAD_USER_INPUT', 'lotId'],
      [{ type: 'ISSUE', productId: '0190a000-0000-7000-8000-000000000000', fromLocationId: location.id, quantity: 1 }, 'NOT_FOUND', 'productId'],
    ];
    for (const [input, code, field] of cases) {
      const result = await stack.gateway(RECORD_MOVEMENT, { input });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
    }
  });
});

describe('stock levels', () => {
  it('computes days of supply from the last 30 days of issues at that location', async () => {
    const product = await createProduct(stack);
    const [a, b] = [await createLocation(stack), await createLocation(stack)];
    await move(stack, { type: 'ADJUST', productId: product.id, locationId: a.id, quantity: 300, reason: 'count', occurredAt: daysAgo(60) });
    await move(stack, { type: 'ADJUST', productId: product.id, locationId: b.id, quantity: 50, reason: 'count' });
    await move(stack, { type: 'ISSUE', productId: product.id, fromLocationId: a.id, quantity: 100, occurredAt: daysAgo(40) });
    await move(stack, { type: 'ISSUE', productId: product.id, fromLocationId: a.id, quantity: 60, occurredAt: daysAgo(10) });
    await move(stack, { type: 'ISSUE', productId: product.id, fromLocationId: a.id, quantity: 30, occurredAt: daysAgo(5) });
    await move(stack, { type: 'TRANSFER', productId: product.id, fromLocationId: a.id, toLocationId: b.id, quantity: 10 });

    const { data } = await stack.gateway(`query($id: ID!) { product(id: $id) { stockLevels { location { id } onHand daysOfSupply } } }`, { id: product.id });
    const byLocation = Object.fromEntries(data.product.stockLevels.map((l: any) => [l.location.id, l]));
    // A: 300 − 100 − 60 − 30 − 10 = 100 on hand; demand in window 60 + 30 = 90 → 3/day → 33.33 days.
    // The transfer is not demand, and the issue 40 days ago is outside the window.
    expect(byLocation[a.id].onHand).toBe(100);
    expect(byLocation[a.id].daysOfSupply).toBeCloseTo(100 / 3, 6);
    // B has had no issues: no demand, no meaningful days of supply.
    expect(byLocation[b.id]).toMatchObject({ onHand: 60, daysOfSupply: null });
  });

  it('sets safety stock and a reorder point, creating the level when none exists', async () => {
    const product = await createProduct(stack);
    const location = await createLocation(stack);
    const SET = `mutation($input: SetStockPolicyInput!) { setStockPolicy(input: $input) { onHand safetyStock reorderPoint belowReorderPoint } }`;
    const set = await stack.gateway(SET, { input: { productId: product.id, locationId: location.id, safetyStock: 5, reorderPoint: 20 } });
    expect(set.data.setStockPolicy).toEqual({ onHand: 0, safetyStock: 5, reorderPoint: 20, belowReorderPoint: true });
    const bad = await stack.gateway(SET, { input: { productId: product.id, locationId: location.id, safetyStock: 30, reorderPoint: 20 } });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reorderPoint' } });
  });
});

describe('batching', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Product { sku onHand stockLevels { onHand available daysOfSupply location { code } } } } }`;

  async function statementsFor(ids: string[]): Promise<number> {
    stack.resetStatementCounts();
    const result = await stack.subgraph('inventory')(ENTITIES, { r: ids.map((id) => ({ __typename: 'Product', id })) });
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toHaveLength(ids.length);
    return stack.subgraphs.inventory!.statements;
  }

  it('resolves onHand and stock levels of 50 products with as many SQL statements as for 5', async () => {
    const location = await createLocation(stack);
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const product = await createProduct(stack);
      await move(stack, { type: 'ADJUST', productId: product.id, locationId: location.id, quantity: 10 + i, reason: 'count' });
      if (i % 2) await move(stack, { type: 'ISSUE', productId: product.id, fromLocationId: location.id, quantity: 1 });
      ids.push(product.id);
    }
    const five = await statementsFor(ids.slice(0, 5));
    const fifty = await statementsFor(ids);
    expect(fifty).toBe(five);
    expect(fifty).toBeLessThanOrEqual(4); // products, their levels, the levels' locations, recent demand
  });
});
