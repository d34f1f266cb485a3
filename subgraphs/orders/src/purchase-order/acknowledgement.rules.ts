// How one acknowledgement answer changes a PO line. Pure: the resolver locks and loads, this decides.
import { AppError } from '@cmgraph/platform';
import { LineAckStatus } from './purchase-order.enums';
import type { PurchaseOrderLine } from './purchase-order-line.entity';

export interface LineAnswer {
  status: LineAckStatus;
  promisedDate?: string | null;
  quantity?: number | null;
}

type AnswerableLine = Pick<
  PurchaseOrderLine,
  'ackStatus' | 'originalPromisedDate' | 'currentPromisedDate' | 'acknowledgedQuantity' | 'quantityShipped'
>;

/** Checks that need no database: a status that is an answer, and a date where one is required. */
export function checkAnswer(answer: LineAnswer, field: string): void {
  if (answer.status === LineAckStatus.PENDING) throw AppError.badInput(`${field}.status`, 'PENDING is not an answer');
  const needsDate = answer.status === LineAckStatus.ACCEPTED || answer.status === LineAckStatus.DATE_CHANGED;
  if (needsDate && !answer.promisedDate) {
    throw AppError.badInput(`${field}.promisedDate`, `a ${answer.status} line needs a promised date`);
  }
}

/**
 * Applies an answer. The first promised date becomes the original promise and never moves again
 * (it is the OTIF baseline); later answers move only the current promise.
 */
export function applyAnswer(line: AnswerableLine, answer: LineAnswer, field: string): void {
  checkAnswer(answer, field);
  if (line.ackStatus === LineAckStatus.REJECTED) {
    throw AppError.conflict('the line was rejected; a rejection is final', { field: `${field}.lineId` });
  }
  if (answer.status === LineAckStatus.REJECTED && line.quantityShipped > 0) {
    throw AppError.conflict('goods were already shipped against the line', { field: `${field}.status` });
  }
  line.ackStatus = answer.status;
  if (answer.promisedDate) {
    line.originalPromisedDate ??= answer.promisedDate;
    line.currentPromisedDate = answer.promisedDate;
  }
  if (answer.quantity !== undefined && answer.quantity !== null) line.acknowledgedQuantity = answer.quantity;
}
