// The events a shipment writes to the outbox, with everything their consumers need in the payload
// (consumers never call back): `shipment.updated` for every change (the `shipmentUpdated` stream),
// `shipment.delivered` for inventory's goods receipt, `shipment.late` for production's alerts.
import type { NewEvent } from '@cmgraph/platform';
import type { Shipment } from './shipment.entity';
import type { ShipmentLine } from './shipment-line.entity';
import { ShipmentChange, type MilestoneType, type ShipmentStatus } from './shipment.enums';
import type { Lateness } from './shipment.lateness';

export const SHIPMENT_UPDATED = 'shipment.updated';
export const SHIPMENT_DELIVERED = 'shipment.delivered';
export const SHIPMENT_LATE = 'shipment.late';

/** What a change adds to the `shipment.updated` payload beyond the shipment's state after it. */
export interface ChangeDetail {
  milestone?: MilestoneType;
  /** When the milestone happened, as reported (the event itself is stamped when it was recorded). */
  milestoneOccurredAt?: Date;
  previousStatus?: ShipmentStatus;
  previousEta?: string;
  reason?: string | null;
}

const subject = (shipment: Shipment) => ({ type: 'Shipment', id: shipment.id });

export function shipmentUpdated(
  shipment: Shipment,
  change: ShipmentChange,
  purchaseOrderIds: readonly string[],
  detail: ChangeDetail = {},
  occurredAt = new Date(),
): NewEvent {
  return {
    type: SHIPMENT_UPDATED,
    subject: subject(shipment),
    supplierId: shipment.supplierId,
    occurredAt,
    payload: {
      shipmentId: shipment.id,
      number: shipment.number,
      supplierId: shipment.supplierId,
      purchaseOrderIds: [...purchaseOrderIds],
      status: shipment.status,
      change,
      milestone: detail.milestone ?? null,
      eta: shipment.eta,
      occurredAt: occurredAt.toISOString(),
      ...(detail.milestoneOccurredAt ? { milestoneOccurredAt: detail.milestoneOccurredAt.toISOString() } : {}),
      ...(detail.previousStatus ? { previousStatus: detail.previousStatus } : {}),
      ...(detail.previousEta ? { previousEta: detail.previousEta } : {}),
      ...(detail.reason ? { reason: detail.reason } : {}),
    },
  };
}

/** Everything inventory needs to book the receipt: where the goods went and what they were, line by line. */
export function shipmentDelivered(shipment: Shipment, lines: readonly ShipmentLine[]): NewEvent {
  return {
    type: SHIPMENT_DELIVERED,
    subject: subject(shipment),
    supplierId: shipment.supplierId,
    payload: {
      shipmentId: shipment.id,
      number: shipment.number,
      supplierId: shipment.supplierId,
      shipToLocationId: shipment.shipToLocationId,
      deliveredAt: shipment.deliveredAt!.toISOString(),
      lines: lines.map((line) => ({
        shipmentLineId: line.id,
        productId: line.productId,
        quantity: line.quantity,
        lotNumber: line.lotNumber ?? null,
        purchaseOrderLineId: line.purchaseOrderLine.id,
        purchaseOrderId: line.purchaseOrder.id,
      })),
    },
  };
}

export function shipmentLate(shipment: Shipment, lateness: Lateness, purchaseOrderIds: readonly string[]): NewEvent {
  return {
    type: SHIPMENT_LATE,
    subject: subject(shipment),
    supplierId: shipment.supplierId,
    payload: {
      shipmentId: shipment.id,
      number: shipment.number,
      supplierId: shipment.supplierId,
      eta: shipment.eta,
      promisedDate: lateness.promisedDate,
      daysLate: lateness.daysLate,
      purchaseOrderLineId: lateness.purchaseOrderLineId,
      purchaseOrderIds: [...purchaseOrderIds],
    },
  };
}

/** The changes one step made to a shipment, as `shipment.updated` events (and `shipment.late` when due). */
export function changeEvents(
  shipment: Shipment,
  before: { status: ShipmentStatus; eta: string },
  purchaseOrderIds: readonly string[],
  options: { milestone?: MilestoneType; milestoneOccurredAt?: Date; reason?: string | null; lateness?: Lateness | null },
): NewEvent[] {
  const occurredAt = new Date();
  const events: NewEvent[] = [];
  if (options.milestone) {
    events.push(shipmentUpdated(shipment, ShipmentChange.MILESTONE, purchaseOrderIds, {
      milestone: options.milestone, milestoneOccurredAt: options.milestoneOccurredAt,
    }, occurredAt));
  }
  if (shipment.status !== before.status) {
    events.push(shipmentUpdated(shipment, ShipmentChange.STATUS, purchaseOrderIds, {
      milestone: options.milestone, previousStatus: before.status,
    }, occurredAt));
  }
  if (shipment.eta !== before.eta) {
    events.push(shipmentUpdated(shipment, ShipmentChange.ETA, purchaseOrderIds, {
      milestone: options.milestone, previousEta: before.eta, reason: options.reason,
    }, occurredAt));
  }
  if (options.lateness) events.push(shipmentLate(shipment, options.lateness, purchaseOrderIds));
  return events;
}
