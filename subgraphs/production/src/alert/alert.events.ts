// The alert stream's events: `alert.raised`, `alert.recurred`, `alert.acknowledged`, `alert.resolved`, one
// per change, written in the transaction of the change. Beyond the contract's fields
// (alertId, category, severity, subjectType, subjectId, facilityId, supplierId) the payload carries
// `severityRank` (so that SQL can filter by minimum severity), `change`, `occurrences`, `metric`,
// `message`, `at` (when the occurrence or action happened, e.g. the source event's time) and, for
// acknowledge/resolve, `by`. The row's own time is when production recorded the change, so that the log
// stays in time order for `since` replays. The outbox `supplier_id` is the alert's supplier.
import type { NewEvent } from '@cmgraph/platform';
import { AlertChange, severityRank } from './alert.enums';
import type { AlertFacts } from './alert.upsert';

export const ALERT_EVENT_TYPES: Record<AlertChange, string> = {
  [AlertChange.RAISED]: 'alert.raised',
  [AlertChange.RECURRED]: 'alert.recurred',
  [AlertChange.ACKNOWLEDGED]: 'alert.acknowledged',
  [AlertChange.RESOLVED]: 'alert.resolved',
};

export function alertEvent(change: AlertChange, alert: AlertFacts, at: Date, by?: string): NewEvent {
  return {
    type: ALERT_EVENT_TYPES[change],
    subject: { type: 'Alert', id: alert.id },
    supplierId: alert.supplierId,
    payload: {
      alertId: alert.id,
      change,
      category: alert.category,
      severity: alert.severity,
      severityRank: severityRank(alert.severity),
      subjectType: alert.subjectType,
      subjectId: alert.subjectId,
      facilityId: alert.facilityId,
      supplierId: alert.supplierId,
      metric: alert.metric,
      message: alert.message,
      occurrences: alert.occurrences,
      at: at.toISOString(),
      ...(by ? { by } : {}),
    },
  };
}
