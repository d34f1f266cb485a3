// Paging acceptance for BI readers: walking `purchaseOrders` seven at a time while orders are created
// between pages returns every order that existed when the walk began exactly once, and `updatedSince`
// returns exactly the orders created or changed since.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEntitiesStub, startStack, type EntitiesStub, type Stack } from '@cmgraph/testkit';
import { CREATE_PO, mutate, ok, purchaseOrderInput, SEND_PO, type Parties } from './fixtures';
import { stubParties } from './report-fixtures';

let suppliers: EntitiesStub;
let stack: Stack;
let A: Parties;
let B: Parties;

const createOrder = async (parties: Parties): Promise<string> =>
  (await mutate(stack, CREATE_PO, purchaseOrderInput(parties, [{ quantity: 1 }]))).createPurchaseOrder.id;

beforeAll(async () => {
  suppliers = await startEntitiesStub();
  stack = await startStack(['inventory', 'orders'], { peers: { suppliers: suppliers.url } });
  A = await stubParties(stack, suppliers, 1);
  B = await stubParties(stack, suppliers, 1);
  for (let i = 0; i < 20; i++) await createOrder(i % 3 ? A : B);
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await suppliers?.close();
});

const PAGE = `query($after: String, $updatedSince: DateTime, $first: Int) {
  purchaseOrders(first: $first, after: $after, updatedSince: $updatedSince) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id updatedAt }
  }
}`;

interface OrdersPage { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { id: string; updatedAt: string }[] }

async function page(variables: Record<string, unknown>): Promise<OrdersPage> {
  return ok(await stack.gateway(PAGE, variables)).purchaseOrders;
}

/** Every order now, in list order. */
async function everyOrder(): Promise<{ id: string; updatedAt: string }[]> {
  return (await page({ first: 1000 })).nodes;
}

describe('purchaseOrders paging', () => {
  it('returns every pre-existing order exactly once, seven at a time, while orders are created between pages', async () => {
    const before = (await everyOrder()).map((o) => o.id);
    expect(before.length).toBeGreaterThanOrEqual(20);
    const seen: string[] = [];
    const created: string[] = [];
    let after: string | null = null;
    do {
      const current: OrdersPage = await page({ first: 7, after });
      expect(current.nodes.length).toBeLessThanOrEqual(7);
      seen.push(...current.nodes.map((o) => o.id));
      created.push(await createOrder(A), await createOrder(B)); // two new orders between every two pages
      after = current.pageInfo.hasNextPage ? current.pageInfo.endCursor : null;
    } while (after);
    expect(seen.filter((id) => before.includes(id))).toEqual(before); // each once, in the original order
    expect(new Set(seen).size).toBe(seen.length);
    // anything else seen was created during the walk (new ids sort after the cursor: they may show up at the end)
    expect(seen.filter((id) => !before.includes(id)).every((id) => created.includes(id))).toBe(true);
  });

  it('returns with updatedSince exactly the orders created or changed since, paged too', async () => {
    const all = await everyOrder();
    // just after the latest change so far: nothing existing qualifies until it changes
    const since = new Date(Math.max(...all.map((o) => Date.parse(o.updatedAt))) + 1).toISOString();
    expect(await page({ first: 100, updatedSince: since })).toMatchObject({ totalCount: 0, nodes: [] });
    const sent = all[3]!.id;
    const cancelled = all[11]!.id;
    ok(await stack.gateway(SEND_PO, { id: sent }));
    ok(await stack.gateway(`mutation($id: ID!) { cancelPurchaseOrder(id: $id, reason: "test") { id } }`, { id: cancelled }));
    const fresh = await createOrder(B);
    const changed: string[] = [];
    let after: string | null = null;
    do {
      const current: OrdersPage = await page({ first: 1, after, updatedSince: since });
      expect(current.totalCount).toBe(3);
      changed.push(...current.nodes.map((o) => o.id));
      after = current.pageInfo.hasNextPage ? current.pageInfo.endCursor : null;
    } while (after);
    expect(changed).toEqual([sent, cancelled, fresh].sort());
  });
});
