// Non-conformance lifecycle: which status may follow which.
//   OPEN          → UNDER_REVIEW | DISPOSITIONED (a clear case needs no review)
//   UNDER_REVIEW  → DISPOSITIONED
//   DISPOSITIONED → CLOSED (once the disposition is carried out)
//   CLOSED        → nothing: a new finding is a new non-conformance.
// A disposition is decided once: dispositioning again is a conflict, not an overwrite.
import { NonConformanceStatus as S } from './non-conformance.enums';

const NEXT: Record<S, S[]> = {
  [S.OPEN]: [S.UNDER_REVIEW, S.DISPOSITIONED],
  [S.UNDER_REVIEW]: [S.DISPOSITIONED],
  [S.DISPOSITIONED]: [S.CLOSED],
  [S.CLOSED]: [],
};

export function canMoveNonConformance(from: S, to: S): boolean {
  return NEXT[from].includes(to);
}

/** Statuses that count as open: everything until CLOSED. */
export const OPEN_NON_CONFORMANCE_STATUSES = [S.OPEN, S.UNDER_REVIEW, S.DISPOSITIONED];
