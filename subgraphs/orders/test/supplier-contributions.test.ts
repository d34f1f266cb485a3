// What orders contributes to Supplier, through the gateway: delivery performance on a small dataset
// whose figures are worked out by hand, one statement for any number of suppliers, and paging.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '@cmgraph/testkit';
import { deliveryPerformance } from '../src/supplier/delivery-performance';
import { CREATE_PO, acknowledgedOrder, createParties, deliver, mutate, ok, purchaseOrderInput, type Parties } from './fixtures';

let stack: Stack;
let measured: Parties;
let idle: Parties;
beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders']);
  [measured, idle] = [await createParties(stack), await createParties(stack, 1)];
  // March 2026 for `measured`, hand-computed with the default window (3 days early, 0 late):
  //   L1 10 promised 03-10, delivered 03-10 in full         → due, OTIF
  //   L2 20 promised 03-12, delivered 03-08 (4 days early)  → due, miss
  //   L3 30 promised 03-15, 20 delivered 03-10 (short)      → due, miss
  //   L4 40 rejected                                        → not due
  //   L5 50 promised 03-20, delivered 03-22 (2 days late)   → due, miss (OTIF with daysLate: 2)
  //   L6  5 promised 04-05                                  → outside the period
  //   a cancelled order and a draft order promised in March → not due
  // due 4, OTIF 1 → 0.25; ordered 10+20+30+50 = 110; delivered 10+20+20+50 = 100 → 100/110.
  const po = await acknowledgedOrder(stack, measured, [
    { quantity: 10, promisedDate: '2026-03-10' }, { quantity: 20, promisedDate: '2026-03-12' },
    { quantity: 30, promisedDate: '2026-03-15' }, { quantity: 40, status: 'REJECTED' },
    { quantity: 50, promisedDate: '2026-03-20' }, { quantity: 5, promisedDate: '2026-04-05' },
  ]);
  const [l1, l2, l3, , l5] = po.lines.map((line) => line.id);
  await deliver(stack, measured, [{ purchaseOrderLineId: l1!, quantity: 10 }, { purchaseOrderLineId: l3!, quantity: 20 }], '2026-03-10T12:00:00Z');
  await deliver(stack, measured, [{ purchaseOrderLineId: l2!, quantity: 20 }], '2026-03-08T12:00:00Z');
  await deliver(stack, measured, [{ purchaseOrderLineId: l5!, quantity: 50 }], '2026-03-22T09:00:00Z');
  const cancelled = await acknowledgedOrder(stack, measured, [{ quantity: 70, promisedDate: '2026-03-11' }]);
  ok(await stack.gateway(`mutation($id: ID!) { cancelPurchaseOrder(id: $id, reason: "test") { id } }`, { id: cancelled.id }));
  await mutate(stack, CREATE_PO, purchaseOrderInput(measured, [{ quantity: 80, requestedDate: '2026-03-11' }]));
});
afterAll(async () => stack?.stop());

const PERFORMANCE = `query($id: ID!, $daysLate: Int) { supplier(id: $id) {
  deliveryPerformance(from: "2026-03-01", to: "2026-03-31", daysLate: $daysLate) {
    linesDue linesOnTimeInFull onTimeInFullRate quantityOrdered quantityDelivered fillRate
  }
  onTimeInFullRate(from: "2026-03-01", to: "2026-03-31")
  fillRate(from: "2026-03-01", to: "2026-03-31")
} }`;

describe('Supplier.deliveryPerformance', () => {
  it('reports the hand-computed OTIF and fill rate for March', async () => {
    const { supplier } = ok(await stack.gateway(PERFORMANCE, { id: measured.supplierId }));
    expect(supplier).toEqual({
      deliveryPerformance: {
        linesDue: 4, linesOnTimeInFull: 1, onTimeInFullRate: 0.25, quantityOrdered: 110, quantityDelivered: 100, fillRate: 100 / 110,
      },
      onTimeInFullRate: 0.25,
      fillRate: 100 / 110,
    });
  });

  it('counts the two-days-late line as on time when the window allows two days late', async () => {
    const { supplier } = ok(await stack.gateway(PERFORMANCE, { id: measured.supplierId, daysLate: 2 }));
    expect(supplier.deliveryPerformance).toMatchObject({ linesOnTimeInFull: 2, onTimeInFullRate: 0.5 });
  });

  it('agrees with the pure definition applied to the same lines read back through the API', async () => {
    const { supplier } = ok(await stack.gateway(`query($id: ID!) { supplier(id: $id) { purchaseOrders(first: 100) { nodes {
      status lines { quantity quantityDelivered requestedDate originalPromisedDate deliveredInFullOn ackStatus }
    } } } }`, { id: measured.supplierId }));
    const lines = supplier.purchaseOrders.nodes.flatMap((po: { status: string; lines: any[] }) =>
      po.lines.map((line) => ({ ...line, rejected: line.ackStatus === 'REJECTED', orderInactive: ['DRAFT', 'CANCELLED'].includes(po.status) })));
    const expected = deliveryPerformance(lines, { from: '2026-03-01', to: '2026-03-31', daysEarly: 3, daysLate: 0 });
    expect(ok(await stack.gateway(PERFORMANCE, { id: measured.supplierId })).supplier.deliveryPerformance).toEqual(expected);
  });

  it('answers null rates, not zero, for a supplier with nothing due', async () => {
    const { supplier } = ok(await stack.gateway(PERFORMANCE, { id: idle.supplierId }));
    expect(supplier).toEqual({
      deliveryPerformance: { linesDue: 0, linesOnTimeInFull: 0, onTimeInFullRate: null, quantityOrdered: 0, quantityDelivered: 0, fillRate: null },
      onTimeInFullRate: null,
      fillRate: null,
    });
  });

  it('computes the figures for every supplier of a list in one SQL statement', async () => {
    for (let i = 0; i < 3; i++) await createParties(stack, 1); // more suppliers must not mean more statements
    const query = `{ suppliers(first: 100) { nodes { code
      deliveryPerformance(from: "2026-03-01", to: "2026-03-31") { linesDue onTimeInFullRate }
      onTimeInFullRate(from: "2026-03-01", to: "2026-03-31") fillRate(from: "2026-03-01", to: "2026-03-31")
    } } }`;
    stack.resetStatementCounts();
    const { suppliers } = ok(await stack.gateway(query));
    expect(suppliers.nodes.length).toBeGreaterThanOrEqual(5);
    expect(stack.subgraphs.orders!.statements).toBe(1);
  });

  it('refuses a period that ends before it starts, naming `to`', async () => {
    const result = await stack.gateway(`query($id: ID!) { supplier(id: $id) { fillRate(from: "2026-03-31", to: "2026-03-01") } }`, { id: idle.supplierId });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'to' } });
  });
});

describe('Supplier.purchaseOrders', () => {
  let paged: Parties;
  beforeAll(async () => {
    paged = await createParties(stack, 1);
    for (let i = 0; i < 5; i++) await mutate(stack, CREATE_PO, purchaseOrderInput(paged, [{ quantity: i + 1 }]));
  });

  const PAGE = `query($id: ID!, $after: String, $filter: SupplierPurchaseOrderFilter) { supplier(id: $id) {
    purchaseOrders(first: 2, after: $after, filter: $filter) { totalCount nodes { number } pageInfo { hasNextPage endCursor } }
  } }`;

  it("pages through a supplier's orders in creation order without gaps or repeats", async () => {
    const numbers: string[] = [];
    const sizes: number[] = [];
    let after: string | null = null;
    do {
      const response: { supplier: { purchaseOrders: any } } = ok(await stack.gateway(PAGE, { id: paged.supplierId, after }));
      const page = response.supplier.purchaseOrders;
      expect(page.totalCount).toBe(5);
      numbers.push(...page.nodes.map((n: { number: string }) => n.number));
      sizes.push(page.nodes.length);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(sizes).toEqual([2, 2, 1]);
    expect(numbers).toEqual([...numbers].sort());
    expect(new Set(numbers).size).toBe(5);
  });

  it('filters by status and counts only the matching orders', async () => {
    const { supplier } = ok(await stack.gateway(PAGE, { id: paged.supplierId, filter: { statuses: ['SENT'] } }));
    expect(supplier.purchaseOrders).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('serves the first page of every supplier in a list with one statement, and their totals with one more', async () => {
    stack.resetStatementCounts();
    const { suppliers } = ok(await stack.gateway(`{ suppliers(first: 100) { nodes { code purchaseOrders(first: 2) { totalCount nodes { number } } } } }`));
    const byCode = Object.fromEntries(suppliers.nodes.map((s: { code: string; purchaseOrders: unknown }) => [s.code, s.purchaseOrders]));
    expect(Object.values(byCode).filter((p: any) => p.totalCount === 5)).toHaveLength(1);
    expect(stack.subgraphs.orders!.statements).toBe(2);
  });
});
