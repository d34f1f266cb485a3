// Open-PO delivery risk through the gateway: orders brings currentPromisedDate, openQuantity and latestEta
// (@requires), production adds work-order progress and the risk level. One PO whose lines each meet one
// rule, with dates relative to today (the rules compare against the clock); the rules themselves are
// worked through by hand in delivery-risk.test.ts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, today } from '@cmgraph/platform';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { createBom, createPlant, createProduct, CREATE_WORK_ORDER, mutate, registerLot, REPORT_OUTPUT, run, SET_STATUS, type Plant } from './fixtures';
import { createWarehouse, placeOrder, ship } from './orders.fixture';

let stack: Stack;
let plant: Plant;
let product: string;
let warehouse: string;
const T = today();
const DAY = 24 * 3600 * 1000;
const lines: Record<string, string> = {};
let poId: string;
let smallPoId: string;

let serial = 0;
async function workOrder(purchaseOrderLineId: string, quantityPlanned: number, plannedStart: Date, plannedEnd: Date, good = 0): Promise<string> {
  const { createWorkOrder } = await mutate(stack, CREATE_WORK_ORDER, {
    number: `WO-RISK-${++serial}`, productId: product, lineId: plant.lineId, quantityPlanned, uom: 'EA', purchaseOrderLineId,
    plannedStart: plannedStart.toISOString(), plannedEnd: plannedEnd.toISOString(),
  });
  if (good) {
    await run(stack, createWorkOrder.id, plannedStart.toISOString());
    await mutate(stack, REPORT_OUTPUT, { workOrderId: createWorkOrder.id, lotId: await registerLot(stack, product, `RISK-${serial}`), goodQuantity: good, scrapQuantity: 0 });
  }
  return createWorkOrder.id;
}

const NAMES = ['lateEta', 'latePast', 'behind', 'endsLate', 'onTrack', 'unknown', 'aborted'] as const;

beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders', 'production']);
  plant = await createPlant(stack, 1);
  product = await createProduct(stack);
  await createBom(stack, product, [await createProduct(stack)]);
  warehouse = await createWarehouse(stack);
  const promised: Record<(typeof NAMES)[number], string> = {
    lateEta: addDays(T, 5), latePast: addDays(T, -2), behind: addDays(T, 20), endsLate: addDays(T, 5),
    onTrack: addDays(T, 10), unknown: addDays(T, 10), aborted: addDays(T, 10),
  };
  const order = await placeOrder(stack, plant, warehouse, NAMES.map((name) => ({ productId: product, quantity: 100, promisedDate: promised[name] })));
  poId = order.id;
  NAMES.forEach((name, i) => (lines[name] = order.lineIds[i]!));
  const now = Date.now();
  // lateEta: 40 of 100 on their way, due 3 days after the promise
  await ship(stack, plant, warehouse, addDays(T, 8), [{ purchaseOrderLineId: lines.lateEta!, quantity: 40 }]);
  // behind: half the 20-day window gone, 10 of 100 made
  await workOrder(lines.behind!, 100, new Date(now - 10 * DAY), new Date(now + 10 * DAY), 10);
  // endsLate: just started, planned to end 2 days after the promise
  await workOrder(lines.endsLate!, 100, new Date(now - 3600_000), new Date(`${addDays(T, 7)}T12:00:00Z`));
  // onTrack: two work orders well within their windows, and a shipment due before the promise
  await workOrder(lines.onTrack!, 60, new Date(now - 3600_000), new Date(`${addDays(T, 8)}T00:00:00Z`), 30);
  await workOrder(lines.onTrack!, 40, new Date(now - 3600_000), new Date(`${addDays(T, 9)}T00:00:00Z`), 20);
  await ship(stack, plant, warehouse, addDays(T, 9), [{ purchaseOrderLineId: lines.onTrack!, quantity: 50 }]);
  // aborted: its only work order was aborted
  await mutate(stack, SET_STATUS, { workOrderId: await workOrder(lines.aborted!, 100, new Date(now), new Date(now + DAY)), status: 'ABORTED' });
  // a PO of one line with one work order, for statement counts
  const small = await placeOrder(stack, plant, warehouse, [{ productId: product, quantity: 10, promisedDate: addDays(T, 10) }]);
  await workOrder(small.lineIds[0]!, 10, new Date(now), new Date(now + DAY));
  smallPoId = small.id;
}, 240_000);
afterAll(async () => stack?.stop());

const RISK = `query($id: ID!) { purchaseOrder(id: $id) { lines {
  id currentPromisedDate openQuantity latestEta
  workOrderProgress { workOrders quantityPlanned quantityGood progress plannedEnd }
  deliveryRisk { level reasons }
} } }`;

async function risks(client = stack.gateway): Promise<Record<string, any>> {
  const { purchaseOrder } = dataOf(await client(RISK, { id: poId }));
  return Object.fromEntries(NAMES.map((name) => [name, purchaseOrder.lines.find((l: { id: string }) => l.id === lines[name])]));
}

describe('PurchaseOrderLine.deliveryRisk and workOrderProgress', () => {
  it('applies each rule to the line that meets it, with its reasons', async () => {
    const line = await risks();
    expect(line.lateEta).toMatchObject({ openQuantity: 60, latestEta: addDays(T, 8), deliveryRisk: {
      level: 'LATE', reasons: [`latest ETA ${addDays(T, 8)} is after the promised date ${addDays(T, 5)}`],
    } });
    expect(line.latePast.deliveryRisk).toEqual({
      level: 'LATE', reasons: [`no shipment ETA, the promised date ${addDays(T, -2)} has passed and 100 is still open`],
    });
    expect(line.behind.deliveryRisk).toEqual({ level: 'AT_RISK', reasons: ['work orders are 10% done with 50% of their planned window elapsed'] });
    expect(line.endsLate.deliveryRisk).toEqual({
      level: 'AT_RISK', reasons: [`work order WO-RISK-2 is planned to end ${addDays(T, 7)}, after the promised date ${addDays(T, 5)}`],
    });
    expect(line.onTrack.deliveryRisk).toEqual({ level: 'ON_TRACK', reasons: [] });
    expect(line.unknown.deliveryRisk).toEqual({ level: 'UNKNOWN', reasons: ['no shipment ETA and no work order'] });
    expect(line.aborted.deliveryRisk.level).toBe('UNKNOWN');
  });

  it('sums the work orders of a line, leaving aborted ones out', async () => {
    const line = await risks();
    // onTrack: 60 + 40 planned, 30 + 20 good → 0.5; the later planned end is the second order's
    expect(line.onTrack.workOrderProgress).toEqual({
      workOrders: 2, quantityPlanned: 100, quantityGood: 50, progress: 0.5, plannedEnd: `${addDays(T, 9)}T00:00:00.000Z`,
    });
    expect(line.behind.workOrderProgress).toMatchObject({ workOrders: 1, quantityPlanned: 100, quantityGood: 10, progress: 0.1 });
    const none = { workOrders: 0, quantityPlanned: 0, quantityGood: 0, progress: null, plannedEnd: null };
    expect([line.unknown.workOrderProgress, line.aborted.workOrderProgress]).toEqual([none, none]);
  });

  it('is read by ANALYST', async () => {
    const line = await risks(stack.as({ roles: ['ANALYST'] }));
    expect(line.behind.deliveryRisk.level).toBe('AT_RISK');
  });

  it("counts only a partner's own work orders", async () => {
    const other = await createPlant(stack, 1);
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on PurchaseOrderLine { workOrderProgress { workOrders } deliveryRisk { level } } } }`;
    const r = [{ __typename: 'PurchaseOrderLine', id: lines.behind, currentPromisedDate: addDays(T, 20), openQuantity: 100, latestEta: null }];
    const partnerOf = (p: Plant) => stack.subgraph('production', { caller: { roles: ['PARTNER'], supplierId: p.supplierId } });
    expect(dataOf(await partnerOf(plant)(ENTITIES, { r }))._entities).toEqual([{ workOrderProgress: { workOrders: 1 }, deliveryRisk: { level: 'AT_RISK' } }]);
    expect(dataOf(await partnerOf(other)(ENTITIES, { r }))._entities).toEqual([{ workOrderProgress: { workOrders: 0 }, deliveryRisk: { level: 'UNKNOWN' } }]);
  });

  it('costs production the same statements for a PO of seven lines as for one of one line', async () => {
    const statements = async (id: string) => {
      stack.resetStatementCounts();
      dataOf(await stack.gateway(RISK, { id }));
      return stack.subgraphs.production!.statements;
    };
    const seven = await statements(poId);
    expect(await statements(smallPoId)).toBe(seven);
    expect(seven).toBeLessThanOrEqual(2);
  });
});
