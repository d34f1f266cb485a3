// Raising alerts as one statement: INSERT … ON CONFLICT on the partial unique index of open alerts, so
// that concurrent raises about the same category and subject meet in the index, never in a
// read-then-write race. A repeat adds its occurrences, takes the latest reading and the higher severity.
import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '@cmgraph/platform';
import type { AlertCategory, AlertSeverity, AlertSubjectType } from './alert.enums';
import { SEVERITY_ORDER } from './alert.enums';

export interface AlertRaise {
  category: AlertCategory;
  severity: AlertSeverity;
  subjectType: AlertSubjectType;
  subjectId: string;
  facilityId: string | null;
  message: string;
  metric: string | null;
  value: number | null;
  threshold: number | null;
  unit: string | null;
  /** How many occurrences this raise stands for (e.g. readings over a limit in one batch). */
  occurrences: number;
}

const RANK = `ARRAY[${SEVERITY_ORDER.map((s) => `'${s}'`).join(', ')}]`;

const SQL = `
INSERT INTO alert (id, created_at, updated_at, category, severity, subject_type, subject_id, facility_id, message,
                   metric, value, threshold, unit, occurrences, raised_at, last_raised_at)
SELECT r.id, r.at, r.at, r.category, r.severity, r.subject_type, r.subject_id, r.facility_id, r.message,
       r.metric, r.value, r.threshold, r.unit, r.occurrences, r.at, r.at
FROM jsonb_to_recordset(?::jsonb) AS r(id uuid, at timestamptz, category text, severity text, subject_type text, subject_id uuid,
     facility_id uuid, message text, metric text, value float8, threshold float8, unit text, occurrences int)
ON CONFLICT (category, subject_type, subject_id) WHERE resolved_at IS NULL DO UPDATE SET
  occurrences = alert.occurrences + excluded.occurrences,
  last_raised_at = greatest(alert.last_raised_at, excluded.last_raised_at),
  updated_at = excluded.updated_at,
  message = excluded.message, metric = excluded.metric, value = excluded.value, threshold = excluded.threshold, unit = excluded.unit,
  severity = CASE WHEN array_position(${RANK}, excluded.severity) > array_position(${RANK}, alert.severity)
                  THEN excluded.severity ELSE alert.severity END,
  facility_id = coalesce(alert.facility_id, excluded.facility_id)
RETURNING id`;

/** Raises (or repeats) alerts; at most one raise per category and subject per call. Returns their ids. */
export async function upsertAlerts(em: EntityManager, raises: AlertRaise[], at = new Date()): Promise<string[]> {
  if (!raises.length) return [];
  const rows = raises.map((r) => ({
    id: newId(), at: at.toISOString(), category: r.category, severity: r.severity, subject_type: r.subjectType, subject_id: r.subjectId,
    facility_id: r.facilityId, message: r.message, metric: r.metric, value: r.value, threshold: r.threshold, unit: r.unit, occurrences: r.occurrences,
  }));
  const result = await em.execute<{ id: string }[]>(SQL, [JSON.stringify(rows)]);
  return result.map((row) => row.id);
}
