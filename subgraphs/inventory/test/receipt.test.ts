// Receiving shipments: receipt, lines, lots and RECEIPT movements in one transaction; Shipment.receipt.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '@cmgraph/platform';
import { startEntitiesStub, startStack, type EntitiesStub, type Stack } from '@cmgraph/testkit';


import { createLocation, createProduct, RECORD_MOVEMENT } from './fixtures';

let stack: Stack;
let orders: EntitiesStub;
beforeAll(async () => {
  orders = await startEntitiesStub();
  stack = await startStack(['inventory'], { peers: { orders: orders.url } });
});
afterAll(async () => {
  await stack?.stop();
  await orders?.close();
});

const RECEIVE = `mutation($input: ReceiveShipmentInput!) { receiveShipment(input: $input) {
  id shipment { id } location { id }
  lines { product { id } lot { id lotNumber status expiresOn } expectedQuantity receivedQuantity acceptedQuantity rejectedQuantity discrepancy }
} }`;

/** A shipment the stub `orders` knows. */
function shipment(): string {
  const id = newId();
  orders.known.add(id);
  return id;
}

async function counts(productId: string) {
  const { data } = await stack.gateway(
    `query($id: ID!) { product(id: $id) { onHand } stockMovements(filter: { productId: $id }) { totalCount } lots(filter: { productId: $id }) { totalCount } receipts { totalCount } }`,
    { id: productId },
  );
  return { onHand: data.product.onHand, movements: data.stockMovements.totalCount, lots: data.lots.totalCount, receipts: data.receipts.totalCount };
}

describe('receiveShipment', () => {
  it('books the receipt, creates lots, and puts only accepted quantities into stock', async () => {
    const lotted = await createProduct(stack, { tracking: 'LOT' });
    const plain = await createProduct(stack);
    const dock = await createLocation(stack);
    const shipmentId = shipment();
    const result = await stack.gateway(RECEIVE, {
      input: {
        shipmentId, locationId: dock.id, receivedAt: '2026-11-20T08:00:00Z',
        lines: [
          { productId: lotted.id, lotNumber: 'L-001', expiresOn: '2027-06-30', expectedQuantity: 100, receivedQuantity: 98, acceptedQuantity: 90, rejectedQuantity: 8 },
          { productId: plain.id, receivedQuantity: 40, acceptedQuantity: 40, rejectedQuantity: 0 },
        ],
      },
    });
    expect(result.errors).toBeUndefined();
    const receipt = result.data.receiveShipment;
    expect(receipt.shipment).toEqual({ id: shipmentId });
    expect(receipt.lines).toEqual([
      { product: { id: lotted.id }, lot: { id: expect.any(String), lotNumber: 'L-001', status: 'AVAILABLE', expiresOn: '2027-06-30' },
        expectedQuantity: 100, receivedQuantity: 98, acceptedQuantity: 90, rejectedQuantity: 8, discrepancy: -2 },
      { product: { id: plain.id }, lot: null, expectedQuantity: null, receivedQuantity: 40, acceptedQuantity: 40, rejectedQuantity: 0, discrepancy: null },
    ]);
    expect(await counts(lotted.id)).toMatchObject({ onHand: 90, movements: 1, lots: 1 });
    expect(await counts(plain.id)).toMatchObject({ onHand: 40, movements: 1, lots: 0 });

    const ledger = await stack.gateway(`query($id: ID!) { stockMovements(filter: { productId: $id }) { nodes { type quantity occurredAt reference lot { lotNumber } toLocation { id } } } }`, { id: lotted.id });
    expect(ledger.data.stockMovements.nodes).toEqual([
      { type: 'RECEIPT', quantity: 90, occurredAt: '2026-11-20T08:00:00.000Z', reference: `receipt:${receipt.id}`, lot: { lotNumber: 'L-001' }, toLocation: { id: dock.id } },
    ]);
  });

  it('contributes the receipt to the orders-owned Shipment, null before arrival', async () => {
    const product = await createProduct(stack);
    const dock = await createLocation(stack);
    const [arrived, pending] = [shipment(), shipment()];
    const booked = await stack.gateway(RECEIVE, {
      input: { shipmentId: arrived, locationId: dock.id, lines: [{ productId: product.id, receivedQuantity: 1, acceptedQuantity: 1, rejectedQuantity: 0 }] },
    });
    const entities = await stack.subgraph('inventory')(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Shipment { id receipt { id shipment { id } } } } }`,
      { r: [arrived, pending].map((id) => ({ __typename: 'Shipment', id })) },
    );
    expect(entities.data._entities).toEqual([
      { id: arrived, receipt: { id: booked.data.receiveShipment.id, shipment: { id: arrived } } },
      { id: pending, receipt: null },
    ]);
  });

  it('refuses a second receipt for the same shipment with CONFLICT and books nothing more', async () => {
    const product = await createProduct(stack);
    const dock = await createLocation(stack);
    const input = { shipmentId: shipment(), locationId: dock.id, lines: [{ productId: product.id, receivedQuantity: 5, acceptedQuantity: 5, rejectedQuantity: 0 }] };
    expect((await stack.gateway(RECEIVE, { input })).errors).toBeUndefined();
    const before = await counts(product.id);
    const again = await stack.gateway(RECEIVE, { input });
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'shipmentId' } });
    expect(await counts(product.id)).toEqual(before);
  });

  it('books exactly one of two concurrent receipts for the same shipment', async () => {
    const product = await createProduct(stack);
    const dock = await createLocation(stack);
    const input = { shipmentId: shipment(), locationId: dock.id, lines: [{ productId: product.id, receivedQuantity: 3, acceptedQuantity: 3, rejectedQuantity: 0 }] };
    const results = await Promise.all([stack.gateway(RECEIVE, { input }), stack.gateway(RECEIVE, { input })]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.find((r) => r.errors)?.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'shipmentId' } });
    expect(await counts(product.id)).toMatchObject({ onHand: 3, movements: 1 });
  });

  it('receives more of an existing lot into the same lot, and refuses a recalled one', async () => {
    const product = await createProduct(stack, { tracking: 'LOT' });
    const dock = await createLocation(stack);
    const line = { productId: product.id, lotNumber: 'L-7', receivedQuantity: 10, acceptedQuantity: 10, rejectedQuantity: 0 };
    const first = await stack.gateway(RECEIVE, { input: { shipmentId: shipment(), locationId: dock.id, lines: [line] } });
    const second = await stack.gateway(RECEIVE, { input: { shipmentId: shipment(), locationId: dock.id, lines: [line] } });
    const lotId = first.data.receiveShipment.lines[0].lot.id;
    expect(second.data.receiveShipment.lines[0].lot.id).toBe(lotId);
    expect(await counts(product.id)).toMatchObject({ onHand: 20, lots: 1 });

    await stack.gateway(`mutation($id: ID!) { setLotStatus(input: { lotId: $id, status: RECALLED, reason: "RC-1" }) { status } }`, { id: lotId });
    const refused = await stack.gateway(RECEIVE, { input: { shipmentId: shipment(), locationId: dock.id, lines: [line] } });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'lines[0].lotNumber' } });
    expect(await counts(product.id)).toMatchObject({ onHand: 20, receipts: expect.any(Number) });
  });
});

describe('receiveShipment validation', () => {
  it('names the offending line field and writes nothing', async () => {
    const product = await createProduct(stack, { tracking: 'LOT' });
    const dock = await createLocation(stack);
    const good = { productId: product.id, lotNumber: 'V-1', receivedQuantity: 10, acceptedQuantity: 10, rejectedQuantity: 0 };
    const before = await counts(product.id);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ lines: [good, { ...good, acceptedQuantity: 9 }] }, 'BAD_USER_INPUT', 'lines[1].acceptedQuantity'],
      [{ lines: [{ ...good, receivedQuantity: -1, acceptedQuantity: -1 }] }, 'BAD_USER_INPUT', 'lines[0].receivedQuantity'],
      [{ lines: [good, { ...good, productId: newId() }] }, 'NOT_FOUND', 'lines[1].productId'],
      [{ lines: [{ ...good, lotNumber: null }] }, 'BAD_USER_INPUT', 'lines[0].lotNumber'],
      [{ locationId: newId(), lines: [good] }, 'NOT_FOUND', 'locationId'],
      [{ shipmentId: newId(), lines: [good] }, 'NOT_FOUND', 'shipmentId'],
      [{ lines: [] }, 'BAD_USER_INPUT', 'lines'],
    ];
    for (const [override, code, field] of cases) {
      const result = await stack.gateway(RECEIVE, { input: { shipmentId: shipment(), locationId: dock.id, ...override } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
    }
    expect(await counts(product.id)).toEqual(before);
  });
});

describe('lot status', () => {
  const SET = `mutation($input: SetLotStatusInput!) { setLotStatus(input: $input) { status statusReason } }`;

  it('follows the lifecycle, keeps RECALLED final, and blocks issuing from a quarantined lot', async () => {
    const product = await createProduct(stack, { tracking: 'LOT' });
    const dock = await createLocation(stack);
    const received = await stack.gateway(RECEIVE, {
      input: { shipmentId: shipment(), locationId: dock.id, lines: [{ productId: product.id, lotNumber: 'Q-1', receivedQuantity: 5, acceptedQuantity: 5, rejectedQuantity: 0 }] },
    });
    const lotId = received.data.receiveShipment.lines[0].lot.id;

    const quarantined = await stack.gateway(SET, { input: { lotId, status: 'QUARANTINE', reason: 'NC-42' } });
    expect(quarantined.data.setLotStatus).toEqual({ status: 'QUARANTINE', statusReason: 'NC-42' });
    const issue = await stack.gateway(RECORD_MOVEMENT, { input: { type: 'ISSUE', productId: product.id, lotId, fromLocationId: dock.id, quantity: 1 } });
    expect(issue.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'lotId' } });

    expect((await stack.gateway(SET, { input: { lotId, status: 'RECALLED', reason: 'RC-9' } })).errors).toBeUndefined();
    const back = await stack.gateway(SET, { input: { lotId, status: 'AVAILABLE', reason: 'oops' } });
    expect(back.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'status' } });
    const lots = await stack.gateway(`query($id: ID!) { lots(filter: { productId: $id, statuses: [RECALLED] }) { nodes { lotNumber product { id } } } }`, { id: product.id });
    expect(lots.data.lots.nodes).toEqual([{ lotNumber: 'Q-1', product: { id: product.id } }]);
  });
});
