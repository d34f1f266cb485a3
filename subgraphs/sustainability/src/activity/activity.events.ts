// `activity.recorded`: a small notice that a facility's activity data changed its footprint, for
// consumers that keep their own totals or refresh reports.
import type { NewEvent } from '@cmgraph/platform';
import type { ActivityRecord } from './activity-record.entity';

export function activityRecorded(record: ActivityRecord): NewEvent {
  return {
    type: 'activity.recorded',
    subject: { type: 'ActivityRecord', id: record.id },
    supplierId: record.supplierId,
    payload: {
      activityRecordId: record.id, facilityId: record.facilityId, supplierId: record.supplierId, activityType: record.activityType,
      periodStart: record.periodStart, periodEnd: record.periodEnd, scope: record.scope, scope3Category: record.scope3Category ?? null,
      kgCo2e: record.kgCo2e,
    },
  };
}
