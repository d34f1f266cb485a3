// Recording a shipment milestone: moves the shipment's status, and on DELIVERED books the delivered
// quantities on the PO lines and closes the orders that are complete — all in one transaction with its
// events: `shipment.updated` (MILESTONE, and STATUS / ETA when they moved), `shipment.late` when the ETA
// moved past a promise, `shipment.delivered` (what inventory receives) and `purchase_order.closed`.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, recordEvent, requireId, type NewEvent } from '@cmgraph/platform';
import type { Context } from '../context';
import { PurchaseOrder } from '../purchase-order/purchase-order.entity';
import { PurchaseOrderLine } from '../purchase-order/purchase-order-line.entity';
import { PurchaseOrderStatus } from '../purchase-order/purchase-order.enums';
import { isFullyDelivered } from '../purchase-order/purchase-order.rules';
import { addQuantity, atLeast } from '../quantity';
import { Shipment } from './shipment.entity';
import { ShipmentLine } from './shipment-line.entity';
import { ShipmentEvent } from './shipment-event.entity';
import { ShipmentStatus } from './shipment.enums';
import { statusAfterMilestone } from './shipment.rules';
import type { RecordShipmentMilestoneInput } from './shipment.input';
import { changeEvents, shipmentDelivered } from './shipment.events';
import { promisesOf, purchaseOrderIdsOf, shipmentLinesOf } from './shipment.facts';
import { lateAfterEtaChange } from './shipment.lateness';
import { purchaseOrderStatusReached } from '../purchase-order/purchase-order.events';

const lock = { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } as const;

export function recordMilestone(ctx: Context, input: RecordShipmentMilestoneInput): Promise<Shipment> {
  const shipmentId = requireId(input.shipmentId, 'shipmentId');
  return ctx.em.transactional(async (em) => {
    const shipment = await em.findOne(Shipment, { id: shipmentId }, lock);
    if (!shipment) throw AppError.notFound('Shipment', shipmentId, 'shipmentId');
    const next = statusAfterMilestone(shipment.status, input.type);
    if (!next) {
      throw AppError.conflict(`shipment ${shipment.number} is ${shipment.status}; no milestone may follow`, { field: 'type', status: shipment.status });
    }
    const before = { status: shipment.status, eta: shipment.eta };
    const lines = await shipmentLinesOf(em, shipment);
    const events: NewEvent[] = [];
    if (next === ShipmentStatus.IN_TRANSIT || next === ShipmentStatus.DELIVERED) shipment.shippedAt ??= input.occurredAt;
    if (next === ShipmentStatus.DELIVERED) {
      shipment.deliveredAt = input.occurredAt;
      const closed = await bookDelivery(em, shipment, lines, input.occurredAt);
      events.push(shipmentDelivered(shipment, lines), ...closed.map((order) => purchaseOrderStatusReached(order, { shipmentId: shipment.id })));
    }
    shipment.status = next;
    if (input.eta) shipment.eta = input.eta;
    shipment.updatedAt = new Date(); // a milestone is news for `updatedSince` readers even when status stays
    const event = em.create(ShipmentEvent, {
      shipment, type: input.type, occurredAt: input.occurredAt, location: input.location, note: input.note,
    });
    em.persist(event);
    const lateness = shipment.eta !== before.eta ? lateAfterEtaChange(before.eta, shipment.eta, await promisesOf(em, lines)) : null;
    await recordEvent(
      em,
      ...changeEvents(shipment, before, purchaseOrderIdsOf(lines), { milestone: input.type, milestoneOccurredAt: input.occurredAt, lateness }),
      ...events,
    );
    return shipment;
  });
}

/** Adds the shipment's quantities to its PO lines' delivered quantities; closes and returns complete orders. */
async function bookDelivery(em: EntityManager, shipment: Shipment, shipped: readonly ShipmentLine[], deliveredAt: Date): Promise<PurchaseOrder[]> {
  const orderIds = [...new Set(shipped.map((line) => line.purchaseOrder.id))];
  // Every line of the affected orders (closing needs them all), locked lines-then-orders like booking.
  const lines = await em.find(PurchaseOrderLine, { purchaseOrder: { $in: orderIds } }, { ...lock, orderBy: { id: 'asc' } });
  const orders = await em.find(PurchaseOrder, { id: { $in: orderIds } }, { ...lock, orderBy: { id: 'asc' } });
  const lineById = new Map(lines.map((line) => [line.id, line]));
  const day = deliveredAt.toISOString().slice(0, 10);
  for (const item of shipped) {
    const line = lineById.get(item.purchaseOrderLine.id)!;
    line.quantityDelivered = addQuantity(line.quantityDelivered, item.quantity);
    line.shipFromFacilityId = shipment.shipFromFacilityId; // the last delivery recorded names the facility
    // The delivery that completes the line dates it for OTIF.
    if (!line.deliveredInFullOn && atLeast(line.quantityDelivered, line.quantity)) line.deliveredInFullOn = day;
  }
  const closed: PurchaseOrder[] = [];
  for (const order of orders) {
    order.updatedAt = new Date();
    const own = lines.filter((line) => line.purchaseOrder.id === order.id);
    if (order.status === PurchaseOrderStatus.PARTIALLY_SHIPPED && isFullyDelivered(own)) {
      order.status = PurchaseOrderStatus.CLOSED;
      order.closedAt = deliveredAt;
      closed.push(order);
    }
  }
  return closed;
}
