// What orders contributes to SupplierScorecard, asked the way the gateway asks (`_entities` with
// { supplierId, period }): figures worked out by hand on a small world, period boundaries, no data,
// one statement for a page of scorecards, and the partner rule.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '@cmgraph/platform';
import { startEntitiesStub, startStack, type EntitiesStub, type Stack } from '@cmgraph/testkit';
import { acknowledgedOrder, CREATE_PO, deliver, mutate, ok, purchaseOrderInput, SEND_PO, type Parties } from './fixtures';
import { pinOrderTimes, stubParties } from './report-fixtures';

let suppliers: EntitiesStub;
let stack: Stack;
let A: Parties;
let B: Parties;
let idle: Parties;
const pinTimes = (orderId: string, sentAt: string, acknowledgedAt: string | null) => pinOrderTimes(stack, orderId, sentAt, acknowledgedAt);

beforeAll(async () => {
  suppliers = await startEntitiesStub();
  stack = await startStack(['inventory', 'orders'], { peers: { suppliers: suppliers.url } });
  [A, B, idle] = [await stubParties(stack, suppliers), await stubParties(stack, suppliers, 1), await stubParties(stack, suppliers, 1)];
  // Supplier A. PO1, lines promised (window 3 days early, 0 late):
  //   L1 10 promised 03-01 (= `from` of March: inside), delivered in full 03-01   → due, OTIF, on time
  //   L2 20 promised 03-10, delivered 03-13                                       → due, miss, 3 days late
  //   L3 30 promised 03-15, 20 delivered 03-16 (short)                            → due, miss, not delivered in full
  //   L4 40 promised 03-31 (last day), delivered 04-02                            → due, miss, 2 days late
  //   L5 50 promised 04-01 (= `to` of March: outside), delivered 04-01            → April: due, OTIF, on time
  //   L6  5 rejected                                                              → never due
  //   L7  8 promised 03-20, delivered 03-18 (2 days early, within the window)     → due, OTIF, not late
  const po1 = await acknowledgedOrder(stack, A, [
    { quantity: 10, promisedDate: '2026-03-01' }, { quantity: 20, promisedDate: '2026-03-10' },
    { quantity: 30, promisedDate: '2026-03-15' }, { quantity: 40, promisedDate: '2026-03-31' },
    { quantity: 50, promisedDate: '2026-04-01' }, { quantity: 5, status: 'REJECTED' }, { quantity: 8, promisedDate: '2026-03-20' },
  ]);
  const [l1, l2, l3, l4, l5, , l7] = po1.lines.map((line) => line.id);
  await deliver(stack, A, [{ purchaseOrderLineId: l1!, quantity: 10 }], '2026-03-01T10:00:00Z');
  await deliver(stack, A, [{ purchaseOrderLineId: l2!, quantity: 20 }], '2026-03-13T10:00:00Z');
  await deliver(stack, A, [{ purchaseOrderLineId: l3!, quantity: 20 }], '2026-03-16T10:00:00Z');
  await deliver(stack, A, [{ purchaseOrderLineId: l4!, quantity: 40 }], '2026-04-02T10:00:00Z');
  await deliver(stack, A, [{ purchaseOrderLineId: l5!, quantity: 50 }], '2026-04-01T10:00:00Z');
  await deliver(stack, A, [{ purchaseOrderLineId: l7!, quantity: 8 }], '2026-03-18T10:00:00Z');
  // PO2: acknowledged, then cancelled: its line (promised in March) is never due; its answer still timed.
  const po2 = await acknowledgedOrder(stack, A, [{ quantity: 70, promisedDate: '2026-03-11' }]);
  ok(await stack.gateway(`mutation($id: ID!) { cancelPurchaseOrder(id: $id, reason: "test") { id } }`, { id: po2.id }));
  // PO3: acknowledged, one line promised 05-10 (12 units, never shipped).
  const po3 = await acknowledgedOrder(stack, A, [{ quantity: 12, promisedDate: '2026-05-10' }]);
  // PO4: sent, never answered: its line falls due on the requested day 05-01 (6 units).
  const { createPurchaseOrder: po4 } = await mutate(stack, CREATE_PO, purchaseOrderInput(A, [{ quantity: 6, requestedDate: '2026-05-01' }]));
  ok(await stack.gateway(SEND_PO, { id: po4.id }));
  // A draft promised in March: never due, never sent.
  await mutate(stack, CREATE_PO, purchaseOrderInput(A, [{ quantity: 90, requestedDate: '2026-03-05' }]));
  // Acknowledgement latency (sent → acknowledged):
  //   PO1 sent 03-01 00:00 (= `from`), answered 03-02 02:00 → 26 h
  //   PO2 sent 03-31 23:00, answered 04-01 09:00            → 10 h (cancelled later: still answered)
  //   PO3 sent 04-01 00:00 (= `to` of March: April),  05:00 →  5 h
  //   PO4 sent 03-05, never answered                        → not counted
  await pinTimes(po1.id, '2026-03-01T00:00:00Z', '2026-03-02T02:00:00Z');
  await pinTimes(po2.id, '2026-03-31T23:00:00Z', '2026-04-01T09:00:00Z');
  await pinTimes(po3.id, '2026-04-01T00:00:00Z', '2026-04-01T05:00:00Z');
  await pinTimes(po4.id, '2026-03-05T08:00:00Z', null);
  // Supplier B: one line promised 03-15, not delivered.
  await acknowledgedOrder(stack, B, [{ quantity: 3, promisedDate: '2026-03-15' }]);
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await suppliers?.close();
});

const SCORECARDS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on SupplierScorecard {
  supplierId period otif fillRate averageDaysLate acknowledgementLatencyHours linesDue
} } }`;
const card = (supplierId: string, period: string) => ({ __typename: 'SupplierScorecard', supplierId, period });

async function scorecards(...cards: { supplierId: string; period: string }[]) {
  return ok(await stack.subgraph('orders')(SCORECARDS, { r: cards.map((c) => card(c.supplierId, c.period)) }))._entities;
}

describe('SupplierScorecard (orders figures)', () => {
  it('reports March by hand: boundaries, rejected, cancelled and draft lines, lateness and acknowledgement latency', async () => {
    // due L1 L2 L3 L4 L7 = 5; OTIF L1 L7 = 2 → 0.4; ordered 10+20+30+40+8 = 108; delivered 10+20+20+40+8 = 98.
    // delivered in full: L1 L2 L4 L7; late L2 (3) and L4 (2) → 5 / 2 = 2.5 days. latency (26 + 10) / 2 = 18 h.
    expect(await scorecards({ supplierId: A.supplierId, period: '2026-03' })).toEqual([{
      supplierId: A.supplierId, period: '2026-03', otif: 0.4, fillRate: 98 / 108, averageDaysLate: 2.5, acknowledgementLatencyHours: 18, linesDue: 5,
    }]);
  });

  it('reports the year: the April and May lines join, and all three answered orders', async () => {
    // due L1–L5, L7, PO3's and PO4's lines = 8; OTIF L1 L5 L7 = 3 → 3/8; ordered 108 + 50 + 12 + 6 = 176;
    // delivered 98 + 50 = 148; late L2 (3), L4 (2) over 5 delivered → 2.5; latency (26 + 10 + 5) / 3 h.
    expect(await scorecards({ supplierId: A.supplierId, period: '2026' })).toEqual([{
      supplierId: A.supplierId, period: '2026', otif: 3 / 8, fillRate: 148 / 176, averageDaysLate: 2.5,
      acknowledgementLatencyHours: 41 / 3, linesDue: 8,
    }]);
  });

  it('answers 0 days late when lines were delivered but none late, and null when none was delivered', async () => {
    // April: L5 promised 04-01, delivered 04-01 → OTIF 1, fill 1, 0 days late; PO3 sent 04-01 00:00 → 5 h.
    // May: PO3's and PO4's lines due, nothing delivered → OTIF 0, fill 0, days late null; nothing sent → null.
    expect(await scorecards({ supplierId: A.supplierId, period: '2026-04' }, { supplierId: A.supplierId, period: '2026-05' })).toEqual([
      { supplierId: A.supplierId, period: '2026-04', otif: 1, fillRate: 1, averageDaysLate: 0, acknowledgementLatencyHours: 5, linesDue: 1 },
      { supplierId: A.supplierId, period: '2026-05', otif: 0, fillRate: 0, averageDaysLate: null, acknowledgementLatencyHours: null, linesDue: 2 },
    ]);
  });

  it('answers nulls and 0 lines due for a supplier without orders, a period without data and an unknown supplier', async () => {
    const empty = { otif: null, fillRate: null, averageDaysLate: null, acknowledgementLatencyHours: null, linesDue: 0 };
    const unknown = newId();
    expect(await scorecards(
      { supplierId: idle.supplierId, period: '2026-03' }, { supplierId: A.supplierId, period: '2025-Q4' }, { supplierId: unknown, period: '2026' },
    )).toEqual([
      { supplierId: idle.supplierId, period: '2026-03', ...empty },
      { supplierId: A.supplierId, period: '2025-Q4', ...empty },
      { supplierId: unknown, period: '2026', ...empty },
    ]);
  });

  it('keeps the first scorecard of a batch whole when a later one has no lines (a page of suppliers)', async () => {
    const [first, second] = await scorecards({ supplierId: A.supplierId, period: '2026-03' }, { supplierId: idle.supplierId, period: '2026-03' });
    expect(first).toEqual({
      supplierId: A.supplierId, period: '2026-03', otif: 0.4, fillRate: 98 / 108, averageDaysLate: 2.5, acknowledgementLatencyHours: 18, linesDue: 5,
    });
    expect(second).toMatchObject({ supplierId: idle.supplierId, linesDue: 0, otif: null });
  });

  it('keeps suppliers apart: B in March has one undelivered line', async () => {
    expect(await scorecards({ supplierId: B.supplierId, period: '2026-Q1' })).toEqual([{
      supplierId: B.supplierId, period: '2026-Q1', otif: 0, fillRate: 0, averageDaysLate: null, acknowledgementLatencyHours: null, linesDue: 1,
    }]);
  });

  it('refuses a malformed period with BAD_USER_INPUT naming `period`', async () => {
    const result = await stack.subgraph('orders')(SCORECARDS, { r: [card(A.supplierId, '2026-13')] });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'period' } });
  });

  it('computes a page of 100 scorecards, over several periods, in one SQL statement', async () => {
    const cards = Array.from({ length: 100 }, (_, i) => card(i % 2 ? newId() : [A, B, idle][i % 3]!.supplierId, ['2026', '2026-Q1', '2026-03'][i % 3]!));
    for (const size of [1, 100]) {
      stack.resetStatementCounts();
      const result = await stack.subgraph('orders')(SCORECARDS, { r: cards.slice(0, size) });
      expect(result.errors).toBeUndefined();
      expect(stack.subgraphs.orders!.statements).toBe(1);
    }
  });
});

describe('SupplierScorecard for partners', () => {
  const partner = (p: Parties) => stack.subgraph('orders', { caller: { subject: 'cm', roles: ['PARTNER'], supplierId: p.supplierId } });

  it("gives a partner its own figures and refuses another supplier's scorecard with FORBIDDEN", async () => {
    const own = await partner(A)(SCORECARDS, { r: [card(A.supplierId, '2026-03')] });
    expect(ok(own)._entities[0]).toMatchObject({ otif: 0.4, linesDue: 5 });
    const other = await partner(A)(SCORECARDS, { r: [card(B.supplierId, '2026-03')] });
    expect(other.data?._entities).toEqual([null]);
    expect(other.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('gives an ANALYST every supplier', async () => {
    const analyst = stack.subgraph('orders', { caller: { subject: 'bi', roles: ['ANALYST'] } });
    const result = ok(await analyst(SCORECARDS, { r: [card(A.supplierId, '2026-03'), card(B.supplierId, '2026-03')] }));
    expect(result._entities.map((c: { linesDue: number }) => c.linesDue)).toEqual([5, 1]);
  });
});
