// Booking a receipt: validates the lines, then writes the receipt, its lines, new lots and one RECEIPT
// movement per accepted line (with its stock-level change) in a single transaction.
import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError, mustLoad, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Product } from '../product/product.entity';
import { Tracking } from '../product/product.enums';
import type { Location } from '../location/location.entity';
import { Lot } from '../lot/lot.entity';
import { canReceiveIntoLot } from '../lot/lot.rules';
import { StockMovementType } from '../stock/stock.enums';
import { bookMovements } from '../stock/stock.ledger';
import { Receipt, ReceiptLine } from './receipt.entity';
import type { ReceiptLineInput, ReceiveShipmentInput } from './receipt.input';

export async function receiveShipment(input: ReceiveShipmentInput, ctx: Context): Promise<Receipt> {
  const shipmentId = requireId(input.shipmentId, 'shipmentId');
  input.lines.forEach(checkQuantities);
  const location = await mustLoad(ctx.loaders.location, 'Location', input.locationId, 'locationId');
  const products = await Promise.all(
    input.lines.map((line, i) => mustLoad(ctx.loaders.product, 'Product', line.productId, `lines[${i}].productId`)),
  );
  input.lines.forEach((line, i) => {
    if (line.shipmentLineId) requireId(line.shipmentLineId, `lines[${i}].shipmentLineId`);
    if (!line.lotNumber && products[i]!.tracking === Tracking.LOT) {
      throw AppError.badInput(`lines[${i}].lotNumber`, 'required for a lot-tracked product');
    }
  });
  if (await ctx.loaders.receiptByShipment.load(shipmentId)) throw alreadyReceived(shipmentId);
  await ctx.references.requireExisting('Shipment', [{ id: shipmentId, field: 'shipmentId' }]);
  if (input.supplierId) await ctx.references.requireExisting('Supplier', [{ id: input.supplierId, field: 'supplierId' }]);

  try {
    return await ctx.em.transactional(async (em) => {
      const receipt = em.create(Receipt, {
        shipmentId,
        location,
        receivedAt: input.receivedAt ?? new Date(),
        note: input.note ?? null,
      });
      em.persist(receipt);
      const lots = await lotsFor(em, input, products);
      const lines = input.lines.map((line, i) =>
        em.create(ReceiptLine, {
          receipt,
          product: products[i]!,
          lot: lots[i] ?? null,
          shipmentLineId: line.shipmentLineId ?? null,
          expectedQuantity: line.expectedQuantity ?? null,
          receivedQuantity: line.receivedQuantity,
          acceptedQuantity: line.acceptedQuantity,
          rejectedQuantity: line.rejectedQuantity,
          note: line.note ?? null,
        }),
      );
      em.persist(lines);
      await bookMovements(em, accepted(receipt, location, lines));
      return receipt;
    });
  } catch (error) {
    // A concurrent receipt for the same shipment got there first: the unique index on shipment_id says so.
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

/** The lot of each line: existing (product, lotNumber) lots are reused, new numbers create lots. */
async function lotsFor(em: EntityManager, input: ReceiveShipmentInput, products: Product[]): Promise<(Lot | null)[]> {
  const wanted = input.lines.flatMap((line, i) => (line.lotNumber ? [{ product: products[i]!.id, lotNumber: line.lotNumber }] : []));
  if (!wanted.length) return input.lines.map(() => null);
  // Lock existing lots so a concurrent status change (e.g. a recall) cannot slip in before we receive into them.
  const existing = await em.find(Lot, { $or: wanted }, { lockMode: 4 /* PESSIMISTIC_WRITE */ });
  const byKey = new Map(existing.map((lot) => [`${lot.product.id}:${lot.lotNumber}`, lot]));
  return input.lines.map((line, i) => {
    if (!line.lotNumber) return null;
    const key = `${products[i]!.id}:${line.lotNumber}`;
    let lot = byKey.get(key);
    if (lot && !canReceiveIntoLot(lot.status)) {
      throw AppError.conflict(`lot ${line.lotNumber} is ${lot.status} and cannot receive stock`, { field: `lines[${i}].lotNumber` });
    }
    if (lot && line.expiresOn && lot.expiresOn && lot.expiresOn !== line.expiresOn) {
      throw AppError.badInput(`lines[${i}].expiresOn`, `lot ${line.lotNumber} expires on ${lot.expiresOn}`);
    }
    if (!lot) {
      lot = em.create(Lot, { product: products[i]!, lotNumber: line.lotNumber, expiresOn: line.expiresOn ?? null, supplierId: input.supplierId ?? null });
      em.persist(lot);
      byKey.set(key, lot);
    }
    return lot;
  });
}

function accepted(receipt: Receipt, location: Location, lines: ReceiptLine[]) {
  return lines
    .filter((line) => line.acceptedQuantity > 0)
    .map((line) => ({
      type: StockMovementType.RECEIPT,
      product: line.product,
      lot: line.lot,
      toLocation: location,
      quantity: line.acceptedQuantity,
      occurredAt: receipt.receivedAt,
      reference: `receipt:${receipt.id}`,
      field: `lines[${lines.indexOf(line)}].acceptedQuantity`,
    }));
}
