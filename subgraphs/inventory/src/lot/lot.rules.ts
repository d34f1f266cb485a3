// Lot status lifecycle. A lot is born AVAILABLE (or QUARANTINE when quality must release it first).
//   AVAILABLE  → QUARANTINE | HOLD | RECALLED | CONSUMED
//   QUARANTINE → AVAILABLE (released) | HOLD | RECALLED
//   HOLD       → AVAILABLE | QUARANTINE | RECALLED
//   RECALLED   → nothing: a recall is never undone, and a recalled lot stays RECALLED even when its
//                stock is used up or scrapped, so recall-impact reports keep finding it.
//   CONSUMED   → nothing: the lot is used up; more of the same lot number would be a new receipt error.
// Setting the status a lot already has is an accepted no-op, so that retried requests do not fail.
import { LotStatus as S } from './lot.enums';

const NEXT: Record<S, S[]> = {
  [S.AVAILABLE]: [S.QUARANTINE, S.HOLD, S.RECALLED, S.CONSUMED],
  [S.QUARANTINE]: [S.AVAILABLE, S.HOLD, S.RECALLED],
  [S.HOLD]: [S.AVAILABLE, S.QUARANTINE, S.RECALLED],
  [S.RECALLED]: [],
  [S.CONSUMED]: [],
};

export function canMoveLot(from: S, to: S): boolean {
  return from === to || NEXT[from].includes(to);
}

/** Stock of a lot may leave for use (ISSUE, CONSUME) only while it is released. */
export function canIssueFromLot(status: S): boolean {
  return status === S.AVAILABLE;
}

/** More stock may be received into an existing lot unless the lot is finished or recalled. */
export function canReceiveIntoLot(status: S): boolean {
  return status !== S.RECALLED && status !== S.CONSUMED;
}

/** Moving or counting a lot's stock (TRANSFER, ADJUST) is fine until it is used up; recalled stock must be movable to quarantine. */
export function canMoveLotStock(status: S): boolean {
  return status !== S.CONSUMED;
}
