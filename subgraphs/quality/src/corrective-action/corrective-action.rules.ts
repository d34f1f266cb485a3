// 8D rules: steps are completed in order, D1 to D8, and the status follows the steps.
//   OPEN → IN_PROGRESS (D1 done) → VERIFIED (D6 done: actions implemented and validated) → CLOSED
// Closing needs all eight steps; nothing moves backwards.
import { CorrectiveActionStatus as S, EIGHT_D_STEPS } from './corrective-action.enums';

const NEXT: Record<S, S[]> = {
  [S.OPEN]: [S.IN_PROGRESS],
  [S.IN_PROGRESS]: [S.VERIFIED],
  [S.VERIFIED]: [S.CLOSED],
  [S.CLOSED]: [],
};

export function canMoveCorrectiveAction(from: S, to: S): boolean {
  return NEXT[from].includes(to);
}

/** The step that may be completed next (1-based), or null when all eight are done. */
export function nextStep(completedSteps: number[]): number | null {
  for (let step = 1; step <= EIGHT_D_STEPS.length; step++) if (!completedSteps.includes(step)) return step;
  return null;
}

/** The status an action has once `step` is complete (steps come in order, so D1 and D6 are the moves). */
export function statusAfterStep(current: S, step: number): S {
  if (step === 1) return S.IN_PROGRESS;
  if (step === 6) return S.VERIFIED;
  return current;
}

/** Overdue: the due date has passed (before `today`) and the action is not closed. */
export function isOverdue(action: { dueDate: string; status: S }, today: string): boolean {
  return action.status !== S.CLOSED && action.dueDate < today;
}
