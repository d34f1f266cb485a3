// The events a purchase order writes to the outbox: `purchase_order.created`, then one per status it
// reaches (`purchase_order.sent|acknowledged|partially_shipped|closed|cancelled`), and
// `purchase_order.answered` whenever the supplier answers lines (promised dates move with it).
import type { NewEvent } from '@cmgraph/platform';
import type { PurchaseOrder } from './purchase-order.entity';
import type { PurchaseOrderLine } from './purchase-order-line.entity';

function purchaseOrderEvent(order: PurchaseOrder, what: string, extra: Record<string, unknown> = {}): NewEvent {
  return {
    type: `purchase_order.${what}`,
    subject: { type: 'PurchaseOrder', id: order.id },
    supplierId: order.supplierId,
    payload: {
      purchaseOrderId: order.id,
      number: order.number,
      supplierId: order.supplierId,
      status: order.status,
      shipToLocationId: order.shipToLocationId,
      ...extra,
    },
  };
}

export function purchaseOrderCreated(order: PurchaseOrder, lines: readonly PurchaseOrderLine[]): NewEvent {
  return purchaseOrderEvent(order, 'created', {
    lines: lines.map((line) => ({
      lineId: line.id, lineNumber: line.lineNumber, productId: line.productId, quantity: line.quantity, uom: line.uom,
      requestedDate: line.requestedDate,
    })),
  });
}

/** The order reached its current status: `purchase_order.<status in lower case>`. */
export function purchaseOrderStatusReached(order: PurchaseOrder, extra: Record<string, unknown> = {}): NewEvent {
  return purchaseOrderEvent(order, order.status.toLowerCase(), extra);
}

export function purchaseOrderAnswered(order: PurchaseOrder, lines: readonly PurchaseOrderLine[]): NewEvent {
  return purchaseOrderEvent(order, 'answered', {
    lines: lines.map((line) => ({
      lineId: line.id, lineNumber: line.lineNumber, ackStatus: line.ackStatus, promisedDate: line.currentPromisedDate ?? null,
      originalPromisedDate: line.originalPromisedDate ?? null, acknowledgedQuantity: line.acknowledgedQuantity ?? null,
    })),
  });
}
