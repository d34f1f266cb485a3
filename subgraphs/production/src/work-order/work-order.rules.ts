// Work-order lifecycle rules, pure so that resolvers, seed and tests agree on them.
//   PLANNED  → RELEASED | ABORTED
//   RELEASED → RUNNING | ABORTED          (RUNNING the first time stamps actualStart)
//   RUNNING  → HELD | COMPLETED | ABORTED (COMPLETED stamps actualEnd)
//   HELD     → RUNNING | ABORTED
//   COMPLETED → CLOSED                    (closing is the books: nothing may be reported afterwards)
//   CLOSED, ABORTED → nothing
import { WorkOrderStatus as S } from './work-order.enums';

const NEXT: Record<S, S[]> = {
  [S.PLANNED]: [S.RELEASED, S.ABORTED],
  [S.RELEASED]: [S.RUNNING, S.ABORTED],
  [S.RUNNING]: [S.HELD, S.COMPLETED, S.ABORTED],
  [S.HELD]: [S.RUNNING, S.ABORTED],
  [S.COMPLETED]: [S.CLOSED],
  [S.CLOSED]: [],
  [S.ABORTED]: [],
};

export function canMoveWorkOrder(from: S, to: S): boolean {
  return NEXT[from].includes(to);
}

/** Statuses in which output and consumption may be reported: on the floor, or just finished (late bookings). */
export const REPORTABLE: readonly S[] = [S.RUNNING, S.HELD, S.COMPLETED];

/** A work order has run (has an actual start) once it left RELEASED for the floor. */
export function hasStarted(status: S): boolean {
  return status !== S.PLANNED && status !== S.RELEASED;
}
