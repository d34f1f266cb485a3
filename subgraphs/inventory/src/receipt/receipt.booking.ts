// Booking a goods receipt inside the caller's transaction: the receipt, its lines, new lots and one
// RECEIPT movement per accepted line (with its stock-level change), then its events. Used by the
// `receiveShipment` mutation and by the reaction to a delivered shipment. A shipment is received once:
// both paths take the same per-shipment lock and look before they write, so whichever comes first books
// and the other finds the receipt (the unique index on shipment_id stays the last line of defence).
import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { AppError, recordEvent } from '@cmgraph/platform';
import type { Product } from '../product/product.entity';
import { Tracking } from '../product/product.enums';
import type { Location } from '../location/location.entity';
import { Lot } from '../lot/lot.entity';
import { canReceiveIntoLot } from '../lot/lot.rules';
import { lotRegistered } from '../lot/lot.events';
import { StockMovementType } from '../stock/stock.enums';
import { bookMovements } from '../stock/stock.ledger';
import { Receipt, ReceiptLine } from './receipt.entity';
import { receiptBooked, type ReceiptSource } from './receipt.events';
import { requireBrandScope } from '../access';

/** Advisory lock class for "the receipt of shipment X" (two-key form: its own key space). */
const RECEIPT_LOCK = 0x72637074; // "rcpt"

export interface ReceiptLineDraft {
  product: Product;
  lotNumber?: string | null;
  expiresOn?: string | null;
  expectedQuantity?: number | null;
  receivedQuantity: number;
  acceptedQuantity: number;
  rejectedQuantity: number;
  shipmentLineId?: string | null;
  note?: string | null;
}

export interface ReceiptDraft {
  shipmentId: string;
  location: Location;
  receivedAt: Date;
  /** The shipment's supplier: recorded on the receipt (its partner scope) and on the lots it creates. */
  supplierId: string | null;
  note: string | null;
  source: ReceiptSource;
  lines: ReceiptLineDraft[];
}

/** Books the receipt; null when the shipment already has one. Rule violations throw coded errors naming `lines[i]…`. */
export async function bookReceipt(em: EntityManager, draft: ReceiptDraft): Promise<Receipt | null> {
  // The lock, the "received already?" count and the lot lookup must see every supplier's rows.
  requireBrandScope(em, 'booking a receipt');
  await em.execute(`select pg_advisory_xact_lock(${RECEIPT_LOCK}, hashtext(?))`, [draft.shipmentId]);
  if (await em.count(Receipt, { shipmentId: draft.shipmentId })) return null;
  draft.lines.forEach((line, i) => {
    if (!line.lotNumber && line.product.tracking === Tracking.LOT) {
      throw AppError.badInput(`lines[${i}].lotNumber`, 'required for a lot-tracked product');
    }
  });
  const receipt = em.create(Receipt, {
    shipmentId: draft.shipmentId, location: draft.location, receivedAt: draft.receivedAt, note: draft.note, supplierId: draft.supplierId,
  });
  em.persist(receipt);
  const { lots, created } = await lotsFor(em, draft);
  const lines = draft.lines.map((line, i) =>
    em.create(ReceiptLine, {
      receipt,
      product: line.product,
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
  const booking = await bookMovements(em, accepted(receipt, draft.location, lines));
  await recordEvent(
    em,
    receiptBooked(receipt, lines, draft.supplierId, draft.source),
    ...created.map((lot) => lotRegistered(lot, 'RECEIPT')),
    ...booking.events,
  );
  return receipt;
}

/** The lot of each line: existing (product, lotNumber) lots are reused, new numbers create lots. */
async function lotsFor(em: EntityManager, draft: ReceiptDraft): Promise<{ lots: (Lot | null)[]; created: Lot[] }> {
  const wanted = draft.lines.flatMap((line) => (line.lotNumber ? [{ product: line.product.id, lotNumber: line.lotNumber }] : []));
  if (!wanted.length) return { lots: draft.lines.map(() => null), created: [] };
  // Lock existing lots so a concurrent status change (e.g. a recall) cannot slip in before we receive into them.
  const existing = await em.find(Lot, { $or: wanted }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const byKey = new Map(existing.map((lot) => [`${lot.product.id}:${lot.lotNumber}`, lot]));
  const created: Lot[] = [];
  const lots = draft.lines.map((line, i) => {
    if (!line.lotNumber) return null;
    const key = `${line.product.id}:${line.lotNumber}`;
    let lot = byKey.get(key);
    if (lot && !canReceiveIntoLot(lot.status)) {
      throw AppError.conflict(`lot ${line.lotNumber} is ${lot.status} and cannot receive stock`, { field: `lines[${i}].lotNumber` });
    }
    if (lot && line.expiresOn && lot.expiresOn && lot.expiresOn !== line.expiresOn) {
      throw AppError.badInput(`lines[${i}].expiresOn`, `lot ${line.lotNumber} expires on ${lot.expiresOn}`);
    }
    if (!lot) {
      lot = em.create(Lot, { product: line.product, lotNumber: line.lotNumber, expiresOn: line.expiresOn ?? null, supplierId: draft.supplierId });
      em.persist(lot);
      byKey.set(key, lot);
      created.push(lot);
    }
    return lot;
  });
  return { lots, created };
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
