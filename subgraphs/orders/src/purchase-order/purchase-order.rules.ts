// Purchase-order lifecycle rules: which status may follow which, and when an order is done.
// Pure functions, so the resolvers and the seed agree on them and tests need no database.
import { LineAckStatus, PurchaseOrderStatus as S } from './purchase-order.enums';
import { atLeast, roundQuantity } from '../quantity';

const NEXT: Record<S, S[]> = {
  [S.DRAFT]: [S.SENT, S.CANCELLED],
  [S.SENT]: [S.ACKNOWLEDGED, S.CANCELLED],
  [S.ACKNOWLEDGED]: [S.PARTIALLY_SHIPPED, S.CLOSED, S.CANCELLED],
  // Once goods are on their way the order can only finish: cancelling would strand shipped quantities.
  [S.PARTIALLY_SHIPPED]: [S.CLOSED],
  [S.CLOSED]: [],
  [S.CANCELLED]: [],
};

export function canMovePurchaseOrder(from: S, to: S): boolean {
  return NEXT[from].includes(to);
}

/** Statuses in which the supplier may (still) answer lines: first answers, then date changes. */
export const ACKNOWLEDGEABLE: readonly S[] = [S.SENT, S.ACKNOWLEDGED, S.PARTIALLY_SHIPPED];

/** Statuses against which a shipment (ASN) may be booked. */
export const SHIPPABLE: readonly S[] = [S.ACKNOWLEDGED, S.PARTIALLY_SHIPPED];

interface LineProgress {
  ackStatus: LineAckStatus;
  quantity: number;
  quantityDelivered: number;
}

/** Every line has an answer from the supplier. */
export function isFullyAcknowledged(lines: readonly { ackStatus: LineAckStatus }[]): boolean {
  return lines.length > 0 && lines.every((line) => line.ackStatus !== LineAckStatus.PENDING);
}

/** Every line the supplier did not reject has been delivered in full (and at least one was). */
export function isFullyDelivered(lines: readonly LineProgress[]): boolean {
  const live = lines.filter((line) => line.ackStatus !== LineAckStatus.REJECTED);
  return live.length > 0 && live.every((line) => atLeast(line.quantityDelivered, line.quantity));
}

/** Ordered − shipped; nothing is open on a rejected line. */
export function openQuantity(line: { ackStatus: LineAckStatus; quantity: number; quantityShipped: number }): number {
  if (line.ackStatus === LineAckStatus.REJECTED) return 0;
  return Math.max(0, roundQuantity(line.quantity - line.quantityShipped));
}

/** Statuses of an order still expecting goods: sent and not yet closed or cancelled. */
export const OPEN_ORDER: readonly S[] = [S.SENT, S.ACKNOWLEDGED, S.PARTIALLY_SHIPPED];
