// From `shipmentUpdated`'s arguments to the outbox read behind it: only `shipment.updated` events, the
// filter applied in SQL on the outbox row (supplier column, payload fields), replay from `after`/`since`.
import { requireId, type EventStreamOptions, type StoredEvent } from '@cmgraph/platform';
import { SHIPMENT_UPDATED } from '../shipment/shipment.events';
import type { MilestoneType, ShipmentChange, ShipmentStatus } from '../shipment/shipment.enums';
import type { ShipmentUpdate, ShipmentUpdateFilter } from './shipment-update.type';

export interface ShipmentUpdatedArgs {
  filter?: ShipmentUpdateFilter | null;
  after?: string | null;
  since?: Date | null;
}

export function shipmentUpdateStream(args: ShipmentUpdatedArgs): EventStreamOptions {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const filter = args.filter ?? {};
  if (filter.supplierId) {
    conditions.push('supplier_id = ?');
    params.push(requireId(filter.supplierId, 'filter.supplierId'));
  }
  if (filter.purchaseOrderId) {
    // containment, not the jsonb `?` operator: `?` is the placeholder
    conditions.push(`payload->'purchaseOrderIds' @> jsonb_build_array(?::text)`);
    params.push(requireId(filter.purchaseOrderId, 'filter.purchaseOrderId'));
  }
  if (filter.statuses) {
    if (!filter.statuses.length) conditions.push('false'); // no status wanted: nothing matches
    else {
      conditions.push(`payload->>'status' in (?)`);
      params.push([...filter.statuses]);
    }
  }
  return {
    types: [SHIPMENT_UPDATED],
    after: args.after ?? null,
    since: args.since ?? null,
    where: conditions.length ? { sql: conditions.join(' and '), params } : undefined,
  };
}

/** The payload a `shipment.updated` event carries (see shipment.events.ts). */
interface ShipmentUpdatedPayload {
  shipmentId: string;
  status: ShipmentStatus;
  change: ShipmentChange;
  milestone?: MilestoneType | null;
  eta?: string | null;
}

export function toShipmentUpdate(event: StoredEvent): ShipmentUpdate {
  const payload = event.payload as unknown as ShipmentUpdatedPayload;
  return {
    cursor: event.cursor,
    eventId: event.id,
    change: payload.change,
    occurredAt: event.occurredAt,
    status: payload.status,
    milestone: payload.milestone ?? null,
    eta: payload.eta ?? null,
    shipmentId: payload.shipmentId ?? event.subjectId,
  };
}
