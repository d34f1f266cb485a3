// Recall lifecycle: forward only, INITIATED → IN_PROGRESS → COMPLETED.
import { RecallStatus as S } from './recall.enums';

const NEXT: Record<S, S[]> = {
  [S.INITIATED]: [S.IN_PROGRESS],
  [S.IN_PROGRESS]: [S.COMPLETED],
  [S.COMPLETED]: [],
};

export function canMoveRecall(from: S, to: S): boolean {
  return NEXT[from].includes(to);
}
