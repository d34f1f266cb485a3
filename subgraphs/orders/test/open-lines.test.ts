// Open purchase-order lines for delivery risk: which lines are open, `latestEta` worked out by hand,
// `currentPromisedDate openQuantity latestEta` resolved for any number of line references in a constant
// number of statements (what a @requires in another subgraph asks), paging and partners.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEntitiesStub, startStack, type EntitiesStub, type Stack } from '@cmgraph/testkit';
import {
  ACKNOWLEDGE_PO, acknowledgedOrder, CREATE_PO, CREATE_SHIPMENT, deliver, mutate, ok, purchaseOrderInput, RECORD_MILESTONE, SEND_PO, shipmentInput,
  type Parties,
} from './fixtures';
import { stubParties } from './report-fixtures';

let suppliers: EntitiesStub;
let stack: Stack;
let A: Parties;
let B: Parties;
const line: Record<string, string> = {};

const book = (parties: Parties, purchaseOrderLineId: string, quantity: number, eta: string) =>
  mutate(stack, CREATE_SHIPMENT, shipmentInput(parties, [{ purchaseOrderLineId, quantity }], { eta }));

beforeAll(async () => {
  suppliers = await startEntitiesStub();
  stack = await startStack(['inventory', 'orders'], { peers: { suppliers: suppliers.url } });
  A = await stubParties(stack, suppliers, 2);
  B = await stubParties(stack, suppliers, 1);
  // Supplier A, PO1 (acknowledged):
  //   o1 10 promised 03-10; booked 4 (ETA 03-08) and 3 (ETA 03-12); 2 delivered (ETA 03-20)
  //      → open 10 − 9 = 1; latest ETA of the shipments not delivered: 03-12 (the delivered one's 03-20 does not count)
  //   o2  5 promised 03-20; all 5 delivered → open 0: not listed; latestEta null
  //   o3  7 promised 04-15; nothing shipped → open 7; latestEta null
  //   o4  3 rejected → not listed
  //   o5  9 promised 03-25, moved to 04-05 (DATE_CHANGED); booked 2 (ETA 04-07) → open 7; latestEta 04-07
  const po1 = await acknowledgedOrder(stack, A, [
    { quantity: 10, promisedDate: '2026-03-10' }, { quantity: 5, promisedDate: '2026-03-20' }, { quantity: 7, promisedDate: '2026-04-15' },
    { quantity: 3, status: 'REJECTED' }, { quantity: 9, promisedDate: '2026-03-25' },
  ]);
  [line.o1, line.o2, line.o3, line.o4, line.o5] = po1.lines.map((l) => l.id);
  await book(A, line.o1!, 4, '2026-03-08');
  await book(A, line.o1!, 3, '2026-03-12');
  const lastOfO1 = await book(A, line.o1!, 2, '2026-03-20');
  await mutate(stack, RECORD_MILESTONE, { shipmentId: lastOfO1.createShipment.id, type: 'DELIVERED', occurredAt: '2026-03-09T10:00:00Z' });
  await deliver(stack, A, [{ purchaseOrderLineId: line.o2!, quantity: 5 }], '2026-03-19T10:00:00Z');
  await mutate(stack, ACKNOWLEDGE_PO, { purchaseOrderId: po1.id, lines: [{ lineId: line.o5, status: 'DATE_CHANGED', promisedDate: '2026-04-05' }] });
  await book(A, line.o5!, 2, '2026-04-07');
  // PO2 sent, not answered: p2 6 requested 03-03 → open 6 (an open order, promise = the requested day)
  const { createPurchaseOrder: po2 } = await mutate(stack, CREATE_PO, purchaseOrderInput(A, [{ quantity: 6, requestedDate: '2026-03-03' }]));
  ok(await stack.gateway(SEND_PO, { id: po2.id }));
  line.p2 = po2.lines[0].id;
  // a draft and a cancelled order: not open
  await mutate(stack, CREATE_PO, purchaseOrderInput(A, [{ quantity: 8, requestedDate: '2026-03-04' }]));
  const cancelled = await acknowledgedOrder(stack, A, [{ quantity: 11, promisedDate: '2026-03-05' }]);
  ok(await stack.gateway(`mutation($id: ID!) { cancelPurchaseOrder(id: $id, reason: "test") { id } }`, { id: cancelled.id }));
  // Supplier B: b1 4 promised 03-15 → open 4
  line.b1 = (await acknowledgedOrder(stack, B, [{ quantity: 4, promisedDate: '2026-03-15' }])).lines[0]!.id;
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await suppliers?.close();
});

const OPEN = `query($filter: OpenLineFilter, $first: Int, $after: String) {
  openPurchaseOrderLines(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id currentPromisedDate openQuantity latestEta }
  }
}`;
const expected: Record<string, { currentPromisedDate: string | null; openQuantity: number; latestEta: string | null }> = {
  o1: { currentPromisedDate: '2026-03-10', openQuantity: 1, latestEta: '2026-03-12' },
  o3: { currentPromisedDate: '2026-04-15', openQuantity: 7, latestEta: null },
  o5: { currentPromisedDate: '2026-04-05', openQuantity: 7, latestEta: '2026-04-07' },
  p2: { currentPromisedDate: null, openQuantity: 6, latestEta: null },
  b1: { currentPromisedDate: '2026-03-15', openQuantity: 4, latestEta: null },
};
const rowsOf = (names: string[]) => names.map((n) => ({ id: line[n]!, ...expected[n]! })).sort((x, y) => (x.id < y.id ? -1 : 1));

describe('openPurchaseOrderLines', () => {
  it('lists the lines with open quantity on sent, acknowledged or partially shipped orders, in id order, with their latest ETA', async () => {
    const { openPurchaseOrderLines } = ok(await stack.gateway(OPEN, { first: 100 }));
    expect(openPurchaseOrderLines.nodes).toEqual(rowsOf(['o1', 'o3', 'o5', 'p2', 'b1']));
    expect(openPurchaseOrderLines.totalCount).toBe(5);
  });

  it('filters by supplier and by the promise now standing (current, else original, else requested) before a day', async () => {
    const { openPurchaseOrderLines } = ok(await stack.gateway(OPEN, { first: 100, filter: { supplierIds: [A.supplierId], dueBefore: '2026-04-01' } }));
    expect(openPurchaseOrderLines.nodes).toEqual(rowsOf(['o1', 'p2']));
    expect(openPurchaseOrderLines.totalCount).toBe(2);
  });

  it('answers latestEta null for a line whose shipments were all delivered', async () => {
    const { _entities } = ok(await stack.subgraph('orders')(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on PurchaseOrderLine { openQuantity latestEta } } }`,
      { r: [{ __typename: 'PurchaseOrderLine', id: line.o2 }] },
    ));
    expect(_entities).toEqual([{ openQuantity: 0, latestEta: null }]);
  });

  it('pages two at a time through every pre-existing line exactly once while lines are added between pages', async () => {
    const before = rowsOf(['o1', 'o3', 'o5', 'p2', 'b1']).map((r) => r.id);
    const seen: string[] = [];
    let after: string | null = null;
    let added = 0;
    do {
      const page: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } =
        ok(await stack.gateway(OPEN, { first: 2, after })).openPurchaseOrderLines;
      seen.push(...page.nodes.map((n) => n.id));
      if (added++ < 2) await acknowledgedOrder(stack, B, [{ quantity: 1, promisedDate: '2026-06-01' }]);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('the fields a delivery-risk @requires reads', () => {
  const REFS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on PurchaseOrderLine { id currentPromisedDate openQuantity latestEta } } }`;

  it('resolves currentPromisedDate, openQuantity and latestEta for 1 or 60 line references in the same two statements', async () => {
    const { openPurchaseOrderLines } = ok(await stack.gateway(`{ openPurchaseOrderLines(first: 100) { nodes { id } } }`));
    const ids: string[] = openPurchaseOrderLines.nodes.map((n: { id: string }) => n.id);
    const many = Array.from({ length: 60 }, (_, i) => ids[i % ids.length]!);
    const counts: number[] = [];
    for (const refs of [[line.o1!], many]) {
      stack.resetStatementCounts();
      const result = ok(await stack.subgraph('orders')(REFS, { r: refs.map((id) => ({ __typename: 'PurchaseOrderLine', id })) }));
      expect(result._entities).toHaveLength(refs.length);
      counts.push(stack.subgraphs.orders!.statements);
    }
    expect(counts).toEqual([2, 2]); // the lines, then their latest ETAs
    const one = ok(await stack.subgraph('orders')(REFS, { r: [{ __typename: 'PurchaseOrderLine', id: line.o5 }] }))._entities[0];
    expect(one).toEqual({ id: line.o5, ...expected.o5 });
  });

  it('costs the same statements for a page of 2 open lines as for a page of 100', async () => {
    const counts: number[] = [];
    for (const first of [2, 100]) {
      stack.resetStatementCounts();
      ok(await stack.gateway(OPEN, { first }));
      counts.push(stack.subgraphs.orders!.statements);
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(3); // the page, its count, the latest ETAs
  });
});

describe('open lines for partners', () => {
  const partner = (p: Parties) => stack.subgraph('orders', { caller: { roles: ['PARTNER'], supplierId: p.supplierId } });

  it('lists only the partner’s own lines, with their latest ETAs, also when it filters on another supplier', async () => {
    const own = ok(await partner(A)(OPEN, { first: 100, filter: { dueBefore: '2026-04-01' } })).openPurchaseOrderLines;
    expect(own.nodes).toEqual(rowsOf(['o1', 'p2']));
    const other = ok(await partner(A)(OPEN, { first: 100, filter: { supplierIds: [B.supplierId] } })).openPurchaseOrderLines;
    expect(other).toMatchObject({ totalCount: 0, nodes: [] });
  });

  it('lets an analyst read every open line', async () => {
    const analyst = stack.as({ roles: ['ANALYST'] });
    expect(ok(await analyst(OPEN, { first: 100 })).openPurchaseOrderLines.totalCount).toBeGreaterThanOrEqual(5);
  });
});
