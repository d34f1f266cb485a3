// Every orders mutation writes its events to the outbox in the transaction of its change (the outbox row
// and the changed row carry the same writing transaction, xmin), with the payload consumers rely on; a
// refused mutation writes none; `shipment.late` is raised once per ETA change that makes a shipment late.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '@cmgraph/platform';
import { ACKNOWLEDGE_PO, CREATE_PO, CREATE_SHIPMENT, RECORD_MILESTONE, SEND_PO, purchaseOrderInput, shipmentInput, type Parties } from './fixtures';
import {
  UPDATE_ETA, acknowledgedOrder, bookShipment, call, createParties, headSeq, outbox, startScene, writerOf, type Scene,
} from './event-fixtures';

let scene: Scene;
let parties: Parties;
beforeAll(async () => {
  scene = await startScene({ withoutRelay: true }); // xmin comparisons need outbox rows no relay has marked
  parties = await createParties(scene);
});
afterAll(async () => scene?.stop());

/** Runs `step`, returns the events it wrote. */
async function eventsOf(step: () => Promise<unknown>) {
  const before = await headSeq(scene.stack);
  await step();
  return outbox(scene.stack, before);
}

const CANCEL_PO = `mutation($id: ID!, $reason: String!) { cancelPurchaseOrder(id: $id, reason: $reason) { id status } }`;

describe('purchase order events', () => {
  it('writes purchase_order.created with the order and its lines, in the transaction that created the order', async () => {
    let id = '';
    const events = await eventsOf(async () => {
      id = (await call(scene, CREATE_PO, { input: purchaseOrderInput(parties, [{ quantity: 10 }, { quantity: 5 }]) })).createPurchaseOrder.id;
    });
    expect(events.map((e) => e.type)).toEqual(['purchase_order.created']);
    expect(events[0]).toMatchObject({ subjectId: id, supplierId: parties.supplierId });
    expect(events[0]!.payload).toMatchObject({
      purchaseOrderId: id, supplierId: parties.supplierId, status: 'DRAFT', shipToLocationId: parties.locationId,
      lines: [{ lineNumber: 1, quantity: 10 }, { lineNumber: 2, quantity: 5 }],
    });
    expect(events[0]!.xmin).toBe(await writerOf(scene.stack, 'purchase_order', id));
  });

  it('writes sent, answered (each answer) and acknowledged (when the last line is answered), and cancelled with its reason', async () => {
    const { createPurchaseOrder: order } = await call(scene, CREATE_PO, { input: purchaseOrderInput(parties, [{ quantity: 1 }, { quantity: 2 }]) });
    const sent = await eventsOf(() => call(scene, SEND_PO, { id: order.id }));
    expect(sent.map((e) => [e.type, e.payload.status])).toEqual([['purchase_order.sent', 'SENT']]);
    expect(sent[0]!.xmin).toBe(await writerOf(scene.stack, 'purchase_order', order.id));

    const [l1, l2] = order.lines as { id: string }[];
    const partial = await eventsOf(() => call(scene, ACKNOWLEDGE_PO, {
      input: { purchaseOrderId: order.id, lines: [{ lineId: l1!.id, status: 'ACCEPTED', promisedDate: '2026-03-10' }] },
    }));
    expect(partial.map((e) => e.type)).toEqual(['purchase_order.answered']);
    expect(partial[0]!.payload.lines).toEqual([expect.objectContaining({ lineId: l1!.id, ackStatus: 'ACCEPTED', promisedDate: '2026-03-10' })]);

    const complete = await eventsOf(() => call(scene, ACKNOWLEDGE_PO, {
      input: { purchaseOrderId: order.id, lines: [{ lineId: l2!.id, status: 'DATE_CHANGED', promisedDate: '2026-03-12' }] },
    }));
    expect(complete.map((e) => [e.type, e.payload.status])).toEqual([
      ['purchase_order.answered', 'ACKNOWLEDGED'], ['purchase_order.acknowledged', 'ACKNOWLEDGED'],
    ]);
    expect(new Set(complete.map((e) => e.xmin))).toEqual(new Set([await writerOf(scene.stack, 'purchase_order', order.id)]));

    const cancelled = await eventsOf(() => call(scene, CANCEL_PO, { id: order.id, reason: 'duplicate order' }));
    expect(cancelled.map((e) => [e.type, e.payload.status, e.payload.reason])).toEqual([['purchase_order.cancelled', 'CANCELLED', 'duplicate order']]);
  });
});

describe('shipment events', () => {
  it('writes shipment.updated CREATED (and purchase_order.partially_shipped) in the transaction that booked the shipment', async () => {
    const order = await acknowledgedOrder(scene, parties, [10, 10]);
    let shipment = { id: '', number: '' };
    const events = await eventsOf(async () => {
      shipment = await bookShipment(scene, parties, order, 4);
    });
    expect(events.map((e) => e.type)).toEqual(['shipment.updated', 'purchase_order.partially_shipped']);
    expect(events[0]).toMatchObject({ subjectId: shipment.id, supplierId: parties.supplierId });
    expect(events[0]!.payload).toEqual({
      shipmentId: shipment.id, number: shipment.number, supplierId: parties.supplierId, purchaseOrderIds: [order.id],
      status: 'BOOKED', change: 'CREATED', milestone: null, eta: '2026-03-08', occurredAt: events[0]!.occurredAt.toISOString(),
    });
    expect(events[0]!.xmin).toBe(await writerOf(scene.stack, 'shipment', shipment.id));
    expect(events[1]!.xmin).toBe(events[0]!.xmin);
  });

  it('writes MILESTONE and STATUS for a milestone that moves the status, and MILESTONE alone for one that does not', async () => {
    const order = await acknowledgedOrder(scene, parties, [10]);
    const shipment = await bookShipment(scene, parties, order, 5);
    const pickedUp = await eventsOf(() => call(scene, RECORD_MILESTONE, {
      input: { shipmentId: shipment.id, type: 'PICKED_UP', occurredAt: '2026-03-02T08:00:00Z' },
    }));
    expect(pickedUp.map((e) => [e.payload.change, e.payload.status, e.payload.milestone])).toEqual([
      ['MILESTONE', 'IN_TRANSIT', 'PICKED_UP'], ['STATUS', 'IN_TRANSIT', 'PICKED_UP'],
    ]);
    expect(pickedUp[0]!.payload.milestoneOccurredAt).toBe('2026-03-02T08:00:00.000Z');
    expect(pickedUp[1]!.payload.previousStatus).toBe('BOOKED');
    expect(pickedUp[0]!.xmin).toBe(await writerOf(scene.stack, 'shipment', shipment.id));

    const departed = await eventsOf(() => call(scene, RECORD_MILESTONE, {
      input: { shipmentId: shipment.id, type: 'DEPARTED', occurredAt: '2026-03-02T10:00:00Z' },
    }));
    expect(departed.map((e) => [e.type, e.payload.change])).toEqual([['shipment.updated', 'MILESTONE']]);
  });

  it('writes shipment.delivered with the lines inventory receives, and purchase_order.closed, with the DELIVERED milestone', async () => {
    const order = await acknowledgedOrder(scene, parties, [6, 4]);
    const input = shipmentInput(parties, [
      { purchaseOrderLineId: order.lines[0]!.id, quantity: 6 }, { purchaseOrderLineId: order.lines[1]!.id, quantity: 4 },
    ], { eta: '2026-03-08' });
    const { createShipment } = await call(scene, CREATE_SHIPMENT, { input });
    const events = await eventsOf(() => call(scene, RECORD_MILESTONE, {
      input: { shipmentId: createShipment.id, type: 'DELIVERED', occurredAt: '2026-03-07T15:00:00Z' },
    }));
    expect(events.map((e) => e.type)).toEqual(['shipment.updated', 'shipment.updated', 'shipment.delivered', 'purchase_order.closed']);
    const delivered = events[2]!;
    expect(delivered.payload).toEqual({
      shipmentId: createShipment.id, number: input.number, supplierId: parties.supplierId, shipToLocationId: parties.locationId,
      deliveredAt: '2026-03-07T15:00:00.000Z',
      lines: createShipment.lines.map((line: { id: string; quantity: number; purchaseOrderLine: { id: string } }, i: number) => ({
        shipmentLineId: line.id, productId: parties.productIds[i], quantity: line.quantity, lotNumber: 'LOT-1',
        purchaseOrderLineId: line.purchaseOrderLine.id, purchaseOrderId: order.id,
      })),
    });
    expect(events[3]!.payload).toMatchObject({ purchaseOrderId: order.id, status: 'CLOSED' });
    expect(new Set(events.map((e) => e.xmin))).toEqual(new Set([await writerOf(scene.stack, 'shipment', createShipment.id)]));
  });

  it('moves the ETA with updateShipmentEta (an ETA update with its reason); the same day again writes nothing', async () => {
    const order = await acknowledgedOrder(scene, parties, [3]);
    const shipment = await bookShipment(scene, parties, order, 3, '2026-03-08');
    const moved = await eventsOf(() => call(scene, UPDATE_ETA, { input: { shipmentId: shipment.id, eta: '2026-03-09', reason: 'port congestion' } }));
    expect(moved.map((e) => [e.type, e.payload.change, e.payload.eta, e.payload.previousEta, e.payload.reason])).toEqual([
      ['shipment.updated', 'ETA', '2026-03-09', '2026-03-08', 'port congestion'],
    ]);
    expect(moved[0]!.xmin).toBe(await writerOf(scene.stack, 'shipment', shipment.id));
    const again = await eventsOf(async () => {
      expect((await call(scene, UPDATE_ETA, { input: { shipmentId: shipment.id, eta: '2026-03-09' } })).updateShipmentEta.eta).toBe('2026-03-09');
    });
    expect(again).toEqual([]);
    const byMilestone = await eventsOf(() => call(scene, RECORD_MILESTONE, {
      input: { shipmentId: shipment.id, type: 'ARRIVED_AT_PORT', occurredAt: '2026-03-05T08:00:00Z', eta: '2026-03-07' },
    }));
    expect(byMilestone.map((e) => e.payload.change)).toEqual(['MILESTONE', 'STATUS', 'ETA']);
  });
});

describe('refused mutations', () => {
  it('write no event, each answering with its code', async () => {
    const order = await acknowledgedOrder(scene, parties, [5]);
    const shipment = await bookShipment(scene, parties, order, 2);
    const delivered = await bookShipment(scene, parties, order, 1);
    await call(scene, RECORD_MILESTONE, { input: { shipmentId: delivered.id, type: 'DELIVERED', occurredAt: '2026-03-07T15:00:00Z' } });
    const attempts: [string, Record<string, unknown>, string][] = [
      [CREATE_PO, { input: purchaseOrderInput(parties, [{ quantity: -1 }]) }, 'BAD_USER_INPUT'],
      [CREATE_PO, { input: { ...purchaseOrderInput(parties, [{ quantity: 1 }]), supplierId: newId() } }, 'NOT_FOUND'],
      [SEND_PO, { id: order.id }, 'CONFLICT'],
      [ACKNOWLEDGE_PO, { input: { purchaseOrderId: order.id, lines: [{ lineId: order.lines[0]!.id, status: 'ACCEPTED' }] } }, 'BAD_USER_INPUT'],
      [CANCEL_PO, { id: order.id, reason: 'too late' }, 'CONFLICT'],
      [CREATE_SHIPMENT, { input: shipmentInput(parties, [{ purchaseOrderLineId: order.lines[0]!.id, quantity: 3 }]) }, 'QUANTITY_EXCEEDS_OPEN'],
      [RECORD_MILESTONE, { input: { shipmentId: delivered.id, type: 'EXCEPTION', occurredAt: '2026-03-08T00:00:00Z' } }, 'CONFLICT'],
      [RECORD_MILESTONE, { input: { shipmentId: newId(), type: 'DEPARTED', occurredAt: '2026-03-08T00:00:00Z' } }, 'NOT_FOUND'],
      [UPDATE_ETA, { input: { shipmentId: delivered.id, eta: '2026-04-01' } }, 'CONFLICT'],
      [UPDATE_ETA, { input: { shipmentId: newId(), eta: '2026-04-01' } }, 'NOT_FOUND'],
      [UPDATE_ETA, { input: { shipmentId: 'not-an-id', eta: '2026-04-01' } }, 'BAD_USER_INPUT'],
      [UPDATE_ETA, { input: { shipmentId: shipment.id, eta: '2026-04-01', reason: 'x'.repeat(501) } }, 'BAD_USER_INPUT'],
      [UPDATE_ETA, { input: { shipmentId: shipment.id, eta: '2026-02-30' } }, 'BAD_USER_INPUT'],
    ];
    const before = await headSeq(scene.stack);
    for (const [document, variables, code] of attempts) {
      const result = await scene.orders(document, variables);
      expect({ document, code: result.errors?.[0]?.extensions?.code }).toEqual({ document, code });
    }
    expect(await outbox(scene.stack, before)).toEqual([]);
  });

  it('writes the events of only the one of two racing shipments that commits', async () => {
    const order = await acknowledgedOrder(scene, parties, [10]);
    const line = order.lines[0]!.id;
    const before = await headSeq(scene.stack);
    const results = await Promise.all([0, 1].map(() =>
      scene.orders(CREATE_SHIPMENT, { input: shipmentInput(parties, [{ purchaseOrderLineId: line, quantity: 7 }]) })));
    const winner = results.find((r) => !r.errors)!.data.createShipment.id;
    expect(results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual(['OK', 'QUANTITY_EXCEEDS_OPEN']);
    const events = await outbox(scene.stack, before);
    expect(events.filter((e) => e.type === 'shipment.updated').map((e) => e.subjectId)).toEqual([winner]);
  });
});

describe('shipment.late', () => {
  it('is raised once when the ETA moves past the promised date, not again for the same or an earlier late day', async () => {
    const order = await acknowledgedOrder(scene, parties, [8, 8], '2026-03-10');
    const shipment = await bookShipment(scene, parties, order, 4, '2026-03-09'); // on time
    const lateEvents = async () => (await outbox(scene.stack)).filter((e) => e.type === 'shipment.late' && e.subjectId === shipment.id);
    expect(await lateEvents()).toEqual([]);

    const eta = (day: string) => call(scene, UPDATE_ETA, { input: { shipmentId: shipment.id, eta: day } });
    await eta('2026-03-10'); // on the promised day: still on time
    expect(await lateEvents()).toHaveLength(0);
    await eta('2026-03-14'); // four days late
    await eta('2026-03-14'); // the same day again
    await eta('2026-03-12'); // earlier, still late: better news, no new lateness
    const late = await lateEvents();
    expect(late).toHaveLength(1);
    expect(late[0]!.payload).toEqual({
      shipmentId: shipment.id, number: shipment.number, supplierId: parties.supplierId, eta: '2026-03-14',
      promisedDate: '2026-03-10', daysLate: 4, purchaseOrderLineId: expect.any(String), purchaseOrderIds: [order.id],
    });
    expect(late[0]!.supplierId).toBe(parties.supplierId);

    await eta('2026-03-09'); // back on time, then late again: a new change that makes it late
    await call(scene, RECORD_MILESTONE, { input: { shipmentId: shipment.id, type: 'DEPARTED', occurredAt: '2026-03-05T08:00:00Z', eta: '2026-03-11' } });
    expect((await lateEvents()).map((e) => [e.payload.eta, e.payload.daysLate])).toEqual([['2026-03-14', 4], ['2026-03-11', 1]]);
  });

  it('is raised when a shipment is booked with an ETA already past the promise', async () => {
    const order = await acknowledgedOrder(scene, parties, [2], '2026-03-01');
    const shipment = await bookShipment(scene, parties, order, 2, '2026-03-04');
    const events = (await outbox(scene.stack)).filter((e) => e.subjectId === shipment.id);
    expect(events.map((e) => e.type)).toEqual(['shipment.updated', 'shipment.late']);
    expect(events.find((e) => e.type === 'shipment.late')!.payload).toMatchObject({ eta: '2026-03-04', promisedDate: '2026-03-01', daysLate: 3 });
  });
});
