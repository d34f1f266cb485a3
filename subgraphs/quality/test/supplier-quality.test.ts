// What quality contributes to Supplier, Product, Lot and Shipment, through the gateway, on a small
// dataset whose PPM and first-pass yield are worked out by hand; one statement for any number of suppliers.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { newId } from '@cmgraph/platform';
import {
  CREATE_PLAN, createProduct, incomingPlan, inspect, mutate, receivedLots, registeredLot, startProductionStub,
  type ProductionStub, type ReceivedLots,
} from './fixtures';

let stack: Stack;
let production: ProductionStub;
let a: ReceivedLots;
let idleSupplierId: string;
let finishedProductId: string;
let ncOnL2: string;
let latestOnShipment: string;
beforeAll(async () => {
  production = await startProductionStub();
  stack = await startStack(['suppliers', 'inventory', 'orders', 'quality'], { peers: { production: production.url } });
  a = await receivedLots(stack, [500, 500, 200, 1000]);
  idleSupplierId = (await receivedLots(stack, [10])).supplierId;
  const planId = await incomingPlan(stack, a.productId);
  const [l1, l2, l3, l4] = a.lotIds;
  // Supplier A, hand-computed for March 2026 (AQL 1.0: lots of 500 and 200 → n = 50, Ac = 1; 1000 → n = 80, Ac = 2):
  //   L1 500  03-05 rejected 0 → PASS, first
  //   L2 500  03-10 rejected 3 → FAIL, first (opens NC, 3 units)
  //   L2 500  03-12 rejected 0 → PASS, re-inspection: counts nowhere
  //   L3 200  03-20 rejected 1 → PASS (1 ≤ Ac), first — against the receipt
  //   FG 100  03-15 FINAL at a work order, rejected 0 → PASS, first: FPY only
  //   L4 1000 04-02 rejected 2 → PASS, first, outside March
  // March: FPY = 3 / 4 = 0.75; PPM = (0 + 3 + 1) / (500 + 500 + 200) × 10⁶ = 3333.33…
  // 2026:  FPY = 4 / 5 = 0.8;  PPM = 6 / 2200 × 10⁶ = 2727.27…
  const common = { planId, shipmentId: a.shipmentId, quantityInspected: 50, quantityRejected: 0 };
  await inspect(stack, { ...common, lotId: l1, lotSize: 500, inspectedAt: '2026-03-05T09:00:00Z' });
  ncOnL2 = (await inspect(stack, { ...common, lotId: l2, lotSize: 500, quantityRejected: 3, inspectedAt: '2026-03-10T09:00:00Z' })).nonConformances[0].id;
  await inspect(stack, { ...common, lotId: l2, lotSize: 500, inspectedAt: '2026-03-12T09:00:00Z' });
  await inspect(stack, { ...common, shipmentId: null, receiptId: a.receiptId, lotId: l3, lotSize: 200, quantityRejected: 1, inspectedAt: '2026-03-20T09:00:00Z' });
  latestOnShipment = (await inspect(stack, { ...common, lotId: l4, lotSize: 1000, quantityInspected: 80, quantityRejected: 2, inspectedAt: '2026-04-02T09:00:00Z' })).id;
  finishedProductId = await createProduct(stack, 'FG-A');
  const { createInspectionPlan: finalPlan } = await mutate(stack, CREATE_PLAN, {
    productId: finishedProductId, name: 'Final', trigger: 'FINAL', samplingMethod: 'PERCENT', samplePercent: 10,
    characteristics: [{ name: 'Length', lowerLimit: 99, upperLimit: 101, unit: 'MM' }],
  });
  const workOrderId = newId();
  production.known.add(workOrderId);
  await inspect(stack, {
    planId: finalPlan.id, lotId: await registeredLot(stack, finishedProductId, a.supplierId), workOrderId, lotSize: 100, quantityInspected: 10,
    quantityRejected: 0, inspectedAt: '2026-03-15T09:00:00Z', readings: [{ characteristic: 'Length', value: 100, unit: 'MM' }],
  });
  // A non-conformance found by hand on L1 and closed: it no longer counts as open.
  await mutate(stack, `mutation($input: CreateDefectCodeInput!) { createDefectCode(input: $input) { id } }`, { code: 'DIM-01', description: 'Out of tolerance', category: 'DIMENSIONAL' });
  const { openNonConformance } = await mutate(stack, `mutation($input: OpenNonConformanceInput!) { openNonConformance(input: $input) { id } }`, {
    lotId: l1, defectCode: 'DIM-01', quantity: 2, severity: 'MINOR',
  });
  await mutate(stack, `mutation($input: DispositionNonConformanceInput!) { dispositionNonConformance(input: $input) { id } }`, {
    nonConformanceId: openNonConformance.id, disposition: 'USE_AS_IS', rootCause: 'Gauge drift', by: 'mrb@brand.example',
  });
  dataOf(await stack.gateway(`mutation($id: ID!) { closeNonConformance(id: $id) { id } }`, { id: openNonConformance.id }));
  await mutate(stack, `mutation($input: DispositionNonConformanceInput!) { dispositionNonConformance(input: $input) { id } }`, {
    nonConformanceId: ncOnL2, disposition: 'REWORK', rootCause: 'Worn die', by: 'mrb@brand.example',
  });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  await production?.close();
});

const SUPPLIER = `query($id: ID!, $from: LocalDate!, $to: LocalDate!) { supplier(id: $id) {
  code ppm(from: $from, to: $to) firstPassYield(from: $from, to: $to)
  qualityPerformance(from: $from, to: $to) { firstInspections firstInspectionsPassed quantityReceived quantityRejected }
  openNonConformanceCount openNonConformances { id status disposition }
} }`;

describe('Supplier quality KPIs', () => {
  it('reports the hand-computed PPM and first-pass yield for March', async () => {
    const { supplier } = dataOf(await stack.gateway(SUPPLIER, { id: a.supplierId, from: '2026-03-01', to: '2026-03-31' }));
    expect(supplier).toMatchObject({
      ppm: (4 / 1200) * 1e6, firstPassYield: 0.75,
      qualityPerformance: { firstInspections: 4, firstInspectionsPassed: 3, quantityReceived: 1200, quantityRejected: 4 },
    });
  });

  it('reports the hand-computed figures for the whole year', async () => {
    const { supplier } = dataOf(await stack.gateway(SUPPLIER, { id: a.supplierId, from: '2026-01-01', to: '2026-12-31' }));
    expect(supplier).toMatchObject({ ppm: (6 / 2200) * 1e6, firstPassYield: 0.8 });
  });

  it('lists the non-conformances not yet closed (a dispositioned one stays open until closed)', async () => {
    const { supplier } = dataOf(await stack.gateway(SUPPLIER, { id: a.supplierId, from: '2026-03-01', to: '2026-03-31' }));
    expect(supplier.openNonConformanceCount).toBe(1);
    expect(supplier.openNonConformances).toEqual([{ id: ncOnL2, status: 'DISPOSITIONED', disposition: 'REWORK' }]);
  });

  it('answers null KPIs and no open non-conformances for a supplier never inspected', async () => {
    const { supplier } = dataOf(await stack.gateway(SUPPLIER, { id: idleSupplierId, from: '2026-01-01', to: '2026-12-31' }));
    expect(supplier).toMatchObject({ ppm: null, firstPassYield: null, openNonConformanceCount: 0, openNonConformances: [] });
  });

  it('refuses a period that ends before it starts, naming `to`', async () => {
    const result = await stack.gateway(SUPPLIER, { id: a.supplierId, from: '2026-03-31', to: '2026-03-01' });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'to' } });
  });

  it('computes the KPIs of every supplier in a list with one SQL statement', async () => {
    stack.resetStatementCounts();
    const { suppliers } = dataOf(await stack.gateway(`{ suppliers(first: 100) { nodes { code
      ppm(from: "2026-03-01", to: "2026-03-31") firstPassYield(from: "2026-03-01", to: "2026-03-31")
      qualityPerformance(from: "2026-01-01", to: "2026-12-31") { ppm }
    } } }`));
    expect(suppliers.nodes).toHaveLength(2);
    expect(stack.subgraphs.quality!.statements).toBe(1);
  });
});

describe('Product, Lot and Shipment contributions', () => {
  it('reports PPM and first-pass yield per product', async () => {
    const query = `query($id: ID!) { product(id: $id) { sku ppm(from: "2026-03-01", to: "2026-03-31") firstPassYield(from: "2026-03-01", to: "2026-03-31") } }`;
    expect(dataOf(await stack.gateway(query, { id: a.productId })).product).toMatchObject({ ppm: (4 / 1200) * 1e6, firstPassYield: 2 / 3 });
    expect(dataOf(await stack.gateway(query, { id: finishedProductId })).product).toMatchObject({ sku: 'FG-A', ppm: null, firstPassYield: 1 });
  });

  it('shows a lot\'s inspections, non-conformances and latest disposition', async () => {
    const { lot } = dataOf(await stack.gateway(`query($id: ID!) { lot(id: $id) {
      lotNumber inspections { result firstPass } nonConformances { id quantity } disposition
    } }`, { id: a.lotIds[1] }));
    expect(lot).toMatchObject({
      inspections: [{ result: 'FAIL', firstPass: true }, { result: 'PASS', firstPass: false }],
      nonConformances: [{ id: ncOnL2, quantity: 3 }], disposition: 'REWORK',
    });
    const untouched = dataOf(await stack.gateway(`query($id: ID!) { lot(id: $id) { disposition nonConformances { id } } }`, { id: a.lotIds[3] }));
    expect(untouched.lot).toEqual({ disposition: null, nonConformances: [] });
  });

  it('gives a shipment its latest incoming inspection', async () => {
    const { shipment } = dataOf(await stack.gateway(`query($id: ID!) { shipment(id: $id) { number incomingInspection { id lotSize lot { lotNumber } } } }`, { id: a.shipmentId }));
    expect(shipment.incomingInspection).toMatchObject({ id: latestOnShipment, lotSize: 1000 });
  });

  it('filters inspections by supplier, result and period', async () => {
    const { inspections } = dataOf(await stack.gateway(`query($s: ID!) { inspections(filter: { supplierId: $s, result: PASS, from: "2026-03-01", to: "2026-03-31" }) { totalCount } }`, { s: a.supplierId }));
    expect(inspections.totalCount).toBe(4); // L1, L2 re-inspection, L3, FG
  });
});
