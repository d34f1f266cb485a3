// A purchase order's life through the gateway: created, sent, acknowledged line by line, shipped in
// two parts, delivered, closed — with the federated joins to suppliers and inventory along the way.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '@cmgraph/testkit';
import { makeSscc } from '../src/shipment/sscc';
import {
  ACKNOWLEDGE_PO, CREATE_PO, CREATE_SHIPMENT, RECORD_MILESTONE, SEND_PO, createParties, mutate, ok, purchaseOrderInput,
  shipmentInput, type Parties,
} from './fixtures';

let stack: Stack;
let parties: Parties;
beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders']);
  parties = await createParties(stack);
});
afterAll(async () => stack?.stop());

describe('purchase order lifecycle', () => {
  it('takes an order from DRAFT to CLOSED through acknowledgement, a partial shipment and two deliveries', async () => {
    const { createPurchaseOrder: po } = await mutate(stack, CREATE_PO, purchaseOrderInput(parties, [
      { quantity: 100, requestedDate: '2026-03-10' }, { quantity: 40, requestedDate: '2026-03-12' }, { quantity: 5, requestedDate: '2026-03-12' },
    ]));
    expect(po.status).toBe('DRAFT');
    expect(po.lines.map((l: { openQuantity: number }) => l.openQuantity)).toEqual([100, 40, 5]);
    const [l1, l2, l3] = po.lines as { id: string }[];

    expect(ok(await stack.gateway(SEND_PO, { id: po.id })).sendPurchaseOrder.status).toBe('SENT');

    // First answer covers two lines: the order waits for the third.
    const partial = await mutate(stack, ACKNOWLEDGE_PO, {
      purchaseOrderId: po.id,
      lines: [{ lineId: l1!.id, status: 'ACCEPTED', promisedDate: '2026-03-11' }, { lineId: l3!.id, status: 'REJECTED' }],
    });
    expect(partial.acknowledgePurchaseOrder).toMatchObject({ status: 'SENT', acknowledgedAt: null });
    const acknowledged = await mutate(stack, ACKNOWLEDGE_PO, {
      purchaseOrderId: po.id, lines: [{ lineId: l2!.id, status: 'DATE_CHANGED', promisedDate: '2026-03-15', quantity: 40 }],
    });
    expect(acknowledged.acknowledgePurchaseOrder.status).toBe('ACKNOWLEDGED');
    expect(acknowledged.acknowledgePurchaseOrder.lines).toEqual([
      { id: l1!.id, ackStatus: 'ACCEPTED', originalPromisedDate: '2026-03-11', currentPromisedDate: '2026-03-11', openQuantity: 100 },
      { id: l2!.id, ackStatus: 'DATE_CHANGED', originalPromisedDate: '2026-03-15', currentPromisedDate: '2026-03-15', openQuantity: 40 },
      { id: l3!.id, ackStatus: 'REJECTED', originalPromisedDate: null, currentPromisedDate: null, openQuantity: 0 },
    ]);

    // A later date change moves the current promise only: the original stays the OTIF baseline.
    const moved = await mutate(stack, ACKNOWLEDGE_PO, {
      purchaseOrderId: po.id, lines: [{ lineId: l1!.id, status: 'DATE_CHANGED', promisedDate: '2026-03-13' }],
    });
    expect(moved.acknowledgePurchaseOrder.lines[0]).toMatchObject({ originalPromisedDate: '2026-03-11', currentPromisedDate: '2026-03-13' });

    const sscc = makeSscc('0614141', 1);
    const first = await mutate(stack, CREATE_SHIPMENT, shipmentInput(parties, [
      { purchaseOrderLineId: l1!.id, quantity: 60, packageSscc: sscc }, { purchaseOrderLineId: l2!.id, quantity: 40, packageSscc: sscc },
    ], { packages: [{ sscc, weightKg: 180.5 }] }));
    expect(first.createShipment).toMatchObject({ status: 'BOOKED' });
    expect(first.createShipment.lines.map((l: { purchaseOrderLine: unknown }) => l.purchaseOrderLine)).toEqual([
      { id: l1!.id, quantityShipped: 60, openQuantity: 40 },
      { id: l2!.id, quantityShipped: 40, openQuantity: 0 },
    ]);
    expect(await status(po.id)).toBe('PARTIALLY_SHIPPED');

    const pickedUp = await mutate(stack, RECORD_MILESTONE, {
      shipmentId: first.createShipment.id, type: 'PICKED_UP', occurredAt: '2026-03-09T08:00:00Z', location: 'Monterrey', eta: '2026-03-12',
    });
    expect(pickedUp.recordShipmentMilestone).toMatchObject({ status: 'IN_TRANSIT', shippedAt: '2026-03-09T08:00:00.000Z', eta: '2026-03-12' });
    const delivered = await mutate(stack, RECORD_MILESTONE, {
      shipmentId: first.createShipment.id, type: 'DELIVERED', occurredAt: '2026-03-12T14:00:00Z',
    });
    expect(delivered.recordShipmentMilestone).toMatchObject({ status: 'DELIVERED', deliveredAt: '2026-03-12T14:00:00.000Z' });
    // BOOKED is stamped with the real booking time, the others with this test's past dates: compare as a set.
    expect(delivered.recordShipmentMilestone.events.map((e: { type: string }) => e.type).sort()).toEqual(['BOOKED', 'DELIVERED', 'PICKED_UP']);
    expect(await status(po.id)).toBe('PARTIALLY_SHIPPED'); // line 1 still has 40 to come

    const second = await mutate(stack, CREATE_SHIPMENT, shipmentInput(parties, [{ purchaseOrderLineId: l1!.id, quantity: 40 }]));
    await mutate(stack, RECORD_MILESTONE, { shipmentId: second.createShipment.id, type: 'DELIVERED', occurredAt: '2026-03-14T10:00:00Z' });

    const closed = ok(await stack.gateway(`query($id: ID!) { purchaseOrder(id: $id) {
      status closedAt shipments { number status }
      lines { lineNumber quantityShipped quantityDelivered deliveredInFullOn openQuantity }
    } }`, { id: po.id })).purchaseOrder;
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: '2026-03-14T10:00:00.000Z' });
    expect(closed.shipments.map((s: { status: string }) => s.status)).toEqual(['DELIVERED', 'DELIVERED']);
    expect(closed.lines).toEqual([
      { lineNumber: 1, quantityShipped: 100, quantityDelivered: 100, deliveredInFullOn: '2026-03-14', openQuantity: 0 },
      { lineNumber: 2, quantityShipped: 40, quantityDelivered: 40, deliveredInFullOn: '2026-03-12', openQuantity: 0 },
      { lineNumber: 3, quantityShipped: 0, quantityDelivered: 0, deliveredInFullOn: null, openQuantity: 0 },
    ]);
  });

  it('refuses a milestone after delivery with CONFLICT', async () => {
    const { shipments } = ok(await stack.gateway(`{ shipments(filter: { statuses: [DELIVERED] }, first: 1) { nodes { id } } }`));
    const result = await stack.gateway(RECORD_MILESTONE, {
      input: { shipmentId: shipments.nodes[0].id, type: 'EXCEPTION', occurredAt: '2026-03-20T00:00:00Z' },
    });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'type' } });
  });

  it('joins suppliers and inventory fields into orders and shipments through the gateway', async () => {
    const result = ok(await stack.gateway(`{
      purchaseOrders(first: 10) { nodes {
        number supplier { code name } shipTo { code }
        lines { product { sku } purchaseOrder { number } }
        shipments { shipFrom { name } shipTo { code } supplier { code } packages { sscc } lines { product { sku } purchaseOrderLine { lineNumber } } }
      } }
    }`));
    const [po] = result.purchaseOrders.nodes;
    expect(po.supplier.code).toMatch(/^CM-/);
    expect(po.shipTo.code).toMatch(/^DC-/);
    expect(po.lines[0]).toEqual({ product: { sku: expect.stringMatching(/^SKU-/) }, purchaseOrder: { number: po.number } });
    expect(po.shipments[0]).toMatchObject({ shipFrom: { name: expect.stringMatching(/^Plant/) }, packages: [{ sscc: makeSscc('0614141', 1) }] });
  });

  it('finds orders by number and lists shipments by purchase order without repeating a shipment', async () => {
    const { purchaseOrders } = ok(await stack.gateway(`{ purchaseOrders(first: 1) { nodes { id number } } }`));
    const [po] = purchaseOrders.nodes;
    const byNumber = ok(await stack.gateway(`query($n: String!) { purchaseOrderByNumber(number: $n) { id } }`, { n: po.number }));
    expect(byNumber.purchaseOrderByNumber.id).toBe(po.id);
    const listed = ok(await stack.gateway(`query($po: ID!) { shipments(filter: { purchaseOrderId: $po }) { totalCount nodes { id } } }`, { po: po.id }));
    expect(listed.shipments.totalCount).toBe(2); // the first shipment has two lines on this order
    expect(new Set(listed.shipments.nodes.map((s: { id: string }) => s.id)).size).toBe(2);
  });

  it('cancels an unshipped order with its reason and refuses to cancel one that shipped', async () => {
    const { createPurchaseOrder: draft } = await mutate(stack, CREATE_PO, purchaseOrderInput(parties, [{ quantity: 1 }]));
    const cancelled = ok(await stack.gateway(`mutation($id: ID!) { cancelPurchaseOrder(id: $id, reason: "duplicate") { status cancelReason } }`, { id: draft.id }));
    expect(cancelled.cancelPurchaseOrder).toEqual({ status: 'CANCELLED', cancelReason: 'duplicate' });
    const { purchaseOrders } = ok(await stack.gateway(`{ purchaseOrders(filter: { statuses: [CLOSED] }) { nodes { id } } }`));
    const refused = await stack.gateway(`mutation($id: ID!) { cancelPurchaseOrder(id: $id, reason: "late") { status } }`, { id: purchaseOrders.nodes[0].id });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
  });
});

async function status(id: string): Promise<string> {
  return ok(await stack.gateway(`query($id: ID!) { purchaseOrder(id: $id) { status } }`, { id })).purchaseOrder.status;
}
