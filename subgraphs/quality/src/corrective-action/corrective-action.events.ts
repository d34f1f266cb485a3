// The events of a corrective action (8D): opened, its status moving with the steps (IN_PROGRESS at D1,
// VERIFIED at D6), and closed. Always for one supplier, so partners can follow their own.
import type { NewEvent } from '@cmgraph/platform';
import type { CorrectiveAction } from './corrective-action.entity';
import type { CorrectiveActionStatus } from './corrective-action.enums';

export type CorrectiveActionEventType = 'corrective_action.opened' | 'corrective_action.status_changed' | 'corrective_action.closed';

export function correctiveActionEvent(
  type: CorrectiveActionEventType,
  action: CorrectiveAction,
  extra: { from?: CorrectiveActionStatus; step?: number; nonConformanceIds?: string[] } = {},
): NewEvent {
  return {
    type,
    subject: { type: 'CorrectiveAction', id: action.id },
    supplierId: action.supplierId,
    payload: {
      correctiveActionId: action.id, number: action.number, supplierId: action.supplierId, status: action.status,
      title: action.title, owner: action.owner, dueDate: action.dueDate, ...extra,
    },
  };
}
