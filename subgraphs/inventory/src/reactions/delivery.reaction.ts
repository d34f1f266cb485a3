// shipment.delivered (orders) → the goods receipt: every shipped line received and accepted in full at
// the shipment's ship-to location, into the lots the supplier named. Nothing happens when the shipment
// already has a receipt (received by hand first, or this delivery seen before under another event id).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { BusEvent } from '@cmgraph/platform';
import { Location } from '../location/location.entity';
import { Product } from '../product/product.entity';
import { bookReceipt } from '../receipt/receipt.booking';
import { objects, optionalDate, optionalId, optionalText, requiredId, requiredNumber, UnusableEvent } from './payload';

export async function receiveDelivery(event: BusEvent, em: EntityManager): Promise<void> {
  const shipmentId = optionalId(event.payload, 'shipmentId') ?? event.subjectId;
  const locationId = requiredId(event.payload, 'shipToLocationId');
  const lines = objects(event.payload, 'lines').map((line) => ({
    productId: requiredId(line, 'productId'),
    quantity: requiredNumber(line, 'quantity'),
    lotNumber: optionalText(line, 'lotNumber'),
    shipmentLineId: optionalId(line, 'shipmentLineId'),
  }));
  if (!lines.length) throw new UnusableEvent('the delivery has no lines');
  if (lines.some((line) => !(line.quantity > 0))) throw new UnusableEvent('a line quantity is not positive');

  const location = await em.findOne(Location, { id: locationId });
  if (!location) throw new UnusableEvent(`unknown ship-to location ${locationId}`);
  const productIds = [...new Set(lines.map((line) => line.productId))];
  const products = new Map((await em.find(Product, { id: { $in: productIds } })).map((p) => [p.id, p]));
  const unknown = productIds.find((id) => !products.has(id));
  if (unknown) throw new UnusableEvent(`unknown product ${unknown}`);

  await bookReceipt(em, {
    shipmentId,
    location,
    receivedAt: optionalDate(event.payload, 'deliveredAt') ?? event.occurredAt,
    supplierId: optionalId(event.payload, 'supplierId') ?? event.supplierId,
    note: `Booked from the delivery of ${optionalText(event.payload, 'number') ?? `shipment ${shipmentId}`}`,
    source: 'DELIVERY',
    lines: lines.map((line) => ({
      product: products.get(line.productId)!,
      lotNumber: line.lotNumber,
      expectedQuantity: line.quantity,
      receivedQuantity: line.quantity,
      acceptedQuantity: line.quantity,
      rejectedQuantity: 0,
      shipmentLineId: line.shipmentLineId,
    })),
  });
}
