// Supplier lifecycle rules: which status may follow which.
import { SupplierStatus as S } from './supplier.enums';

const NEXT: Record<S, S[]> = {
  [S.PROSPECT]: [S.ONBOARDING, S.BLOCKED],
  [S.ONBOARDING]: [S.APPROVED, S.BLOCKED],
  [S.APPROVED]: [S.PROBATION, S.BLOCKED],
  [S.PROBATION]: [S.APPROVED, S.BLOCKED],
  [S.BLOCKED]: [S.ONBOARDING],
};

export function canMoveSupplier(from: S, to: S): boolean {
  return NEXT[from].includes(to);
}
