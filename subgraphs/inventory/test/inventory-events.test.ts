// Inventory's own mutations write their events in the transaction of their change (the outbox row and
// the changed row share the writing transaction, xmin): movements, lots, receipts; a refused mutation
// writes none; a movement that takes a level below its reorder point raises it once per crossing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '@cmgraph/platform';
import { dataOf, startEntitiesStub, startStack, type EntitiesStub, type GraphqlClient, type Stack } from '@cmgraph/testkit';
import { RECORD_MOVEMENT } from './fixtures';
import { headSeq, outbox, writerOf } from './event-fixtures';

let stack: Stack;
let orders: EntitiesStub;
/** Straight to the inventory subgraph. */
let inventory: GraphqlClient;
beforeAll(async () => {
  orders = await startEntitiesStub();
  // no relay: it marks outbox rows relayed, which rewrites the xmin these tests compare
  stack = await startStack(['inventory'], { peers: { orders: orders.url }, withoutWorkers: ['inventory'] });
  inventory = stack.subgraph('inventory');
});
afterAll(async () => {
  await stack?.stop();
  await orders?.close();
});

let serial = 0;

async function createProduct(input: Record<string, unknown> = {}): Promise<{ id: string; sku: string }> {
  serial++;
  return dataOf(await inventory(`mutation($input: CreateProductInput!) { createProduct(input: $input) { id sku } }`, {
    input: { sku: `EVT-${serial}`, name: `Product ${serial}`, uom: 'EA', tracking: 'NONE', ...input },
  })).createProduct;
}

async function createLocation(): Promise<{ id: string }> {
  serial++;
  return dataOf(await inventory(`mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }`, {
    input: { code: `EVT-L${serial}`, name: `Location ${serial}`, type: 'WAREHOUSE', country: 'US' },
  })).createLocation;
}

async function move(input: Record<string, unknown>): Promise<{ id: string }> {
  return dataOf(await inventory(RECORD_MOVEMENT, { input })).recordStockMovement;
}

async function eventsOf(step: () => Promise<unknown>) {
  const before = await headSeq(stack);
  await step();
  return outbox(stack, before);
}

const REGISTER_LOT = `mutation($input: RegisterLotInput!) { registerLot(input: $input) { id } }`;
const SET_LOT_STATUS = `mutation($input: SetLotStatusInput!) { setLotStatus(input: $input) { id status } }`;
const RECEIVE = `mutation($input: ReceiveShipmentInput!) { receiveShipment(input: $input) { id lines { lot { id } } } }`;
const SET_POLICY = `mutation($input: SetStockPolicyInput!) { setStockPolicy(input: $input) { reorderPoint } }`;

describe('movement events', () => {
  it('writes stock.movement_recorded with the movement, in the transaction that booked it', async () => {
    const product = await createProduct();
    const [a, b] = [await createLocation(), await createLocation()];
    await move({ type: 'ADJUST', productId: product.id, locationId: a.id, quantity: 20, reason: 'count' });
    let movementId = '';
    const events = await eventsOf(async () => {
      movementId = (await move({ type: 'TRANSFER', productId: product.id, fromLocationId: a.id, toLocationId: b.id, quantity: 5 })).id;
    });
    expect(events.map((e) => e.type)).toEqual(['stock.movement_recorded']);
    expect(events[0]!.payload).toMatchObject({
      movementId, type: 'TRANSFER', productId: product.id, lotId: null, fromLocationId: a.id, toLocationId: b.id, quantity: 5,
    });
    expect(events[0]!.xmin).toBe(await writerOf(stack, 'stock_movement', movementId));
  });

  it('raises stock.below_reorder_point once per crossing from at-or-above to below', async () => {
    const product = await createProduct();
    const dock = await createLocation();
    dataOf(await inventory(SET_POLICY, { input: { productId: product.id, locationId: dock.id, safetyStock: 10, reorderPoint: 50 } }));
    const before = await headSeq(stack);
    await move({ type: 'ADJUST', productId: product.id, locationId: dock.id, quantity: 100, reason: 'count' });
    await move({ type: 'ISSUE', productId: product.id, fromLocationId: dock.id, quantity: 50 }); // 50: at the point, not below
    await move({ type: 'ISSUE', productId: product.id, fromLocationId: dock.id, quantity: 10 }); // 40: crosses
    await move({ type: 'ISSUE', productId: product.id, fromLocationId: dock.id, quantity: 10 }); // 30: still below
    await move({ type: 'ADJUST', productId: product.id, locationId: dock.id, quantity: 70, reason: 'found' }); // 100
    await move({ type: 'ADJUST', productId: product.id, locationId: dock.id, quantity: -75, reason: 'damaged' }); // 25: crosses
    const crossings = await outbox(stack, before, 'stock.below_reorder_point');
    expect(crossings.map((e) => e.payload)).toEqual([
      { productId: product.id, sku: product.sku, locationId: dock.id, onHand: 40, reorderPoint: 50 },
      { productId: product.id, sku: product.sku, locationId: dock.id, onHand: 25, reorderPoint: 50 },
    ]);
  });

  it('raises nothing for a level without a reorder point', async () => {
    const product = await createProduct();
    const dock = await createLocation();
    const before = await headSeq(stack);
    await move({ type: 'ADJUST', productId: product.id, locationId: dock.id, quantity: 10, reason: 'count' });
    await move({ type: 'ISSUE', productId: product.id, fromLocationId: dock.id, quantity: 10 });
    expect(await outbox(stack, before, 'stock.below_reorder_point')).toEqual([]);
  });
});

describe('lot events', () => {
  it('writes lot.registered and lot.status_changed in their transactions; the same status again writes nothing', async () => {
    const product = await createProduct({ tracking: 'LOT' });
    let lotId = '';
    const registered = await eventsOf(async () => {
      lotId = dataOf(await inventory(REGISTER_LOT, { input: { productId: product.id, lotNumber: 'EV-L1', expiresOn: '2027-01-31' } })).registerLot.id;
    });
    expect(registered.map((e) => [e.type, e.payload.lotId, e.payload.status, e.payload.origin])).toEqual([['lot.registered', lotId, 'AVAILABLE', 'REGISTERED']]);
    expect(registered[0]!.xmin).toBe(await writerOf(stack, 'lot', lotId));

    const held = await eventsOf(() => inventory(SET_LOT_STATUS, { input: { lotId, status: 'HOLD', reason: 'counting' } }));
    expect(held.map((e) => e.payload)).toEqual([
      { lotId, lotNumber: 'EV-L1', productId: product.id, from: 'AVAILABLE', to: 'HOLD', reason: 'counting', supplierId: null },
    ]);
    expect(held[0]!.xmin).toBe(await writerOf(stack, 'lot', lotId));
    expect(await eventsOf(() => inventory(SET_LOT_STATUS, { input: { lotId, status: 'HOLD', reason: 'again' } }))).toEqual([]);
  });
});

describe('receipt events', () => {
  it('writes receipt.booked, lot.registered for new lots and a movement event per accepted line, in the receipt\'s transaction', async () => {
    const product = await createProduct({ tracking: 'LOT' });
    const dock = await createLocation();
    const shipmentId = newId();
    orders.known.add(shipmentId);
    let receipt: { id: string; lines: { lot: { id: string } }[] } = { id: '', lines: [] };
    const events = await eventsOf(async () => {
      receipt = dataOf(await inventory(RECEIVE, {
        input: {
          shipmentId, locationId: dock.id, receivedAt: '2026-11-20T08:00:00Z',
          lines: [{ productId: product.id, lotNumber: 'RC-1', receivedQuantity: 10, acceptedQuantity: 8, rejectedQuantity: 2 }],
        },
      })).receiveShipment;
    });
    expect(events.map((e) => e.type)).toEqual(['receipt.booked', 'lot.registered', 'stock.movement_recorded']);
    expect(events[0]!.payload).toMatchObject({
      receiptId: receipt.id, shipmentId, locationId: dock.id, source: 'MANUAL', receivedAt: '2026-11-20T08:00:00.000Z',
      lines: [{ productId: product.id, lotId: receipt.lines[0]!.lot.id, lotNumber: 'RC-1', receivedQuantity: 10, acceptedQuantity: 8, rejectedQuantity: 2 }],
    });
    expect(events[2]!.payload).toMatchObject({ type: 'RECEIPT', quantity: 8, toLocationId: dock.id, reference: `receipt:${receipt.id}` });
    expect(new Set(events.map((e) => e.xmin))).toEqual(new Set([await writerOf(stack, 'receipt', receipt.id)]));
  });
});

describe('refused mutations', () => {
  it('write no event', async () => {
    const product = await createProduct({ tracking: 'LOT' });
    const dock = await createLocation();
    const lotId = dataOf(await inventory(REGISTER_LOT, { input: { productId: product.id, lotNumber: 'EV-R1' } })).registerLot.id;
    dataOf(await inventory(SET_LOT_STATUS, { input: { lotId, status: 'RECALLED', reason: 'RC-7' } }));
    const shipmentId = newId();
    orders.known.add(shipmentId);
    const attempts: [string, Record<string, unknown>, string][] = [
      [RECORD_MOVEMENT, { type: 'ISSUE', productId: product.id, lotId, fromLocationId: dock.id, quantity: 1 }, 'CONFLICT'],
      [RECORD_MOVEMENT, { type: 'ADJUST', productId: product.id, lotId, locationId: dock.id, quantity: -1, reason: 'loss' }, 'INSUFFICIENT_STOCK'],
      [REGISTER_LOT, { productId: product.id, lotNumber: 'EV-R1' }, 'BAD_USER_INPUT'],
      [SET_LOT_STATUS, { lotId, status: 'AVAILABLE', reason: 'oops' }, 'CONFLICT'],
      [SET_LOT_STATUS, { lotId: newId(), status: 'HOLD', reason: 'x' }, 'NOT_FOUND'],
      [RECEIVE, {
        shipmentId, locationId: dock.id,
        lines: [{ productId: product.id, lotNumber: 'EV-R1', receivedQuantity: 1, acceptedQuantity: 1, rejectedQuantity: 0 }],
      }, 'CONFLICT'], // into a recalled lot
    ];
    const before = await headSeq(stack);
    for (const [document, input, code] of attempts) {
      const result = await inventory(document, { input });
      expect({ document, code: result.errors?.[0]?.extensions?.code }).toEqual({ document, code });
    }
    expect(await outbox(stack, before)).toEqual([]);
  });
});
