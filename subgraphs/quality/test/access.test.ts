// Who may see and do what in quality, asked of the subgraph directly as the gateway would (partners run
// only trusted documents through the gateway). Two CMs, A and B, each with inspections (and readings),
// non-conformances, corrective actions (and steps) and a recall: A sees all of its own and none of B's —
// in lists, by id, through `_entities`, through the fields quality adds to Lot, Shipment, Supplier and
// Product, and in the KPIs. Every mutation refuses the roles it does not name, and a partner acting on
// B's rows, writing nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId, type Role } from '@cmgraph/platform';
import { dataOf, startStack, type GraphqlClient, type GraphqlResponse, type Stack } from '@cmgraph/testkit';
import { CREATE_PLAN, GOOD_READINGS, RECORD, createProduct, incomingPlan, inspect, mutate, receivedLots, registeredLot, type ReceivedLots } from './fixtures';
import { idsIn, snapshot as snapshotOf, startWorkOrders } from './access.fixtures';

interface World {
  chain: ReceivedLots;
  finishedLot: string;
  workOrder: string;
  inspections: string[];
  readings: string[];
  nonConformances: string[];
  correctiveActions: string[];
  steps: string[];
  recall: string;
}

let stack: Stack;
let workOrders: Awaited<ReturnType<typeof startWorkOrders>>;
const lineSupplier = new Map<string, string>();
let A: World;
let B: World;
let sharedRecall: string;
let productId: string;
let planId: string;
let finalPlanId: string;

const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const quality = (roles: Role[], supplierId?: string): GraphqlClient => stack.subgraph('quality', { caller: { roles, supplierId: supplierId ?? null } });
const partner = (world: World) => quality(['PARTNER'], world.chain.supplierId);
const admin = () => stack.subgraph('quality');

const snapshot = () => snapshotOf(stack);
const codes = (response: GraphqlResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);

async function world(name: string, chain: ReceivedLots): Promise<World> {
  const [l0, l1, , , l4] = chain.lotIds;
  const day = name === 'A' ? 5 : 7;
  const at = (d: number) => `2026-03-${String(d).padStart(2, '0')}T09:00:00Z`;
  const common = { planId, shipmentId: chain.shipmentId, lotSize: 500, quantityInspected: 50 };
  // A: PASS (0 of 50), FAIL (3). B: PASS (1 ≤ Ac), FAIL (5), and PASS (0) on its fourth lot.
  await inspect(stack, { ...common, lotId: l0, quantityRejected: name === 'A' ? 0 : 1, inspectedAt: at(day) });
  const failed = await inspect(stack, { ...common, lotId: l1, quantityRejected: name === 'A' ? 3 : 5, inspectedAt: at(day + 1) });
  if (name === 'B') await inspect(stack, { ...common, lotId: chain.lotIds[3], quantityRejected: 0, inspectedAt: at(day + 2) });
  const finishedLot = await registeredLot(stack, (await finishedProduct()), chain.supplierId);
  const workOrder = newId();
  lineSupplier.set(workOrder, chain.supplierId);
  if (name === 'B') {
    await inspect(stack, {
      planId: finalPlanId, lotId: finishedLot, workOrderId: workOrder, lotSize: 100, quantityInspected: 10, quantityRejected: 0,
      inspectedAt: at(20), readings: [{ characteristic: 'Length', value: 100, unit: 'MM' }],
    });
  }
  const ncId = failed.nonConformances[0].id;
  await mutate(stack, `mutation($input: DispositionNonConformanceInput!) { dispositionNonConformance(input: $input) { id } }`, {
    nonConformanceId: ncId, disposition: 'REWORK', rootCause: `Worn die at ${name}`, by: 'mrb@brand.example',
  });
  const { openCorrectiveAction } = await mutate(stack, `mutation($input: OpenCorrectiveActionInput!) { openCorrectiveAction(input: $input) { id } }`, {
    title: `Die wear at ${name}`, supplierId: chain.supplierId, nonConformanceIds: [ncId], owner: `${name} QE`, dueDate: '2026-06-30',
  });
  const { initiateRecall } = await mutate(stack, `mutation($input: InitiateRecallInput!) { initiateRecall(input: $input) { id } }`, {
    reason: `Contaminated resin at ${name}`, lotIds: [l4],
  });
  const { inspections, nonConformances, correctiveActions } = dataOf(await admin()(`query($s: ID!) {
    inspections(filter: { supplierId: $s }, first: 100) { nodes { id readings { id } } }
    nonConformances(filter: { supplierId: $s }, first: 100) { nodes { id } }
    correctiveActions(filter: { supplierId: $s }, first: 100) { nodes { id steps { id } } }
  }`, { s: chain.supplierId }));
  return {
    chain, finishedLot, workOrder, recall: initiateRecall.id,
    inspections: inspections.nodes.map((n: { id: string }) => n.id),
    readings: inspections.nodes.flatMap((n: { readings: { id: string }[] }) => n.readings.map((r) => r.id)),
    nonConformances: nonConformances.nodes.map((n: { id: string }) => n.id),
    correctiveActions: correctiveActions.nodes.map((n: { id: string }) => n.id),
    steps: correctiveActions.nodes.flatMap((n: { steps: { id: string }[] }) => n.steps.map((s) => s.id)),
  };
}

let finishedProductId: string | undefined;
async function finishedProduct(): Promise<string> {
  return (finishedProductId ??= await createProduct(stack, 'FG-ACCESS'));
}

beforeAll(async () => {
  workOrders = await startWorkOrders(lineSupplier);
  stack = await startStack(['suppliers', 'inventory', 'orders', 'quality'], { peers: { production: workOrders.url } });
  const chainA = await receivedLots(stack, [500, 500, 500, 500, 500]);
  productId = chainA.productId;
  const chainB = await receivedLots(stack, [500, 500, 500, 500, 500], productId);
  planId = await incomingPlan(stack, productId);
  ({ createInspectionPlan: { id: finalPlanId } } = await mutate(stack, CREATE_PLAN, {
    productId: await finishedProduct(), name: 'Final', trigger: 'FINAL', samplingMethod: 'PERCENT', samplePercent: 10,
    characteristics: [{ name: 'Length', lowerLimit: 99, upperLimit: 101, unit: 'MM' }],
  }));
  A = await world('A', chainA);
  B = await world('B', chainB);
  ({ initiateRecall: { id: sharedRecall } } = await mutate(stack, `mutation($input: InitiateRecallInput!) { initiateRecall(input: $input) { id } }`, {
    reason: 'Resin lot shared by A and B', lotIds: [chainA.lotIds[4], chainB.lotIds[4]],
  }));
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  await workOrders?.close();
});

/** Everything of B that A must never see: its rows, the recall across both, and B's own records elsewhere. */
const ofB = () => new Set([
  ...B.inspections, ...B.readings, ...B.nonConformances, ...B.correctiveActions, ...B.steps, B.recall, sharedRecall,
  B.chain.supplierId, B.chain.shipmentId, B.chain.receiptId, ...B.chain.lotIds, B.finishedLot,
]);
const leaks = (response: unknown) => [...idsIn(response)].filter((id) => ofB().has(id));

const EVERYTHING = `{
  inspections(first: 1000) { totalCount nodes { id supplier { id } lot { id } shipment { id } receipt { id } workOrder { id }
    readings { id characteristic { id } } nonConformance { id } nonConformances { id } plan { id } } }
  nonConformances(first: 1000) { totalCount nodes { id supplier { id } lot { id } inspection { id readings { id } } defectCode { id } } }
  correctiveActions(first: 1000) { totalCount nodes { id supplier { id } steps { id } nonConformances { id inspection { id } } } }
  recalls(first: 1000) { totalCount nodes { id rootLots { id } } }
  inspectionPlans(first: 1000) { totalCount nodes { id characteristics { id } } }
}`;

describe('what a partner sees in lists and by id', () => {
  it('lists only its own inspections, readings, non-conformances, corrective actions, steps and recalls', async () => {
    const response = await partner(A)(EVERYTHING);
    const data = dataOf(response);
    expect(leaks(data)).toEqual([]);
    const seen = idsIn(data);
    for (const own of [A.inspections, A.readings, A.nonConformances, A.correctiveActions, A.steps, [A.recall]]) {
      expect(own.length).toBeGreaterThan(0);
      expect(own.filter((id) => !seen.has(id))).toEqual([]);
    }
    expect(data.inspections.totalCount).toBe(A.inspections.length);
    expect(data.nonConformances.totalCount).toBe(A.nonConformances.length);
    expect(data.correctiveActions.totalCount).toBe(A.correctiveActions.length);
    expect(data.recalls.nodes.map((r: { id: string }) => r.id)).toEqual([A.recall]);
    // plans carry no supplier: every plan is generic, shared like the product catalogue
    expect(data.inspectionPlans.totalCount).toBe(2);
    // and B, the same way round
    const other = dataOf(await partner(B)(EVERYTHING));
    expect([...idsIn(other)].filter((id) => [...A.inspections, ...A.nonConformances, ...A.correctiveActions, A.recall, sharedRecall].includes(id))).toEqual([]);
    expect(other.inspections.totalCount).toBe(B.inspections.length);
  });

  it('finds nothing of B when filtering on B, and the brand sees both', async () => {
    const query = `query($s: ID!) { inspections(filter: { supplierId: $s }) { totalCount } nonConformances(filter: { supplierId: $s }) { totalCount }
      correctiveActions(filter: { supplierId: $s }) { totalCount } }`;
    expect(dataOf(await partner(A)(query, { s: B.chain.supplierId }))).toEqual({
      inspections: { totalCount: 0 }, nonConformances: { totalCount: 0 }, correctiveActions: { totalCount: 0 },
    });
    const brand = dataOf(await quality(['ANALYST'])(EVERYTHING));
    expect(brand.inspections.totalCount).toBe(A.inspections.length + B.inspections.length);
    expect(brand.recalls.totalCount).toBe(3);
  });

  it('answers null for B\'s rows by id and the row for its own', async () => {
    const query = `query($i: ID!, $n: ID!, $c: ID!, $r: ID!, $s: ID!) {
      inspection(id: $i) { id } nonConformance(id: $n) { id } correctiveAction(id: $c) { id } recall(id: $r) { id } shared: recall(id: $s) { id } }`;
    const ids = (w: World) => ({ i: w.inspections[0], n: w.nonConformances[0], c: w.correctiveActions[0], r: w.recall, s: sharedRecall });
    expect(dataOf(await partner(A)(query, ids(B)))).toEqual({ inspection: null, nonConformance: null, correctiveAction: null, recall: null, shared: null });
    expect(dataOf(await partner(A)(query, ids(A)))).toEqual({
      inspection: { id: A.inspections[0] }, nonConformance: { id: A.nonConformances[0] }, correctiveAction: { id: A.correctiveActions[0] },
      recall: { id: A.recall }, shared: null,
    });
  });
});

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Inspection { id readings { id } } ... on NonConformance { id } ... on CorrectiveAction { id steps { id } } ... on Recall { id }
  ... on InspectionPlan { id }
} }`;

describe('what a partner sees through _entities', () => {
  const representations = (w: World) => [
    ...w.inspections.map((id) => ({ __typename: 'Inspection', id })),
    ...w.nonConformances.map((id) => ({ __typename: 'NonConformance', id })),
    ...w.correctiveActions.map((id) => ({ __typename: 'CorrectiveAction', id })),
    { __typename: 'Recall', id: w.recall },
  ];

  it('resolves each of B\'s representations to null with FORBIDDEN', async () => {
    const reps = [...representations(B), { __typename: 'Recall', id: sharedRecall }];
    const response = await partner(A)(ENTITIES, { r: reps });
    expect(response.data?._entities).toEqual(reps.map(() => null));
    expect(codes(response)).toEqual(reps.map(() => 'FORBIDDEN'));
  });

  it('resolves its own representations to the rows, and every plan', async () => {
    const reps = [...representations(A), { __typename: 'InspectionPlan', id: planId }];
    const { _entities } = dataOf(await partner(A)(ENTITIES, { r: reps }));
    expect(_entities.map((e: { id: string }) => e.id)).toEqual(reps.map((r) => r.id));
    expect(leaks(_entities)).toEqual([]);
  });
});

describe('what quality adds to Lot, Shipment, Supplier and Product, for a partner', () => {
  const LOT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Lot { id inspections { id } nonConformances { id } disposition } } }`;

  it('shows nothing on B\'s lots and all on its own', async () => {
    const theirs = dataOf(await partner(A)(LOT, { r: B.chain.lotIds.map((id) => ({ __typename: 'Lot', id })) }));
    expect(theirs._entities).toEqual(B.chain.lotIds.map((id) => ({ id, inspections: [], nonConformances: [], disposition: null })));
    const brand = dataOf(await admin()(LOT, { r: [{ __typename: 'Lot', id: B.chain.lotIds[1] }] }));
    expect(brand._entities[0]).toMatchObject({ disposition: 'REWORK', nonConformances: [{ id: B.nonConformances[0] }] });
    const own = dataOf(await partner(A)(LOT, { r: [{ __typename: 'Lot', id: A.chain.lotIds[1] }] }));
    expect(own._entities[0]).toMatchObject({ disposition: 'REWORK', nonConformances: [{ id: A.nonConformances[0] }], inspections: [{ id: expect.any(String) }] });
  });

  it('gives B\'s shipment no incoming inspection, and its own shipment its own', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Shipment { id incomingInspection { id } } } }`;
    const { _entities } = dataOf(await partner(A)(query, { r: [B, A].map((w) => ({ __typename: 'Shipment', id: w.chain.shipmentId })) }));
    expect(_entities[0]).toEqual({ id: B.chain.shipmentId, incomingInspection: null });
    expect(A.inspections).toContain(_entities[1].incomingInspection.id);
  });

  const SUPPLIER = `query($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!) { _entities(representations: $r) { ... on Supplier {
    id ppm(from: $from, to: $to) firstPassYield(from: $from, to: $to) qualityPerformance(from: $from, to: $to) { firstInspections quantityReceived }
    openNonConformances { id } openNonConformanceCount
  } } }`;

  it('refuses B\'s supplier KPIs and non-conformances with FORBIDDEN', async () => {
    const response = await partner(A)(SUPPLIER, { r: [{ __typename: 'Supplier', id: B.chain.supplierId }], ...MARCH });
    expect(response.data?._entities).toEqual([null]);
    expect(codes(response)).toEqual(['FORBIDDEN']);
  });

  it('answers its own supplier KPIs as the brand sees them', async () => {
    const r = [{ __typename: 'Supplier', id: A.chain.supplierId }];
    const own = dataOf(await partner(A)(SUPPLIER, { r, ...MARCH }))._entities[0];
    // A in March: a PASS with 0 and a FAIL with 3 of 500 each → PPM 3000, FPY 0.5
    expect(own).toMatchObject({ ppm: 3000, firstPassYield: 0.5, qualityPerformance: { firstInspections: 2, quantityReceived: 1000 }, openNonConformanceCount: 1 });
    expect(dataOf(await admin()(SUPPLIER, { r, ...MARCH }))._entities[0]).toEqual(own);
  });

  it('computes a product\'s KPIs over the partner\'s own inspections only', async () => {
    const query = `query($r: [_Any!]!, $from: LocalDate!, $to: LocalDate!) { _entities(representations: $r) { ... on Product {
      ppm(from: $from, to: $to) firstPassYield(from: $from, to: $to) qualityPerformance(from: $from, to: $to) { firstInspections firstInspectionsPassed quantityReceived quantityRejected }
    } } }`;
    const r = [{ __typename: 'Product', id: productId }];
    // the brand: A's 2 and B's 3 first inspections, 9 of 2500 rejected; A alone: 3 of 1000; B alone: 6 of 1500
    expect(dataOf(await admin()(query, { r, ...MARCH }))._entities[0]).toEqual({
      ppm: 3600, firstPassYield: 0.6, qualityPerformance: { firstInspections: 5, firstInspectionsPassed: 3, quantityReceived: 2500, quantityRejected: 9 },
    });
    expect(dataOf(await partner(A)(query, { r, ...MARCH }))._entities[0]).toEqual({
      ppm: 3000, firstPassYield: 0.5, qualityPerformance: { firstInspections: 2, firstInspectionsPassed: 1, quantityReceived: 1000, quantityRejected: 3 },
    });
    expect(dataOf(await partner(B)(query, { r, ...MARCH }))._entities[0]).toMatchObject({ ppm: 4000, firstPassYield: 2 / 3 });
  });

  it('shares the defect-code catalogue with every partner', async () => {
    const brand = dataOf(await admin()(`{ defectCodes { code } }`)).defectCodes;
    expect(dataOf(await partner(A)(`{ defectCodes { code } }`)).defectCodes).toEqual(brand);
  });
});

const REFUSED: [string, Role[]][] = [['ANALYST', ['ANALYST']], ['BUYER', ['BUYER']], ['PLANNER', ['PLANNER']]];

/** The caller is refused (FORBIDDEN unless told; a list: any of them), naming `field` when given, and nothing changes. */
async function expectRefused(client: GraphqlClient, document: string, variables: Record<string, unknown>, code: string | string[] = 'FORBIDDEN', field?: string) {
  const before = await snapshot();
  const response = await client(document, variables);
  expect([code].flat()).toContain(response.errors?.[0]?.extensions?.code);
  if (field) expect(response.errors?.[0]?.extensions?.field).toBe(field);
  expect(await snapshot()).toEqual(before);
}

/** A record the owner hides from the partner is NOT_FOUND; one it shows, but of B, is FORBIDDEN. */
const OUTSIDE = ['FORBIDDEN', 'NOT_FOUND'];

describe('mutations only QUALITY may run', () => {
  let ncId: string;
  let caId: string;
  const refusedCallers = (): [string, GraphqlClient][] => [...REFUSED.map(([name, roles]): [string, GraphqlClient] => [name, quality(roles)]), ['PARTNER', partner(A)]];

  const cases: [string, string, () => Record<string, unknown>, (data: any) => void][] = [
    ['createInspectionPlan', CREATE_PLAN, () => ({ input: {
      productId, name: 'In process', trigger: 'IN_PROCESS', samplingMethod: 'PERCENT', samplePercent: 5,
      characteristics: [{ name: 'Torque', lowerLimit: 1, upperLimit: 2, unit: 'NM' }],
    } }), (data) => expect(data.createInspectionPlan.version).toBe(1)],
    ['createDefectCode', `mutation($input: CreateDefectCodeInput!) { createDefectCode(input: $input) { code } }`,
      () => ({ input: { code: 'COS-01', description: 'Scratch', category: 'COSMETIC' } }), (data) => expect(data.createDefectCode.code).toBe('COS-01')],
    ['openNonConformance', `mutation($input: OpenNonConformanceInput!) { openNonConformance(input: $input) { id status supplier { id } } }`,
      () => ({ input: { lotId: A.chain.lotIds[0], defectCode: 'COS-01', quantity: 2, severity: 'MINOR' } }),
      (data) => { ncId = data.openNonConformance.id; expect(data.openNonConformance).toMatchObject({ status: 'OPEN', supplier: { id: A.chain.supplierId } }); }],
    ['reviewNonConformance', `mutation($id: ID!) { reviewNonConformance(id: $id) { status } }`, () => ({ id: ncId }),
      (data) => expect(data.reviewNonConformance.status).toBe('UNDER_REVIEW')],
    ['dispositionNonConformance', `mutation($input: DispositionNonConformanceInput!) { dispositionNonConformance(input: $input) { status } }`,
      () => ({ input: { nonConformanceId: ncId, disposition: 'USE_AS_IS', rootCause: 'Cosmetic only', by: 'mrb@brand.example' } }),
      (data) => expect(data.dispositionNonConformance.status).toBe('DISPOSITIONED')],
    ['closeNonConformance', `mutation($id: ID!) { closeNonConformance(id: $id) { status } }`, () => ({ id: ncId }),
      (data) => expect(data.closeNonConformance.status).toBe('CLOSED')],
    ['openCorrectiveAction', `mutation($input: OpenCorrectiveActionInput!) { openCorrectiveAction(input: $input) { id status } }`,
      () => ({ input: { title: 'Scratches', supplierId: A.chain.supplierId, nonConformanceIds: [ncId], owner: 'A QE', dueDate: '2026-12-31' } }),
      (data) => { caId = data.openCorrectiveAction.id; expect(data.openCorrectiveAction.status).toBe('OPEN'); }],
    ['initiateRecall', `mutation($input: InitiateRecallInput!) { initiateRecall(input: $input) { status } }`,
      () => ({ input: { reason: 'Scratched housings', lotIds: [A.chain.lotIds[0]] } }), (data) => expect(data.initiateRecall.status).toBe('INITIATED')],
    ['moveRecall', `mutation($input: MoveRecallInput!) { moveRecall(input: $input) { status } }`,
      () => ({ input: { recallId: A.recall, status: 'IN_PROGRESS' } }), (data) => expect(data.moveRecall.status).toBe('IN_PROGRESS')],
  ];

  it.each(cases)('%s: refused to ANALYST, BUYER, PLANNER and PARTNER (nothing changes); QUALITY runs it', async (_name, document, variables, check) => {
    for (const [, client] of refusedCallers()) await expectRefused(client, document, variables());
    check(dataOf(await quality(['QUALITY'])(document, variables())));
  });

  it('closeCorrectiveAction: refused to the others; QUALITY closes an 8D whose steps a partner and QUALITY completed', async () => {
    const STEP = `mutation($input: CompleteCorrectiveActionStepInput!) { completeCorrectiveActionStep(input: $input) { status } }`;
    for (let step = 1; step <= 8; step++) {
      const who = step % 2 ? partner(A) : quality(['QUALITY']);
      dataOf(await who(STEP, { input: { correctiveActionId: caId, step, text: `D${step}` } }));
    }
    const CLOSE = `mutation($id: ID!) { closeCorrectiveAction(id: $id) { status } }`;
    for (const [, client] of refusedCallers()) await expectRefused(client, CLOSE, { id: caId });
    expect(dataOf(await quality(['QUALITY'])(CLOSE, { id: caId })).closeCorrectiveAction.status).toBe('CLOSED');
  });
});

describe('completeCorrectiveActionStep: QUALITY, and a partner on its own corrective actions', () => {
  const STEP = `mutation($input: CompleteCorrectiveActionStepInput!) { completeCorrectiveActionStep(input: $input) { status steps { step completedAt } } }`;
  const stepOf = (w: World, step: number) => ({ input: { correctiveActionId: w.correctiveActions[0], step, text: `D${step} by the CM` } });

  it('is refused to ANALYST, BUYER and PLANNER', async () => {
    for (const [, roles] of REFUSED) await expectRefused(quality(roles), STEP, stepOf(A, 1));
  });

  it('lets the partner complete the next step of its own 8D, and QUALITY the one after', async () => {
    expect(dataOf(await partner(A)(STEP, stepOf(A, 1))).completeCorrectiveActionStep.status).toBe('IN_PROGRESS');
    const { completeCorrectiveActionStep } = dataOf(await quality(['QUALITY'])(STEP, stepOf(A, 2)));
    expect(completeCorrectiveActionStep.steps.filter((s: { completedAt: unknown }) => s.completedAt).length).toBe(2);
  });

  it('answers NOT_FOUND to a partner naming B\'s 8D, changing nothing', async () => {
    await expectRefused(partner(A), STEP, stepOf(B, 1), 'NOT_FOUND', 'correctiveActionId');
    const { correctiveAction } = dataOf(await admin()(`query($id: ID!) { correctiveAction(id: $id) { status steps { completedAt } } }`, { id: B.correctiveActions[0] }));
    expect(correctiveAction).toEqual({ status: 'OPEN', steps: Array.from({ length: 8 }, () => ({ completedAt: null })) });
  });
});

describe('recordInspection: QUALITY, and a partner for its own lots at its own receipts, shipments and work orders', () => {
  const RECORDED = `mutation($input: RecordInspectionInput!) { recordInspection(input: $input) {
    id result firstPass supplier { id } nonConformance { id supplier { id } } } }`;
  const incoming = (w: World, lot: number, anchor: Record<string, unknown>) => ({
    input: { planId, lotId: w.chain.lotIds[lot], lotSize: 500, quantityInspected: 50, quantityRejected: 0, readings: GOOD_READINGS, ...anchor },
  });
  const final = (lotId: string, workOrderId: string) => ({
    input: { planId: finalPlanId, lotId, workOrderId, lotSize: 100, quantityInspected: 10, quantityRejected: 0, readings: [{ characteristic: 'Length', value: 100, unit: 'MM' }] },
  });

  it('is refused to ANALYST, BUYER and PLANNER; QUALITY records', async () => {
    for (const [, roles] of REFUSED) await expectRefused(quality(roles), RECORD, incoming(A, 2, { shipmentId: A.chain.shipmentId }));
    const { recordInspection } = dataOf(await quality(['QUALITY'])(RECORDED, incoming(A, 2, { shipmentId: A.chain.shipmentId })));
    expect(recordInspection).toMatchObject({ result: 'PASS', firstPass: true, supplier: { id: A.chain.supplierId } });
  });

  it('lets a partner record on its own lot at its own shipment, receipt and work order', async () => {
    const atShipment = dataOf(await partner(A)(RECORDED, incoming(A, 3, { shipmentId: A.chain.shipmentId }))).recordInspection;
    expect(atShipment).toMatchObject({ result: 'PASS', firstPass: true, supplier: { id: A.chain.supplierId } });
    const atReceipt = dataOf(await partner(A)(RECORDED, incoming(A, 3, { receiptId: A.chain.receiptId }))).recordInspection;
    expect(atReceipt).toMatchObject({ result: 'PASS', firstPass: false, supplier: { id: A.chain.supplierId } });
    const atWorkOrder = dataOf(await partner(A)(RECORDED, final(A.finishedLot, A.workOrder))).recordInspection;
    expect(atWorkOrder).toMatchObject({ result: 'PASS', firstPass: true, supplier: { id: A.chain.supplierId } });
    const seen = dataOf(await partner(A)(`{ inspections(first: 1000) { nodes { id } } }`)).inspections.nodes.map((n: { id: string }) => n.id);
    expect(seen).toEqual(expect.arrayContaining([atShipment.id, atReceipt.id, atWorkOrder.id]));
  });

  it('opens a non-conformance of the partner\'s own supplier when its inspection fails, and links a repeat failure to it', async () => {
    const failing = incoming(A, 2, { shipmentId: A.chain.shipmentId, quantityRejected: 4 });
    const first = dataOf(await partner(A)(RECORDED, failing)).recordInspection;
    expect(first).toMatchObject({ result: 'FAIL', firstPass: false, nonConformance: { supplier: { id: A.chain.supplierId } } });
    const again = dataOf(await partner(A)(RECORDED, failing)).recordInspection;
    expect(again.nonConformance.id).toBe(first.nonConformance.id);
  });

  it('refuses a partner B\'s lot, or its own lot at B\'s shipment, receipt or work order, writing nothing', async () => {
    const refusals: [Record<string, unknown>, string][] = [
      [incoming(B, 2, { shipmentId: B.chain.shipmentId }), 'lotId'],
      [incoming(B, 2, { shipmentId: A.chain.shipmentId }), 'lotId'],
      [incoming(A, 3, { shipmentId: B.chain.shipmentId }), 'shipmentId'],
      [incoming(A, 3, { receiptId: B.chain.receiptId }), 'receiptId'],
      [final(A.finishedLot, B.workOrder), 'workOrderId'],
      [final(B.finishedLot, A.workOrder), 'lotId'],
    ];
    for (const [variables, field] of refusals) await expectRefused(partner(A), RECORD, variables, OUTSIDE, field);
  });

  it('refuses a partner a lot of no supplier, even at its own receipt (the brand\'s stock is not the partner\'s to quarantine)', async () => {
    const lotId = await registeredLot(stack, productId, null as unknown as string);
    await expectRefused(partner(A), RECORD, { input: { ...incoming(A, 0, { receiptId: A.chain.receiptId }).input, lotId } }, OUTSIDE, 'lotId');
  });
});
