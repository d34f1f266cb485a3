// Who may do what in orders: two contract manufacturers A and B, each with orders, lines, shipments,
// packages, lines and milestones. Partner A, calling the subgraph directly as the gateway would, sees
// every row of its own and none of B's — by list, by id, through `_entities`, through the fields orders
// contributes to Supplier and Lot, and in the raw-SQL reports; it acts only on its own rows. Every
// mutation refuses the roles it does not name, and prices are refused to QUALITY and SUSTAINABILITY.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { scopeEntityManager, type Identity, type Role } from '@cmgraph/platform';
import { outboxHead, startStack, type GraphqlClient, type GraphqlResponse, type Stack } from '@cmgraph/testkit';
import { createLoaders } from '../src/loaders';
import { makeSscc } from '../src/shipment/sscc';
import {
  ACKNOWLEDGE_PO, CREATE_PO, CREATE_SHIPMENT, RECORD_MILESTONE, SEND_PO, acknowledgedOrder, createParties, lineTotals, mutate, ok,
  purchaseOrderInput, rowCounts, shipmentInput, type CreatedOrder, type Parties,
} from './fixtures';

interface World {
  parties: Parties;
  order: CreatedOrder;
  shipment: { id: string; lines: { id: string }[] };
  /** Every id of a partner-scoped row of this supplier, whatever its type. */
  ids: Set<string>;
}

let stack: Stack;
let A: World;
let B: World;
let ssccSerial = 0;
const YEAR = { from: '2026-01-01', to: '2026-12-31' };

/** An order, a shipment of it (one package, lot `lotNumber` on line 1) and one more milestone. */
async function world(parties: Parties, lotNumber: string): Promise<World> {
  const order = await acknowledgedOrder(stack, parties, [{ quantity: 10 }, { quantity: 20 }]);
  const sscc = makeSscc('0614141', 900_000 + ++ssccSerial);
  const { createShipment } = await mutate(stack, CREATE_SHIPMENT, shipmentInput(parties, [], {
    packages: [{ sscc, weightKg: 12 }],
    lines: [
      { purchaseOrderLineId: order.lines[0]!.id, quantity: 4, packageSscc: sscc, lotNumber: 'LOT-1' },
      { purchaseOrderLineId: order.lines[1]!.id, quantity: 5, lotNumber },
    ],
  }));
  await mutate(stack, RECORD_MILESTONE, { shipmentId: createShipment.id, type: 'PICKED_UP', occurredAt: '2026-02-20T08:00:00Z' });
  const full = ok(await stack.subgraph('orders')(`query($id: ID!) { shipment(id: $id) { id lines { id } packages { id } events { id } } }`, { id: createShipment.id })).shipment;
  const ids = new Set<string>([order.id, ...order.lines.map((l) => l.id), full.id, ...[...full.lines, ...full.packages, ...full.events].map((r: { id: string }) => r.id)]);
  return { parties, order, shipment: full, ids };
}

beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders']);
  const partiesA = await createParties(stack, 2);
  // B ships the same products (and the same lot number LOT-1) as A: only the supplier tells them apart.
  const partiesB = { ...(await createParties(stack, 0)), productIds: partiesA.productIds };
  A = await world(partiesA, 'LOT-A');
  B = await world(partiesB, 'LOT-B');
}, 120_000);
afterAll(async () => stack?.stop());

const partner = (w: World): Identity => ({ subject: `cm-${w.parties.supplierId}`, roles: ['PARTNER'], supplierId: w.parties.supplierId });
const as = (caller: Identity | { roles: Role[] }): GraphqlClient => stack.subgraph('orders', { caller });
const partnerA = () => as(partner(A));

/** Every id anywhere in a response. */
function idsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => idsIn(v, into));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'id' && typeof v === 'string') into.add(v);
      else idsIn(v, into);
    }
  }
  return into;
}
const leaksOf = (response: GraphqlResponse<unknown>) => [...idsIn(response.data)].filter((id) => B.ids.has(id)).length;
const ownOf = (response: GraphqlResponse<unknown>) => [...idsIn(response.data)].filter((id) => A.ids.has(id)).length;

const TREE = `id lines { id unitPrice purchaseOrder { id } }
  shipments { id lines { id purchaseOrderLine { id } package { id } shipment { id } } packages { id } events { id } }`;
const SHIPMENT_TREE = `id lines { id purchaseOrderLine { id purchaseOrder { id } } } packages { id } events { id }`;

describe('what partner A reads', () => {
  it('lists only its own orders, lines, shipments, packages and milestones — also when filtering on B', async () => {
    const client = partnerA();
    const lists = await client(`query($b: ID!, $bOrder: ID!) {
      all: purchaseOrders(first: 100) { totalCount nodes { ${TREE} } }
      ofB: purchaseOrders(first: 100, filter: { supplierId: $b }) { totalCount nodes { id } }
      shipments(first: 100) { totalCount nodes { ${SHIPMENT_TREE} } }
      shipmentsOfB: shipments(first: 100, filter: { supplierId: $b }) { totalCount nodes { id } }
      shipmentsOnB: shipments(first: 100, filter: { purchaseOrderId: $bOrder }) { totalCount nodes { id } }
    }`, { b: B.parties.supplierId, bOrder: B.order.id });
    const data = ok(lists);
    expect(leaksOf(lists)).toBe(0);
    expect(ownOf(lists)).toBe(A.ids.size);
    expect([data.all.totalCount, data.shipments.totalCount]).toEqual([1, 1]);
    for (const list of [data.ofB, data.shipmentsOfB, data.shipmentsOnB]) expect(list).toEqual({ totalCount: 0, nodes: [] });
  });

  it("answers null for B's order and shipment by id or number, and its own otherwise", async () => {
    const query = `query($order: ID!, $number: String!, $shipment: ID!) {
      purchaseOrder(id: $order) { ${TREE} } purchaseOrderByNumber(number: $number) { id } shipment(id: $shipment) { ${SHIPMENT_TREE} }
    }`;
    const ofB = await partnerA()(query, { order: B.order.id, number: B.order.number, shipment: B.shipment.id });
    expect(ok(ofB)).toEqual({ purchaseOrder: null, purchaseOrderByNumber: null, shipment: null });
    const own = await partnerA()(query, { order: A.order.id, number: A.order.number, shipment: A.shipment.id });
    expect(ownOf(own)).toBe(A.ids.size);
    expect(leaksOf(own)).toBe(0);
  });

  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on PurchaseOrder { ${TREE} } ... on PurchaseOrderLine { id purchaseOrder { id } }
    ... on Shipment { ${SHIPMENT_TREE} } ... on ShipmentLine { id shipment { id } }
  } }`;
  const representations = (w: World) => [
    { __typename: 'PurchaseOrder', id: w.order.id },
    ...w.order.lines.map((l) => ({ __typename: 'PurchaseOrderLine', id: l.id })),
    { __typename: 'Shipment', id: w.shipment.id },
    ...w.shipment.lines.map((l) => ({ __typename: 'ShipmentLine', id: l.id })),
  ];

  it("resolves each of B's entity references to null with FORBIDDEN, and its own to the rows", async () => {
    const ofB = await partnerA()(ENTITIES, { r: representations(B) });
    const n = representations(B).length;
    expect(ofB.data?._entities).toEqual(Array(n).fill(null));
    expect(ofB.errors?.map((e) => [e.extensions?.code, e.path?.[1]]).sort((x, y) => Number(x[1]) - Number(y[1]))).toEqual(Array.from({ length: n }, (_, i) => ['FORBIDDEN', i]));
    const own = await partnerA()(ENTITIES, { r: representations(A) });
    expect(ok(own)._entities.every(Boolean)).toBe(true);
    expect(ownOf(own)).toBe(A.ids.size);
    expect(leaksOf(own)).toBe(0);
  });

  const SUPPLIER = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Supplier {
    id purchaseOrders(first: 100) { totalCount nodes { ${TREE} } }
    deliveryPerformance(from: "${YEAR.from}", to: "${YEAR.to}") { linesDue quantityOrdered }
    onTimeInFullRate(from: "${YEAR.from}", to: "${YEAR.to}") fillRate(from: "${YEAR.from}", to: "${YEAR.to}")
  } } }`;

  it("refuses B's Supplier (its orders and delivery performance) with FORBIDDEN, and serves its own", async () => {
    const ofB = await partnerA()(SUPPLIER, { r: [{ __typename: 'Supplier', id: B.parties.supplierId }] });
    expect(ofB.data?._entities).toEqual([null]);
    expect(ofB.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const own = await partnerA()(SUPPLIER, { r: [{ __typename: 'Supplier', id: A.parties.supplierId }] });
    const [supplier] = ok(own)._entities;
    expect(supplier.purchaseOrders.totalCount).toBe(1);
    expect(supplier.deliveryPerformance).toEqual({ linesDue: 2, quantityOrdered: 30 });
    expect(ownOf(own)).toBe(A.ids.size);
    expect(leaksOf(own)).toBe(0);
  });

  it("gives a Lot only its own shipment lines: none for B's lot, only A's of a lot number both shipped", async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Lot { id shipmentLines { id shipment { id } } } } }`;
    const lot = (lotNumber: string) => ({ __typename: 'Lot', id: `lot-${lotNumber}`, lotNumber, product: { id: A.parties.productIds[lotNumber === 'LOT-B' ? 1 : 0] } });
    const response = await partnerA()(query, { r: [lot('LOT-B'), lot('LOT-1')] });
    const [ofB, shared] = ok(response)._entities;
    expect(ofB.shipmentLines).toEqual([]);
    expect(shared.shipmentLines.map((l: { id: string }) => l.id)).toEqual([A.shipment.lines[0]!.id]);
    expect(leaksOf(response)).toBe(0);
    const admin = ok(await stack.subgraph('orders')(query, { r: [lot('LOT-1')] }));
    expect(admin._entities[0].shipmentLines).toHaveLength(2); // B's line exists: the scope hid it
  });

  it("scopes the raw-SQL reports themselves: B's figures are empty on a partner's EntityManager", async () => {
    const orm = stack.subgraphs.orders!.server.orm;
    const ask = async (identity: Identity) => {
      const loaders = createLoaders(scopeEntityManager(orm.em.fork(), identity));
      const key = { supplierId: B.parties.supplierId, filter: {}, page: { first: 10 } };
      return {
        performance: (await loaders.deliveryPerformance.load({ supplierId: B.parties.supplierId, ...YEAR, daysEarly: 3, daysLate: 0 })).linesDue,
        page: (await loaders.supplierOrderPage.load(key)).nodes.length,
        count: await loaders.supplierOrderCount.load(key),
      };
    };
    expect(await ask(partner(A))).toEqual({ performance: 0, page: 0, count: 0 });
    expect(await ask(partner(B))).toEqual({ performance: 2, page: 1, count: 1 });
  });
});

describe('prices', () => {
  const PRICES = `query($id: ID!) { purchaseOrder(id: $id) { id totalAmount lines { id quantity unitPrice } } }`;

  it.each(['QUALITY', 'SUSTAINABILITY'] as Role[])('are null with FORBIDDEN for %s, the rest of the order intact', async (role) => {
    const response = await as({ roles: [role] })(PRICES, { id: A.order.id });
    expect(response.data?.purchaseOrder).toMatchObject({ id: A.order.id, totalAmount: null, lines: [{ quantity: 10, unitPrice: null }, { quantity: 20, unitPrice: null }] });
    expect(response.errors?.map((e) => [e.extensions?.code, e.path?.at(-1)]).sort()).toEqual([
      ['FORBIDDEN', 'totalAmount'], ['FORBIDDEN', 'unitPrice'], ['FORBIDDEN', 'unitPrice'],
    ]);
  });

  it.each([['BUYER'], ['PLANNER'], ['ANALYST'], ['PARTNER']] as [Role][])('are readable by %s (a partner on its own orders)', async (role) => {
    const caller = role === 'PARTNER' ? partner(A) : { roles: [role] };
    const { purchaseOrder } = ok(await as(caller)(PRICES, { id: A.order.id }));
    expect(purchaseOrder).toMatchObject({ totalAmount: 75, lines: [{ unitPrice: 2.5 }, { unitPrice: 2.5 }] });
  });
});

/** Everything a refused write could have changed in orders. */
async function state() {
  const [stamps] = await stack.subgraphs.orders!.server.orm.em.fork().execute<Record<string, unknown>[]>(
    `select (select max(updated_at) from purchase_order) as orders, (select max(updated_at) from purchase_order_line) as lines,
            (select max(updated_at) from shipment) as shipments`,
  );
  return { rows: await rowCounts(stack), quantities: await lineTotals(stack), outbox: await outboxHead(stack, 'orders'), stamps };
}

/** Runs a write that must be refused with `code`; asserts that nothing changed. */
async function refused(client: GraphqlClient, document: string, variables: Record<string, unknown>, code: string, field?: string) {
  const before = await state();
  const result = await client(document, variables);
  expect(result.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
  expect(await state()).toEqual(before);
}

const CANCEL_PO = `mutation($id: ID!) { cancelPurchaseOrder(id: $id, reason: "test") { id status } }`;
const UPDATE_ETA = `mutation($input: UpdateShipmentEtaInput!) { updateShipmentEta(input: $input) { id eta } }`;
const accept = (order: CreatedOrder) => ({ purchaseOrderId: order.id, lines: order.lines.map((l) => ({ lineId: l.id, status: 'ACCEPTED', promisedDate: '2026-03-01' })) });

describe('purchase-order mutations', () => {
  it('createPurchaseOrder: refused to ANALYST, QUALITY and PARTNER; BUYER creates', async () => {
    const input = () => ({ input: purchaseOrderInput(A.parties, [{ quantity: 1 }]) });
    for (const caller of [{ roles: ['ANALYST'] as Role[] }, { roles: ['QUALITY'] as Role[] }, partner(A)]) {
      await refused(as(caller), CREATE_PO, input(), 'FORBIDDEN');
    }
    expect(ok(await as({ roles: ['BUYER'] })(CREATE_PO, input())).createPurchaseOrder.status).toBe('DRAFT');
  });

  it('sendPurchaseOrder and cancelPurchaseOrder: refused to ANALYST, PLANNER and PARTNER; BUYER sends and cancels', async () => {
    const { createPurchaseOrder: draft } = await mutate(stack, CREATE_PO, purchaseOrderInput(A.parties, [{ quantity: 1 }]));
    for (const caller of [{ roles: ['ANALYST'] as Role[] }, { roles: ['PLANNER'] as Role[] }, partner(A)]) {
      await refused(as(caller), SEND_PO, { id: draft.id }, 'FORBIDDEN');
      await refused(as(caller), CANCEL_PO, { id: draft.id }, 'FORBIDDEN');
    }
    const buyer = as({ roles: ['BUYER'] });
    expect(ok(await buyer(SEND_PO, { id: draft.id })).sendPurchaseOrder.status).toBe('SENT');
    expect(ok(await buyer(CANCEL_PO, { id: draft.id })).cancelPurchaseOrder.status).toBe('CANCELLED');
  });

  it("acknowledgePurchaseOrder: refused to ANALYST and QUALITY, NOT_FOUND for B's order; A and BUYER answer", async () => {
    const sent = async (w: World) => {
      const { createPurchaseOrder: order } = await mutate(stack, CREATE_PO, purchaseOrderInput(w.parties, [{ quantity: 2 }]));
      ok(await stack.subgraph('orders')(SEND_PO, { id: order.id }));
      return order as CreatedOrder;
    };
    const [ofA, ofB, forBuyer] = [await sent(A), await sent(B), await sent(A)];
    for (const caller of [{ roles: ['ANALYST'] as Role[] }, { roles: ['QUALITY'] as Role[] }]) {
      await refused(as(caller), ACKNOWLEDGE_PO, { input: accept(ofA) }, 'FORBIDDEN');
    }
    await refused(partnerA(), ACKNOWLEDGE_PO, { input: accept(ofB) }, 'NOT_FOUND', 'purchaseOrderId');
    // B's line slipped into A's own order's answer: not a line of that order, refused before anything moves
    const mixed = { ...accept(ofA), lines: [...accept(ofA).lines, { lineId: ofB.lines[0]!.id, status: 'ACCEPTED', promisedDate: '2026-03-01' }] };
    await refused(partnerA(), ACKNOWLEDGE_PO, { input: mixed }, 'NOT_FOUND', 'lines[1].lineId');
    expect(ok(await partnerA()(ACKNOWLEDGE_PO, { input: accept(ofA) })).acknowledgePurchaseOrder.status).toBe('ACKNOWLEDGED');
    expect(ok(await as({ roles: ['BUYER'] })(ACKNOWLEDGE_PO, { input: accept(forBuyer) })).acknowledgePurchaseOrder.status).toBe('ACKNOWLEDGED');
  });
});

describe('shipment mutations', () => {
  const book = (w: World, lines: { purchaseOrderLineId: string; quantity: number }[], overrides: Record<string, unknown> = {}) =>
    ({ input: shipmentInput(w.parties, lines, overrides) });
  const lineOf = (w: World, i: number) => w.order.lines[i]!.id;

  it('createShipment: refused to ANALYST and QUALITY; PARTNER, PLANNER and BUYER book', async () => {
    for (const caller of [{ roles: ['ANALYST'] as Role[] }, { roles: ['QUALITY'] as Role[] }]) {
      await refused(as(caller), CREATE_SHIPMENT, book(A, [{ purchaseOrderLineId: lineOf(A, 0), quantity: 1 }]), 'FORBIDDEN');
    }
    for (const caller of [partner(A), { roles: ['PLANNER'] as Role[] }, { roles: ['BUYER'] as Role[] }]) {
      const { createShipment } = ok(await as(caller)(CREATE_SHIPMENT, book(A, [{ purchaseOrderLineId: lineOf(A, 0), quantity: 1 }])));
      expect(createShipment.status).toBe('BOOKED');
    }
  });

  it("createShipment: a partner cannot book for B, from B's facility, or against B's PO lines — also mixed with its own", async () => {
    const client = partnerA();
    await refused(client, CREATE_SHIPMENT, book(B, [{ purchaseOrderLineId: lineOf(B, 0), quantity: 1 }]), 'FORBIDDEN', 'supplierId');
    const fromB = book(A, [{ purchaseOrderLineId: lineOf(A, 0), quantity: 1 }], { shipFromFacilityId: B.parties.facilityId });
    const before = await state();
    const viaFacility = await client(CREATE_SHIPMENT, fromB);
    // FORBIDDEN here, or NOT_FOUND when suppliers already hides B's facility from A: refused either way
    expect(viaFacility.errors?.[0]?.extensions).toMatchObject({ field: 'shipFromFacilityId' });
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(viaFacility.errors?.[0]?.extensions?.code);
    expect(await state()).toEqual(before);
    const mixed = book(A, [{ purchaseOrderLineId: lineOf(A, 1), quantity: 1 }, { purchaseOrderLineId: lineOf(B, 1), quantity: 1 }]);
    await refused(client, CREATE_SHIPMENT, mixed, 'NOT_FOUND', 'lines[1].purchaseOrderLineId');
    await refused(client, CREATE_SHIPMENT, book(A, [{ purchaseOrderLineId: lineOf(B, 1), quantity: 1 }]), 'NOT_FOUND', 'lines[0].purchaseOrderLineId');
  });

  it("recordShipmentMilestone: refused to ANALYST and SUSTAINABILITY, NOT_FOUND on B's shipment; A and PLANNER record", async () => {
    const milestone = (w: World, occurredAt: string) => ({ input: { shipmentId: w.shipment.id, type: 'DEPARTED', occurredAt } });
    for (const caller of [{ roles: ['ANALYST'] as Role[] }, { roles: ['SUSTAINABILITY'] as Role[] }]) {
      await refused(as(caller), RECORD_MILESTONE, milestone(A, '2026-02-21T08:00:00Z'), 'FORBIDDEN');
    }
    await refused(partnerA(), RECORD_MILESTONE, milestone(B, '2026-02-21T08:00:00Z'), 'NOT_FOUND', 'shipmentId');
    expect(ok(await partnerA()(RECORD_MILESTONE, milestone(A, '2026-02-21T08:00:00Z'))).recordShipmentMilestone.status).toBe('IN_TRANSIT');
    expect(ok(await as({ roles: ['PLANNER'] })(RECORD_MILESTONE, milestone(A, '2026-02-22T08:00:00Z'))).recordShipmentMilestone.status).toBe('IN_TRANSIT');
  });

  it("recordShipmentMilestone: a partner delivers its own shipment and books the quantities on its own lines only", async () => {
    const before = ok(await stack.subgraph('orders')(`query($id: ID!) { purchaseOrder(id: $id) { lines { quantityDelivered } } }`, { id: B.order.id }));
    const { createShipment } = ok(await partnerA()(CREATE_SHIPMENT, book(A, [{ purchaseOrderLineId: lineOf(A, 1), quantity: 2 }])));
    const delivered = ok(await partnerA()(RECORD_MILESTONE, { input: { shipmentId: createShipment.id, type: 'DELIVERED', occurredAt: '2026-02-25T08:00:00Z' } }));
    expect(delivered.recordShipmentMilestone.status).toBe('DELIVERED');
    const after = ok(await stack.subgraph('orders')(`query($id: ID!) { purchaseOrder(id: $id) { lines { quantityDelivered } } }`, { id: B.order.id }));
    expect(after).toEqual(before);
  });

  it("updateShipmentEta: refused to ANALYST and QUALITY, NOT_FOUND on B's shipment; A and BUYER move it", async () => {
    const eta = (w: World, day: string) => ({ input: { shipmentId: w.shipment.id, eta: day, reason: 'test' } });
    for (const caller of [{ roles: ['ANALYST'] as Role[] }, { roles: ['QUALITY'] as Role[] }]) {
      await refused(as(caller), UPDATE_ETA, eta(A, '2026-02-27'), 'FORBIDDEN');
    }
    await refused(partnerA(), UPDATE_ETA, eta(B, '2026-02-27'), 'NOT_FOUND', 'shipmentId');
    expect(ok(await partnerA()(UPDATE_ETA, eta(A, '2026-02-27'))).updateShipmentEta.eta).toBe('2026-02-27');
    expect(ok(await as({ roles: ['BUYER'] })(UPDATE_ETA, eta(A, '2026-02-28'))).updateShipmentEta.eta).toBe('2026-02-28');
  });
});
