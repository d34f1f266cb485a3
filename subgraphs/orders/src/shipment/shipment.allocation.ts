// Which PO lines a shipment may draw on, and how much: the checks behind QUANTITY_EXCEEDS_OPEN.
// Pure over rows already locked by the caller, so two shipments cannot both see the same open quantity.
import { AppError } from '@cmgraph/platform';
import type { PurchaseOrder } from '../purchase-order/purchase-order.entity';
import type { PurchaseOrderLine } from '../purchase-order/purchase-order-line.entity';
import { LineAckStatus } from '../purchase-order/purchase-order.enums';
import { openQuantity, SHIPPABLE } from '../purchase-order/purchase-order.rules';
import { addQuantity, atLeast } from '../quantity';

export interface LineRequest {
  purchaseOrderLineId: string;
  quantity: number;
}

export interface ShipmentParties {
  supplierId: string;
  shipToLocationId: string;
}

/** Returns the quantity to add to each PO line (by id); throws a coded error naming the input line. */
export function allocate(
  requests: readonly LineRequest[],
  lines: ReadonlyMap<string, PurchaseOrderLine>,
  orders: ReadonlyMap<string, PurchaseOrder>,
  parties: ShipmentParties,
): Map<string, number> {
  const allocated = new Map<string, number>();
  requests.forEach((request, i) => {
    const field = `lines[${i}].purchaseOrderLineId`;
    const line = lines.get(request.purchaseOrderLineId);
    if (!line) throw AppError.notFound('PurchaseOrderLine', request.purchaseOrderLineId, field);
    const order = orders.get(line.purchaseOrder.id)!;
    if (order.supplierId !== parties.supplierId) {
      throw AppError.badInput(field, `the line belongs to ${order.number}, an order of another supplier`);
    }
    if (order.shipToLocationId !== parties.shipToLocationId) {
      throw AppError.badInput(field, `${order.number} ships to another location`);
    }
    if (!SHIPPABLE.includes(order.status)) {
      throw AppError.conflict(`${order.number} is ${order.status}; only acknowledged orders ship`, { field, status: order.status });
    }
    if (line.ackStatus === LineAckStatus.REJECTED) {
      throw AppError.conflict(`line ${line.lineNumber} of ${order.number} was rejected`, { field });
    }
    const before = allocated.get(line.id) ?? 0;
    const open = addQuantity(openQuantity(line), -before);
    if (!atLeast(open, request.quantity)) {
      throw new AppError(
        'QUANTITY_EXCEEDS_OPEN',
        `lines[${i}].quantity: ${request.quantity} exceeds the ${open} still open on line ${line.lineNumber} of ${order.number}`,
        { field: `lines[${i}].quantity`, open },
      );
    }
    allocated.set(line.id, addQuantity(before, request.quantity));
  });
  return allocated;
}
