// The event a goods receipt writes: `receipt.booked`, with what arrived line by line, where, and
// whether it was received by hand or booked from the shipment's delivery.
import type { NewEvent } from '@cmgraph/platform';
import type { Receipt, ReceiptLine } from './receipt.entity';

export const RECEIPT_BOOKED = 'receipt.booked';

export type ReceiptSource = 'MANUAL' | 'DELIVERY';

export function receiptBooked(receipt: Receipt, lines: readonly ReceiptLine[], supplierId: string | null, source: ReceiptSource): NewEvent {
  return {
    type: RECEIPT_BOOKED,
    subject: { type: 'Receipt', id: receipt.id },
    supplierId,
    payload: {
      receiptId: receipt.id,
      shipmentId: receipt.shipmentId,
      locationId: receipt.location.id,
      receivedAt: receipt.receivedAt.toISOString(),
      supplierId,
      source,
      lines: lines.map((line) => ({
        receiptLineId: line.id,
        shipmentLineId: line.shipmentLineId,
        productId: line.product.id,
        lotId: line.lot?.id ?? null,
        lotNumber: line.lot?.lotNumber ?? null,
        expectedQuantity: line.expectedQuantity,
        receivedQuantity: line.receivedQuantity,
        acceptedQuantity: line.acceptedQuantity,
        rejectedQuantity: line.rejectedQuantity,
      })),
    },
  };
}
