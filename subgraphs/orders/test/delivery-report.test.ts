// deliveryPerformanceReport through the gateway: every grouping against figures worked out by hand,
// period boundaries, the facility a line counts for, the filter, partners and analysts, one statement
// per page, and paging that holds while groups appear.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEntitiesStub, startStack, type EntitiesStub, type Stack } from '@cmgraph/testkit';
import { acknowledgedOrder, CREATE_SHIPMENT, deliver, mutate, ok, shipmentInput, type Parties } from './fixtures';
import { stubParties } from './report-fixtures';

let suppliers: EntitiesStub;
let stack: Stack;
let A: Parties & { facilityIds: string[] };
let B: Parties & { facilityIds: string[] };
let F1: string;
let F2: string;
let FB: string;

beforeAll(async () => {
  suppliers = await startEntitiesStub();
  stack = await startStack(['inventory', 'orders'], { peers: { suppliers: suppliers.url } });
  A = await stubParties(stack, suppliers, 2, 2);
  B = await stubParties(stack, suppliers, 1, 1);
  [F1, F2] = A.facilityIds as [string, string];
  FB = B.facilityId;
  const from = (facilityId: string) => ({ ...A, facilityId });
  // Period 2026-Q1 = [01-01, 04-01); window 3 days early, 0 late. Supplier A, one order:
  //   a1 10 promised 01-15, delivered in full 01-15 from F1                          → OTIF; F1; 2026-01
  //   a2 20 promised 02-10, delivered 02-12 from F2                                  → miss, 2 days late; F2; 2026-02
  //   a3 30 promised 02-20, 10 delivered 02-18 from F1, 20 delivered 02-25 from F2   → miss, 5 days late; F2 (completed it); 2026-02
  //   a4 40 promised 03-31 (last day), booked from F1, not delivered                 → miss, nothing delivered; F1 (latest booked); 2026-03
  //   a5 50 promised 01-01 (= from), no shipment                                     → miss; facility none; 2026-01
  //   a6 60 promised 04-01 (= to)                                                    → outside the period
  const order = await acknowledgedOrder(stack, A, [
    { quantity: 10, promisedDate: '2026-01-15' }, { quantity: 20, promisedDate: '2026-02-10' }, { quantity: 30, promisedDate: '2026-02-20' },
    { quantity: 40, promisedDate: '2026-03-31' }, { quantity: 50, promisedDate: '2026-01-01' }, { quantity: 60, promisedDate: '2026-04-01' },
  ]);
  const [a1, a2, a3, a4] = order.lines.map((line) => line.id) as [string, string, string, string];
  await deliver(stack, from(F1), [{ purchaseOrderLineId: a1, quantity: 10 }], '2026-01-15T09:00:00Z');
  await deliver(stack, from(F2), [{ purchaseOrderLineId: a2, quantity: 20 }], '2026-02-12T09:00:00Z');
  await deliver(stack, from(F1), [{ purchaseOrderLineId: a3, quantity: 10 }], '2026-02-18T09:00:00Z');
  await deliver(stack, from(F2), [{ purchaseOrderLineId: a3, quantity: 20 }], '2026-02-25T09:00:00Z');
  await mutate(stack, CREATE_SHIPMENT, shipmentInput(from(F1), [{ purchaseOrderLineId: a4, quantity: 40 }]));
  // Supplier B:
  //   b1  5 promised 03-05, delivered 03-05 from FB                                  → OTIF; 2026-03
  //   b2 15 promised 03-06, delivered 03-01 from FB (5 days early)                   → miss (too early), not late; 2026-03
  const orderB = await acknowledgedOrder(stack, B, [{ quantity: 5, promisedDate: '2026-03-05' }, { quantity: 15, promisedDate: '2026-03-06' }]);
  await deliver(stack, B, [{ purchaseOrderLineId: orderB.lines[0]!.id, quantity: 5 }], '2026-03-05T09:00:00Z');
  await deliver(stack, B, [{ purchaseOrderLineId: orderB.lines[1]!.id, quantity: 15 }], '2026-03-01T09:00:00Z');
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await suppliers?.close();
});

const REPORT = `query($period: String!, $groupBy: DeliveryGrouping!, $filter: DeliveryReportFilter, $first: Int, $after: String) {
  deliveryPerformanceReport(period: $period, groupBy: $groupBy, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { key supplier { id } facility { id } month linesDue linesOnTimeInFull otif fillRate averageDaysLate }
  }
}`;

interface Figures { linesDue: number; linesOnTimeInFull: number; otif: number | null; fillRate: number | null; averageDaysLate: number | null }
const figures = (linesDue: number, linesOnTimeInFull: number, fillRate: number | null, averageDaysLate: number | null): Figures => ({
  linesDue, linesOnTimeInFull, otif: linesOnTimeInFull / linesDue, fillRate, averageDaysLate,
});
const row = (parts: { supplier?: string; facility?: string | null; month?: string }, f: Figures) => ({
  key: [parts.supplier, parts.facility === undefined ? undefined : parts.facility ?? 'none', parts.month].filter((p) => p !== undefined).join('|'),
  supplier: parts.supplier ? { id: parts.supplier } : null,
  facility: parts.facility ? { id: parts.facility } : null,
  month: parts.month ?? null,
  ...f,
});
const byKey = <T extends { key: string }>(rows: T[]) => [...rows].sort((x, y) => (x.key < y.key ? -1 : 1));

async function report(groupBy: string, variables: Record<string, unknown> = {}, client = stack.gateway) {
  return ok(await client(REPORT, { period: '2026-Q1', groupBy, first: 100, ...variables })).deliveryPerformanceReport;
}

describe('deliveryPerformanceReport', () => {
  it('groups by supplier', async () => {
    // A: due a1–a5 = 5, OTIF a1 → 1/5; ordered 150, delivered 10+20+30 = 60 → 0.4; late a2 (2), a3 (5) → 3.5.
    // B: due 2, OTIF b1 → 1/2; ordered 20, delivered 20 → 1; delivered b1 b2, none late → 0.
    const { nodes, totalCount } = await report('SUPPLIER');
    expect(totalCount).toBe(2);
    expect(nodes).toEqual(byKey([
      row({ supplier: A.supplierId }, figures(5, 1, 0.4, 3.5)),
      row({ supplier: B.supplierId }, figures(2, 1, 1, 0)),
    ]));
  });

  it('groups by facility: the last delivered shipment, else the latest booked, else none', async () => {
    // F1: a1 (OTIF), a4 (booked only) → 2, 1; fill 10/50 = 0.2; only a1 delivered, on time → 0.
    // F2: a2, a3 → 2, 0; fill 50/50 = 1; late 2 and 5 → 3.5.   FB: as B.   none: a5 → 1, 0; fill 0; null.
    const { nodes } = await report('FACILITY');
    expect(nodes).toEqual(byKey([
      row({ facility: F1 }, figures(2, 1, 0.2, 0)),
      row({ facility: F2 }, figures(2, 0, 1, 3.5)),
      row({ facility: FB }, figures(2, 1, 1, 0)),
      row({ facility: null }, figures(1, 0, 0, null)),
    ]));
    expect(nodes.at(-1).key).toBe('none');
  });

  it('groups by month of the promised date, with lines on `from` inside and on `to` outside', async () => {
    // 01: a1, a5 → 2, 1; fill 10/60; a1 on time → 0.   02: a2, a3 → 2, 0; fill 1; 3.5.
    // 03: a4, b1, b2 → 3, 1; fill (0+5+15)/(40+5+15) = 20/60; b1 b2 not late → 0.   (a6, 04-01, is not in Q1.)
    const { nodes } = await report('MONTH');
    expect(nodes).toEqual([
      row({ month: '2026-01' }, figures(2, 1, 10 / 60, 0)),
      row({ month: '2026-02' }, figures(2, 0, 1, 3.5)),
      row({ month: '2026-03' }, figures(3, 1, 20 / 60, 0)),
    ]);
  });

  it('groups by supplier and month, and by facility and month', async () => {
    expect((await report('SUPPLIER_MONTH')).nodes).toEqual(byKey([
      row({ supplier: A.supplierId, month: '2026-01' }, figures(2, 1, 10 / 60, 0)),
      row({ supplier: A.supplierId, month: '2026-02' }, figures(2, 0, 1, 3.5)),
      row({ supplier: A.supplierId, month: '2026-03' }, figures(1, 0, 0, null)),
      row({ supplier: B.supplierId, month: '2026-03' }, figures(2, 1, 1, 0)),
    ]));
    expect((await report('FACILITY_MONTH')).nodes).toEqual(byKey([
      row({ facility: F1, month: '2026-01' }, figures(1, 1, 1, 0)),
      row({ facility: F1, month: '2026-03' }, figures(1, 0, 0, null)),
      row({ facility: F2, month: '2026-02' }, figures(2, 0, 1, 3.5)),
      row({ facility: FB, month: '2026-03' }, figures(2, 1, 1, 0)),
      row({ facility: null, month: '2026-01' }, figures(1, 0, 0, null)),
    ]));
  });

  it('agrees with the supplier scorecard of the same period', async () => {
    const { nodes } = await report('SUPPLIER');
    const cards = ok(await stack.subgraph('orders')(`query($r: [_Any!]!) { _entities(representations: $r) {
      ... on SupplierScorecard { otif fillRate averageDaysLate linesDue } } }`, {
      r: nodes.map((n: { supplier: { id: string } }) => ({ __typename: 'SupplierScorecard', supplierId: n.supplier.id, period: '2026-Q1' })),
    }))._entities;
    expect(cards).toEqual(nodes.map((n: Figures) => ({ otif: n.otif, fillRate: n.fillRate, averageDaysLate: n.averageDaysLate, linesDue: n.linesDue })));
  });

  it('lists nothing for a period without due lines, and refuses a malformed period naming `period`', async () => {
    expect(await report('SUPPLIER', { period: '2025' })).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
    const bad = await stack.gateway(REPORT, { period: '2026-Q5', groupBy: 'SUPPLIER' });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'period' } });
  });

  it('filters by supplier, and refuses a malformed supplier id naming it', async () => {
    const { nodes } = await report('SUPPLIER_MONTH', { filter: { supplierIds: [B.supplierId] } });
    expect(nodes.map((n: { key: string }) => n.key)).toEqual([`${B.supplierId}|2026-03`]);
    const bad = await stack.gateway(REPORT, { period: '2026', groupBy: 'SUPPLIER', filter: { supplierIds: ['nope'] } });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.supplierIds[0]' } });
  });

  it("shows a partner only its own rows, also when it filters on another supplier, and an analyst everyone's", async () => {
    // Partners may run only the gateway's trusted documents: asked here as the gateway would ask orders.
    const partnerB = stack.subgraph('orders', { caller: { roles: ['PARTNER'], supplierId: B.supplierId } });
    expect((await report('SUPPLIER', {}, partnerB)).nodes).toEqual([row({ supplier: B.supplierId }, figures(2, 1, 1, 0))]);
    expect((await report('FACILITY', {}, partnerB)).nodes.map((n: { key: string }) => n.key)).toEqual([FB]);
    expect((await report('SUPPLIER', { filter: { supplierIds: [A.supplierId] } }, partnerB)).nodes).toEqual([]);
    const analyst = stack.as({ roles: ['ANALYST'] });
    expect((await report('SUPPLIER', {}, analyst)).totalCount).toBe(2);
  });

  it('computes a page with one SQL statement in orders, whatever the grouping', async () => {
    for (const groupBy of ['SUPPLIER', 'FACILITY_MONTH']) {
      stack.resetStatementCounts();
      await report(groupBy);
      expect(stack.subgraphs.orders!.statements).toBe(1);
    }
  });

  // Last: it adds a supplier and lines to the world.
  it('pages two rows at a time through every row exactly once while new groups appear between pages', async () => {
    const before = (await report('SUPPLIER_MONTH')).nodes.map((n: { key: string }) => n.key);
    const seen: string[] = [];
    let after: string | null = null;
    let inserted = false;
    do {
      const page: { nodes: { key: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = await report('SUPPLIER_MONTH', { first: 2, after });
      expect(page.nodes.length).toBeLessThanOrEqual(2);
      seen.push(...page.nodes.map((n) => n.key));
      if (!inserted) {
        // a new supplier with a line due in January: a group that did not exist when paging began
        const C = await stubParties(stack, suppliers, 1);
        await acknowledgedOrder(stack, C, [{ quantity: 1, promisedDate: '2026-01-20' }]);
        inserted = true;
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen.filter((key) => before.includes(key))).toEqual(before);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
