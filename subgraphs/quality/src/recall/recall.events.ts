// The events of a recall: initiated (inventory may mark its root lots RECALLED) and moved along its
// lifecycle. The supplier is known when every root lot came from the same one.
import type { NewEvent } from '@cmgraph/platform';
import type { Recall } from './recall.entity';
import type { RecallStatus } from './recall.enums';

export function recallEvent(type: 'recall.initiated' | 'recall.moved', recall: Recall, from: RecallStatus | null = null): NewEvent {
  return {
    type,
    subject: { type: 'Recall', id: recall.id },
    supplierId: recall.supplierIds.length === 1 ? recall.supplierIds[0] : null,
    payload: {
      recallId: recall.id, number: recall.number, status: recall.status, from, reason: recall.reason,
      rootLotIds: recall.rootLotIds, supplierIds: recall.supplierIds,
    },
  };
}
