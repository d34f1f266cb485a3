// Footprint lifecycle: Active → Deprecated, never back (PACT: a deprecated footprint is history).
import { AppError } from '@cmgraph/platform';
import { FootprintStatus as S } from './footprint.enums';

const NEXT: Record<S, S[]> = {
  [S.ACTIVE]: [S.DEPRECATED],
  [S.DEPRECATED]: [],
};

export function canMoveFootprint(from: S, to: S): boolean {
  return NEXT[from].includes(to);
}

/** Throws CONFLICT naming `status` for a transition the rules do not allow. */
export function moveFootprint(footprint: { status: S }, to: S): void {
  if (!canMoveFootprint(footprint.status, to)) {
    throw AppError.conflict(`a ${footprint.status} product footprint cannot become ${to}`, { field: 'status', status: footprint.status });
  }
  footprint.status = to;
}
