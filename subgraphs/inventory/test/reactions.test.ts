// Inventory's reactions to other subgraphs' events, on a stack of orders + inventory (suppliers is a
// stand-in that knows supplier and facility ids): a DELIVERED shipment books its receipt exactly once,
// whatever repeats; the manual receipt and the reaction never both book; failed inspections quarantine
// lots; production's consumption and output move stock. Quality's and production's events are hand-made.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId, startConsumer } from '@cmgraph/platform';
import { dataOf, startEntitiesStub, startStack, type EntitiesStub, type GraphqlClient, type Stack } from '@cmgraph/testkit';
import { inventory } from '../src';
import { applied, busEvent, deliverToInventory, headSeq, outbox } from './event-fixtures';

let stack: Stack;
let suppliers: EntitiesStub;
let orders: GraphqlClient;
let stock: GraphqlClient;
const supplierId = newId();
const facilityId = newId();
let serial = 0;

beforeAll(async () => {
  suppliers = await startEntitiesStub([supplierId, facilityId]);
  stack = await startStack(['inventory', 'orders'], { peers: { suppliers: suppliers.url } });
  orders = stack.subgraph('orders');
  stock = stack.subgraph('inventory');
});
afterAll(async () => {
  await stack?.stop();
  await suppliers?.close();
});

async function location(input: Record<string, unknown> = {}): Promise<string> {
  serial++;
  return dataOf(await stock(`mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }`, {
    input: { code: `RX-${serial}`, name: `Dock ${serial}`, type: 'WAREHOUSE', country: 'US', ...input },
  })).createLocation.id;
}

async function product(tracking = 'LOT'): Promise<{ id: string; sku: string }> {
  serial++;
  return dataOf(await stock(`mutation($input: CreateProductInput!) { createProduct(input: $input) { id sku } }`, {
    input: { sku: `RX-P-${serial}`, name: `Part ${serial}`, uom: 'EA', tracking },
  })).createProduct;
}

/** An acknowledged order of `lines` and a shipment of all of it, each line from its lot; returns the shipment. */
async function shipment(locationId: string, lines: { productId: string; quantity: number; lotNumber: string }[]) {
  serial++;
  const { createPurchaseOrder: order } = dataOf(await orders(`mutation($input: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $input) { id lines { id } } }`, {
    input: {
      number: `PO-RX-${serial}`, supplierId, shipToLocationId: locationId, incoterms: 'FCA', currency: 'USD',
      lines: lines.map((line) => ({ productId: line.productId, quantity: line.quantity, uom: 'EA', unitPrice: 1, requestedDate: '2026-03-01' })),
    },
  }));
  dataOf(await orders(`mutation($id: ID!) { sendPurchaseOrder(id: $id) { id } }`, { id: order.id }));
  dataOf(await orders(`mutation($input: AcknowledgePurchaseOrderInput!) { acknowledgePurchaseOrder(input: $input) { id } }`, {
    input: { purchaseOrderId: order.id, lines: order.lines.map((line: { id: string }) => ({ lineId: line.id, status: 'ACCEPTED', promisedDate: '2026-03-05' })) },
  }));
  const { createShipment } = dataOf(await orders(`mutation($input: CreateShipmentInput!) { createShipment(input: $input) { id number lines { id } } }`, {
    input: {
      number: `ASN-RX-${serial}`, supplierId, shipFromFacilityId: facilityId, shipToLocationId: locationId, carrier: 'DHL', mode: 'ROAD',
      eta: '2026-03-04',
      lines: lines.map((line, i) => ({ purchaseOrderLineId: order.lines[i].id, quantity: line.quantity, lotNumber: line.lotNumber })),
    },
  }));
  return createShipment as { id: string; number: string; lines: { id: string }[] };
}

async function deliver(shipmentId: string): Promise<void> {
  dataOf(await orders(`mutation($input: RecordShipmentMilestoneInput!) { recordShipmentMilestone(input: $input) { id } }`, {
    input: { shipmentId, type: 'DELIVERED', occurredAt: '2026-03-04T15:00:00Z' },
  }));
}

const RECEIPTS = `query($id: ID!) { receipts(filter: { shipmentId: $id }) { totalCount nodes {
  id receivedAt location { id } lines { product { id } lot { lotNumber status } expectedQuantity receivedQuantity acceptedQuantity rejectedQuantity shipmentLineId }
} } }`;

async function receiptsOf(shipmentId: string) {
  return dataOf(await stock(RECEIPTS, { id: shipmentId })).receipts;
}

async function ledger(productId: string) {
  return dataOf(await stock(`query($id: ID!) { product(id: $id) { onHand } stockMovements(filter: { productId: $id }) {
    nodes { type quantity reference lot { lotNumber } fromLocation { id } toLocation { id } } } }`, { id: productId }));
}

describe('a delivered shipment', () => {
  let dock: string;
  let parts: { id: string; sku: string }[];
  let delivered: { id: string; number: string; lines: { id: string }[] };

  beforeAll(async () => {
    dock = await location();
    parts = [await product(), await product()];
    delivered = await shipment(dock, [{ productId: parts[0]!.id, quantity: 40, lotNumber: 'DL-A' }, { productId: parts[1]!.id, quantity: 15, lotNumber: 'DL-B' }]);
  });

  it('books one receipt: every line accepted into its lot at the ship-to location, RECEIPT movements, receipt.booked', async () => {
    const before = await headSeq(stack);
    await deliver(delivered.id);
    await stack.settle();
    const receipts = await receiptsOf(delivered.id);
    expect(receipts.totalCount).toBe(1);
    expect(receipts.nodes[0]).toMatchObject({
      receivedAt: '2026-03-04T15:00:00.000Z', location: { id: dock },
      lines: [
        { product: { id: parts[0]!.id }, lot: { lotNumber: 'DL-A', status: 'AVAILABLE' }, expectedQuantity: 40, receivedQuantity: 40, acceptedQuantity: 40, rejectedQuantity: 0, shipmentLineId: delivered.lines[0]!.id },
        { product: { id: parts[1]!.id }, lot: { lotNumber: 'DL-B', status: 'AVAILABLE' }, expectedQuantity: 15, receivedQuantity: 15, acceptedQuantity: 15, rejectedQuantity: 0, shipmentLineId: delivered.lines[1]!.id },
      ],
    });
    expect(await ledger(parts[0]!.id)).toEqual({
      product: { onHand: 40 },
      stockMovements: { nodes: [{ type: 'RECEIPT', quantity: 40, reference: `receipt:${receipts.nodes[0].id}`, lot: { lotNumber: 'DL-A' }, fromLocation: null, toLocation: { id: dock } }] },
    });
    const booked = await outbox(stack, before, 'receipt.booked');
    expect(booked.map((e) => e.payload)).toEqual([expect.objectContaining({ receiptId: receipts.nodes[0].id, shipmentId: delivered.id, source: 'DELIVERY' })]);
    expect(booked[0]!.supplierId).toBe(supplierId);
    // and the gateway joins it into the orders-owned shipment
    const joined = dataOf(await stack.gateway(`query($id: ID!) { shipment(id: $id) { status receipt { id } } }`, { id: delivered.id }));
    expect(joined.shipment).toEqual({ status: 'DELIVERED', receipt: { id: receipts.nodes[0].id } });
  });

  it('books nothing more when the consumer reads the delivery again from the start, or the delivery comes again under a new id', async () => {
    const counted = async () => ({ receipts: (await receiptsOf(delivered.id)).totalCount, onHand: (await ledger(parts[0]!.id)).product.onHand });
    const expected = { receipts: 1, onHand: 40 };

    // a restarted consumer that lost its offset: every delivery event is read again, and each is known already
    const db = stack.subgraphs.inventory!.server.orm;
    await db.em.fork().execute(`update consumer_offset set position = 0 where stream = 'inventory.book-deliveries'`);
    const definition = inventory.consumers!.find((c) => c.name === 'inventory.book-deliveries')!;
    const again = await startConsumer({ ...definition, orm: db, bus: stack.bus, pollMs: 100 });
    await again.idle();
    await again.stop();
    const [offset] = await db.em.fork().execute<{ position: string }[]>(`select position::text from consumer_offset where stream = 'inventory.book-deliveries'`);
    expect(Number(offset!.position)).toBeGreaterThan(0); // it did read the log again
    expect(await counted()).toEqual(expected);

    // the same delivery as a second event (e.g. replayed by hand): the shipment has its receipt already
    const [original] = await stack.subgraphs.orders!.server.orm.em.fork().execute<{ payload: Record<string, unknown> }[]>(
      `select payload from outbox_event where type = 'shipment.delivered' and subject_id = ?`, [delivered.id]);
    const copy = busEvent('orders', 'shipment.delivered', { type: 'Shipment', id: delivered.id }, original!.payload, supplierId);
    await deliverToInventory(stack, copy, { ...copy }); // and that copy twice: the bus keeps one
    expect(await applied(stack, copy.id)).toBe(1);
    expect(await counted()).toEqual(expected);
  });

  it('is not booked when received by hand first; received by hand after the delivery is a CONFLICT', async () => {
    const RECEIVE = `mutation($input: ReceiveShipmentInput!) { receiveShipment(input: $input) { id } }`;
    const part = await product();
    const first = await shipment(dock, [{ productId: part.id, quantity: 10, lotNumber: 'HM-1' }]);
    const manual = dataOf(await stock(RECEIVE, {
      input: {
        shipmentId: first.id, locationId: dock, supplierId,
        lines: [{ productId: part.id, lotNumber: 'HM-1', receivedQuantity: 10, acceptedQuantity: 9, rejectedQuantity: 1, shipmentLineId: first.lines[0]!.id }],
      },
    })).receiveShipment;
    await deliver(first.id);
    await stack.settle();
    const receipts = await receiptsOf(first.id);
    expect(receipts.nodes.map((r: { id: string; lines: { acceptedQuantity: number }[] }) => [r.id, r.lines[0]!.acceptedQuantity])).toEqual([[manual.id, 9]]);
    expect((await ledger(part.id)).product.onHand).toBe(9);

    const later = await shipment(dock, [{ productId: part.id, quantity: 5, lotNumber: 'HM-2' }]);
    await deliver(later.id);
    await stack.settle();
    const refused = await stock(RECEIVE, {
      input: { shipmentId: later.id, locationId: dock, lines: [{ productId: part.id, lotNumber: 'HM-2', receivedQuantity: 5, acceptedQuantity: 5, rejectedQuantity: 0 }] },
    });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'shipmentId' } });
    expect((await receiptsOf(later.id)).totalCount).toBe(1);
    expect((await ledger(part.id)).product.onHand).toBe(14);
  });

  it('skips (and does not retry) a delivery it cannot book, e.g. of a product it does not know', async () => {
    const shipmentId = newId();
    const event = busEvent('orders', 'shipment.delivered', { type: 'Shipment', id: shipmentId }, {
      shipmentId, number: 'ASN-GHOST', supplierId, shipToLocationId: dock, deliveredAt: '2026-03-04T15:00:00Z',
      lines: [{ shipmentLineId: newId(), productId: newId(), quantity: 3, lotNumber: 'G-1', purchaseOrderLineId: newId() }],
    }, supplierId);
    await deliverToInventory(stack, event);
    expect(await applied(stack, event.id)).toBe(1);
    expect((await receiptsOf(shipmentId)).totalCount).toBe(0);
  });
});

describe('a recorded inspection', () => {
  const REGISTER = `mutation($input: RegisterLotInput!) { registerLot(input: $input) { id lotNumber } }`;
  const LOT = `query($id: ID!) { lot(id: $id) { status statusReason } }`;

  function inspection(lot: { id?: string; lotNumber: string }, productId: string, result: string, nonConformanceId?: string) {
    const inspectionId = newId();
    return busEvent('quality', 'inspection.recorded', { type: 'Inspection', id: inspectionId }, {
      inspectionId, kind: 'INCOMING', result, lotId: lot.id, lotNumber: lot.lotNumber, productId, supplierId, nonConformanceId,
    }, supplierId);
  }

  it('FAILED quarantines the lot and raises lot.status_changed; PASSED, or FAILED again, change nothing more', async () => {
    const part = await product();
    const lot = dataOf(await stock(REGISTER, { input: { productId: part.id, lotNumber: 'IN-1', supplierId } })).registerLot;
    const before = await headSeq(stack);

    await deliverToInventory(stack, inspection(lot, part.id, 'PASSED'));
    expect(dataOf(await stock(LOT, { id: lot.id })).lot.status).toBe('AVAILABLE');

    const nonConformanceId = newId();
    const failed = inspection(lot, part.id, 'FAILED', nonConformanceId);
    await deliverToInventory(stack, failed);
    expect(dataOf(await stock(LOT, { id: lot.id })).lot).toEqual({
      status: 'QUARANTINE', statusReason: `failed inspection ${failed.payload.inspectionId} (non-conformance ${nonConformanceId})`,
    });
    await deliverToInventory(stack, inspection(lot, part.id, 'FAILED'));
    const changes = await outbox(stack, before, 'lot.status_changed');
    expect(changes.map((e) => [e.payload.lotId, e.payload.from, e.payload.to])).toEqual([[lot.id, 'AVAILABLE', 'QUARANTINE']]);
    expect(changes[0]!.supplierId).toBe(supplierId);
  });

  it('finds the lot by number when the event names no lot id, and skips a lot that can no longer be quarantined', async () => {
    const part = await product();
    const byNumber = dataOf(await stock(REGISTER, { input: { productId: part.id, lotNumber: 'IN-2' } })).registerLot;
    await deliverToInventory(stack, inspection({ lotNumber: 'IN-2' }, part.id, 'FAIL'));
    expect(dataOf(await stock(LOT, { id: byNumber.id })).lot.status).toBe('QUARANTINE');

    const recalled = dataOf(await stock(REGISTER, { input: { productId: part.id, lotNumber: 'IN-3' } })).registerLot;
    dataOf(await stock(`mutation($id: ID!) { setLotStatus(input: { lotId: $id, status: RECALLED, reason: "RC-1" }) { status } }`, { id: recalled.id }));
    const event = inspection(recalled, part.id, 'FAILED');
    await deliverToInventory(stack, event);
    expect(await applied(stack, event.id)).toBe(1);
    expect(dataOf(await stock(LOT, { id: recalled.id })).lot.status).toBe('RECALLED');
  });
});

describe('production reports', () => {
  const ADJUST = `mutation($input: RecordStockMovementInput!) { recordStockMovement(input: $input) { id } }`;

  function consumption(payload: Record<string, unknown>) {
    const consumptionId = newId();
    return busEvent('production', 'consumption.recorded', { type: 'MaterialConsumption', id: consumptionId }, { consumptionId, workOrderId: newId(), ...payload });
  }

  it('books consumption.recorded as a CONSUME movement out of the location, and skips one that takes more than is there', async () => {
    const part = await product();
    const plant = await location({ type: 'PLANT' });
    const lot = dataOf(await stock(`mutation($input: RegisterLotInput!) { registerLot(input: $input) { id } }`, { input: { productId: part.id, lotNumber: 'CN-1' } })).registerLot;
    dataOf(await stock(ADJUST, { input: { type: 'ADJUST', productId: part.id, lotId: lot.id, locationId: plant, quantity: 100, reason: 'opening' } }));

    const used = consumption({ productId: part.id, lotId: lot.id, lotNumber: 'CN-1', quantity: 30, locationId: plant });
    await deliverToInventory(stack, used);
    const { product: after, stockMovements } = await ledger(part.id);
    expect(after.onHand).toBe(70);
    expect(stockMovements.nodes[1]).toEqual({
      type: 'CONSUME', quantity: 30, reference: `consumption:${used.payload.consumptionId}`, lot: { lotNumber: 'CN-1' }, fromLocation: { id: plant }, toLocation: null,
    });

    const tooMuch = consumption({ productId: part.id, lotId: lot.id, quantity: 71, locationId: plant });
    await deliverToInventory(stack, tooMuch);
    expect(await applied(stack, tooMuch.id)).toBe(1);
    expect((await ledger(part.id)).product.onHand).toBe(70);
  });

  it('takes the stock location of the facility when production names only its plant', async () => {
    const part = await product('NONE');
    const plant = await location({ type: 'PLANT', facilityId });
    dataOf(await stock(ADJUST, { input: { type: 'ADJUST', productId: part.id, locationId: plant, quantity: 10, reason: 'opening' } }));
    await deliverToInventory(stack, consumption({ productId: part.id, quantity: 4, facilityId }));
    expect((await ledger(part.id)).product.onHand).toBe(6);
  });

  it('books work_order.output_reported as a PRODUCE movement into its output lot, registering a new lot', async () => {
    const part = await product();
    const plant = await location({ type: 'PLANT' });
    const workOrderId = newId();
    const before = await headSeq(stack);
    await deliverToInventory(stack, busEvent('production', 'work_order.output_reported', { type: 'WorkOrder', id: workOrderId }, {
      workOrderId, productId: part.id, goodQuantity: 250, scrapQuantity: 5, lotNumber: 'FG-77', locationId: plant,
    }, supplierId));
    expect((await ledger(part.id)).stockMovements.nodes).toEqual([
      { type: 'PRODUCE', quantity: 250, reference: `work-order:${workOrderId}`, lot: { lotNumber: 'FG-77' }, fromLocation: null, toLocation: { id: plant } },
    ]);
    const registered = await outbox(stack, before, 'lot.registered');
    expect(registered.map((e) => [e.payload.lotNumber, e.payload.origin, e.payload.supplierId])).toEqual([['FG-77', 'PRODUCTION', supplierId]]);
  });

  it('raises stock.below_reorder_point once when consumption crosses the reorder point', async () => {
    const part = await product('NONE');
    const plant = await location({ type: 'PLANT' });
    dataOf(await stock(`mutation($input: SetStockPolicyInput!) { setStockPolicy(input: $input) { id } }`, {
      input: { productId: part.id, locationId: plant, safetyStock: 5, reorderPoint: 20 },
    }));
    dataOf(await stock(ADJUST, { input: { type: 'ADJUST', productId: part.id, locationId: plant, quantity: 50, reason: 'opening' } }));
    const before = await headSeq(stack);
    for (const quantity of [20, 15, 5]) { // 30, then 15 (crosses), then 10
      await deliverToInventory(stack, consumption({ productId: part.id, quantity, locationId: plant }));
    }
    expect((await outbox(stack, before, 'stock.below_reorder_point')).map((e) => e.payload)).toEqual([
      { productId: part.id, sku: part.sku, locationId: plant, onHand: 15, reorderPoint: 20 },
    ]);
  });
});
