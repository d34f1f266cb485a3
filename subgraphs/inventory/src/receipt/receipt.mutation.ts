// The `receiveShipment` mutation: checks the input and the shipment (with orders, its owner), then books
// the receipt in one transaction. A shipment already received (by hand, or from its delivery) is a CONFLICT.
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError, mustLoad, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import type { Receipt } from './receipt.entity';
import type { ReceiptLineInput, ReceiveShipmentInput } from './receipt.input';
import { bookReceipt } from './receipt.booking';

export async function receiveShipment(input: ReceiveShipmentInput, ctx: Context): Promise<Receipt> {
  const shipmentId = requireId(input.shipmentId, 'shipmentId');
  input.lines.forEach(checkQuantities);
  const location = await mustLoad(ctx.loaders.location, 'Location', input.locationId, 'locationId');
  const products = await Promise.all(
    input.lines.map((line, i) => mustLoad(ctx.loaders.product, 'Product', line.productId, `lines[${i}].productId`)),
  );
  input.lines.forEach((line, i) => {
    if (line.shipmentLineId) requireId(line.shipmentLineId, `lines[${i}].shipmentLineId`);
  });
  if (await ctx.loaders.receiptByShipment.load(shipmentId)) throw alreadyReceived(shipmentId);
  await ctx.references.requireExisting('Shipment', [{ id: shipmentId, field: 'shipmentId' }]);
  if (input.supplierId) await ctx.references.requireExisting('Supplier', [{ id: input.supplierId, field: 'supplierId' }]);

  try {
    const receipt = await ctx.em.transactional((em) =>
      bookReceipt(em, {
        shipmentId,
        location,
        receivedAt: input.receivedAt ?? new Date(),
        supplierId: input.supplierId ?? null,
        note: input.note ?? null,
        source: 'MANUAL',
        lines: input.lines.map((line, i) => ({ ...line, product: products[i]! })),
      }),
    );
    if (!receipt) throw alreadyReceived(shipmentId); // booked meanwhile (e.g. from the shipment's delivery)
    return receipt;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException && /shipment_id/.test(error.message)) throw alreadyReceived(shipmentId);
    throw error;
  }
}

function checkQuantities(line: ReceiptLineInput, i: number): void {
  if (Math.abs(line.acceptedQuantity + line.rejectedQuantity - line.receivedQuantity) > 1e-9) {
    throw AppError.badInput(`lines[${i}].acceptedQuantity`, 'acceptedQuantity + rejectedQuantity must equal receivedQuantity');
  }
}

function alreadyReceived(shipmentId: string): AppError {
  return AppError.conflict(`shipment ${shipmentId} has already been received`, { field: 'shipmentId' });
}
