// Production's reports → the stock ledger: consumption.recorded becomes a CONSUME movement out of the
// location the material was taken from, work_order.output_reported a PRODUCE movement of the good
// quantity into the output lot (created when new). The ledger's own rules apply (enough stock, a lot that
// may be issued or received into); an event that breaks them is logged and skipped.
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, recordEvent, type BusEvent } from '@cmgraph/platform';
import { Product } from '../product/product.entity';
import { Lot } from '../lot/lot.entity';
import { canIssueFromLot, canReceiveIntoLot } from '../lot/lot.rules';
import { lotRegistered } from '../lot/lot.events';
import { lockLot } from '../lot/lot.status';
import { StockMovementType } from '../stock/stock.enums';
import { bookMovements } from '../stock/stock.ledger';
import { optionalDate, optionalId, optionalText, requiredId, requiredNumber, UnusableEvent } from './payload';
import { stockPlaceOf } from './stock-place';
import { Tracking } from '../product/product.enums';

export async function bookConsumption(event: BusEvent, em: EntityManager): Promise<void> {
  const quantity = requiredNumber(event.payload, 'quantity');
  if (!(quantity > 0)) throw new UnusableEvent('quantity is not positive');
  const product = await productOf(em, event.payload);
  const location = await stockPlaceOf(em, event.payload);
  const lot = await existingLot(em, product, event.payload);
  if (lot && !canIssueFromLot(lot.status)) throw AppError.conflict(`lot ${lot.lotNumber} is ${lot.status} and cannot be consumed`, { field: 'lotId' });
  const consumptionId = optionalText(event.payload, 'consumptionId') ?? event.subjectId;
  const workOrderId = optionalText(event.payload, 'workOrderId');
  const booking = await bookMovements(em, [{
    type: StockMovementType.CONSUME, product, lot, fromLocation: location, quantity,
    occurredAt: optionalDate(event.payload, 'occurredAt') ?? event.occurredAt,
    reference: `consumption:${consumptionId}`, reason: workOrderId ? `work order ${workOrderId}` : null,
  }]);
  await recordEvent(em, ...booking.events);
}

export async function bookOutput(event: BusEvent, em: EntityManager): Promise<void> {
  const quantity = requiredNumber(event.payload, 'goodQuantity');
  if (quantity < 0) throw new UnusableEvent('goodQuantity is negative');
  if (quantity === 0) return; // all scrap: nothing enters stock
  const product = await productOf(em, event.payload);
  const location = await stockPlaceOf(em, event.payload);
  let lot = await existingLot(em, product, event.payload, true);
  let created: Lot | null = null;
  const lotNumber = optionalText(event.payload, 'lotNumber');
  if (!lot && lotNumber) {
    lot = created = em.create(Lot, { product, lotNumber, supplierId: optionalId(event.payload, 'supplierId') ?? event.supplierId });
    em.persist(lot);
  }
  if (!lot && product.tracking === Tracking.LOT) throw new UnusableEvent(`product ${product.sku} is lot-tracked and the output names no lot`);
  if (lot && !canReceiveIntoLot(lot.status)) throw AppError.conflict(`lot ${lot.lotNumber} is ${lot.status} and cannot receive stock`, { field: 'lotId' });
  const workOrderId = requiredId(event.payload, 'workOrderId');
  const booking = await bookMovements(em, [{
    type: StockMovementType.PRODUCE, product, lot, toLocation: location, quantity,
    occurredAt: optionalDate(event.payload, 'occurredAt') ?? event.occurredAt,
    reference: `work-order:${workOrderId}`, reason: `output of work order ${workOrderId}`,
  }]);
  await recordEvent(em, ...(created ? [lotRegistered(created, 'PRODUCTION')] : []), ...booking.events);
}

async function productOf(em: EntityManager, payload: Record<string, unknown>): Promise<Product> {
  const productId = requiredId(payload, 'productId');
  const product = await em.findOne(Product, { id: productId });
  if (!product) throw new UnusableEvent(`unknown product ${productId}`);
  return product;
}

/**
 * The lot the event names, locked: by `lotId`, else by `lotNumber` of the product. Null when it names
 * none — or, with `mayBeNew`, a lot number not seen yet. A lot-tracked product needs one to consume.
 */
async function existingLot(em: EntityManager, product: Product, payload: Record<string, unknown>, mayBeNew = false): Promise<Lot | null> {
  const lotId = optionalId(payload, 'lotId');
  const lotNumber = optionalText(payload, 'lotNumber');
  if (lotId) {
    const lot = await lockLot(em, { id: lotId });
    if (!lot) throw new UnusableEvent(`unknown lot ${lotId}`);
    if (lot.product.id !== product.id) throw new UnusableEvent(`lot ${lotId} belongs to another product`);
    return lot;
  }
  if (lotNumber) {
    const lot = await lockLot(em, { product: product.id, lotNumber });
    if (!lot && !mayBeNew) throw new UnusableEvent(`no lot ${lotNumber} of product ${product.sku}`);
    return lot;
  }
  if (!mayBeNew && product.tracking === Tracking.LOT) throw new UnusableEvent(`product ${product.sku} is lot-tracked and the event names no lot`);
  return null;
}
