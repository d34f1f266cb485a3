// Status rules of non-conformances, corrective actions (8D) and recalls.
import { describe, expect, it } from '@jest/globals';
import { canMoveNonConformance } from '../src/non-conformance/non-conformance.rules';
import { NonConformanceStatus as NC } from '../src/non-conformance/non-conformance.enums';
import { canMoveCorrectiveAction, isOverdue, nextStep, statusAfterStep } from '../src/corrective-action/corrective-action.rules';
import { CorrectiveActionStatus as CA } from '../src/corrective-action/corrective-action.enums';
import { canMoveRecall } from '../src/recall/recall.rules';
import { RecallStatus as RC } from '../src/recall/recall.enums';

describe('non-conformance rules', () => {
  it('dispositions from OPEN or UNDER_REVIEW only, and closes only a dispositioned one', () => {
    expect(canMoveNonConformance(NC.OPEN, NC.DISPOSITIONED)).toBe(true);
    expect(canMoveNonConformance(NC.UNDER_REVIEW, NC.DISPOSITIONED)).toBe(true);
    expect(canMoveNonConformance(NC.DISPOSITIONED, NC.DISPOSITIONED)).toBe(false);
    expect(canMoveNonConformance(NC.OPEN, NC.CLOSED)).toBe(false);
    expect(canMoveNonConformance(NC.DISPOSITIONED, NC.CLOSED)).toBe(true);
    expect(Object.values(NC).filter((to) => canMoveNonConformance(NC.CLOSED, to))).toEqual([]);
  });
});

describe('8D rules', () => {
  it('offers the lowest incomplete step next, and none once all eight are done', () => {
    expect(nextStep([])).toBe(1);
    expect(nextStep([1, 2, 4])).toBe(3);
    expect(nextStep([1, 2, 3, 4, 5, 6, 7, 8])).toBeNull();
  });

  it('moves to IN_PROGRESS with D1 and to VERIFIED with D6', () => {
    expect(statusAfterStep(CA.OPEN, 1)).toBe(CA.IN_PROGRESS);
    expect(statusAfterStep(CA.IN_PROGRESS, 5)).toBe(CA.IN_PROGRESS);
    expect(statusAfterStep(CA.IN_PROGRESS, 6)).toBe(CA.VERIFIED);
    expect(statusAfterStep(CA.VERIFIED, 8)).toBe(CA.VERIFIED);
  });

  it('closes only a verified action', () => {
    expect(canMoveCorrectiveAction(CA.VERIFIED, CA.CLOSED)).toBe(true);
    expect(canMoveCorrectiveAction(CA.IN_PROGRESS, CA.CLOSED)).toBe(false);
  });

  it('is overdue after the due date until closed', () => {
    expect(isOverdue({ dueDate: '2026-03-01', status: CA.IN_PROGRESS }, '2026-03-02')).toBe(true);
    expect(isOverdue({ dueDate: '2026-03-01', status: CA.IN_PROGRESS }, '2026-03-01')).toBe(false);
    expect(isOverdue({ dueDate: '2026-03-01', status: CA.CLOSED }, '2026-04-01')).toBe(false);
  });
});

describe('recall rules', () => {
  it('only moves forward', () => {
    expect(canMoveRecall(RC.INITIATED, RC.IN_PROGRESS)).toBe(true);
    expect(canMoveRecall(RC.IN_PROGRESS, RC.COMPLETED)).toBe(true);
    expect(canMoveRecall(RC.COMPLETED, RC.INITIATED)).toBe(false);
    expect(canMoveRecall(RC.INITIATED, RC.COMPLETED)).toBe(false);
  });
});
