// Raising alerts as one statement: INSERT … ON CONFLICT on the partial unique index of open alerts, so
// that concurrent raises about the same category, subject and metric meet in the index, never in a
// read-then-write race. A repeat adds its occurrences, takes the latest reading and the higher severity,
// and fills the facility and supplier if they were missing. Each returned row says whether it was new.
// A partner (telemetry over a limit) may raise only alerts carrying its own supplier and repeat only open
// alerts that already carry it: anything else is FORBIDDEN, and the caller's transaction writes nothing.
import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden, newId, partnerScopeOf } from '@cmgraph/platform';
import type { AlertCategory, AlertSeverity, AlertSubjectType } from './alert.enums';
import { SEVERITY_ORDER } from './alert.enums';

export interface AlertRaise {
  category: AlertCategory;
  severity: AlertSeverity;
  subjectType: AlertSubjectType;
  subjectId: string;
  facilityId: string | null;
  supplierId: string | null;
  message: string;
  metric: string | null;
  value: number | null;
  threshold: number | null;
  unit: string | null;
  /** How many occurrences this raise stands for (e.g. readings over a limit in one batch). */
  occurrences: number;
}

/** What an alert event tells of its alert (a row of the upsert, or the entity). */
export type AlertFacts = Pick<AlertRaise, 'category' | 'severity' | 'subjectType' | 'subjectId' | 'facilityId' | 'supplierId' | 'metric' | 'message' | 'occurrences'>
  & { id: string };

/** The alert as it stands after a raise. */
export interface RaisedAlert extends AlertFacts {
  /** A new alert (RAISED) rather than another occurrence of an open one (RECURRED). */
  inserted: boolean;
}

const RANK = `ARRAY[${SEVERITY_ORDER.map((s) => `'${s}'`).join(', ')}]`;

// `xmax = 0` only on a row this statement inserted (an updated row carries the updating transaction).
const SQL = `
INSERT INTO alert (id, created_at, updated_at, category, severity, subject_type, subject_id, facility_id, supplier_id, message,
                   metric, value, threshold, unit, occurrences, raised_at, last_raised_at)
SELECT r.id, r.at, r.at, r.category, r.severity, r.subject_type, r.subject_id, r.facility_id, r.supplier_id, r.message,
       r.metric, r.value, r.threshold, r.unit, r.occurrences, r.at, r.at
FROM jsonb_to_recordset(?::jsonb) AS r(id uuid, at timestamptz, category text, severity text, subject_type text, subject_id uuid,
     facility_id uuid, supplier_id uuid, message text, metric text, value float8, threshold float8, unit text, occurrences int)
ON CONFLICT (category, subject_type, subject_id, (coalesce(metric, ''))) WHERE resolved_at IS NULL DO UPDATE SET
  occurrences = alert.occurrences + excluded.occurrences,
  last_raised_at = greatest(alert.last_raised_at, excluded.last_raised_at),
  updated_at = excluded.updated_at,
  message = excluded.message, value = excluded.value, threshold = excluded.threshold, unit = excluded.unit,
  severity = CASE WHEN array_position(${RANK}, excluded.severity) > array_position(${RANK}, alert.severity)
                  THEN excluded.severity ELSE alert.severity END,
  facility_id = coalesce(alert.facility_id, excluded.facility_id),
  supplier_id = coalesce(alert.supplier_id, excluded.supplier_id)
WHERE ?::uuid IS NULL OR alert.supplier_id = ?::uuid
RETURNING id, (xmax = 0) AS inserted, category, severity, subject_type, subject_id, facility_id, supplier_id, metric, message, occurrences`;

interface Row {
  id: string;
  inserted: boolean;
  category: AlertCategory;
  severity: AlertSeverity;
  subject_type: AlertSubjectType;
  subject_id: string;
  facility_id: string | null;
  supplier_id: string | null;
  metric: string | null;
  message: string;
  occurrences: number;
}

/** Raises (or repeats) alerts; at most one raise per category, subject and metric per call. */
export async function upsertAlerts(em: EntityManager, raises: AlertRaise[], at = new Date()): Promise<RaisedAlert[]> {
  if (!raises.length) return [];
  const scope = partnerScopeOf(em);
  const refuse = () => forbidden('a partner may only raise alerts about its own supplier', { field: 'supplierId' });
  if (scope !== null && raises.some((r) => r.supplierId !== scope)) throw refuse();
  const rows = raises.map((r) => ({
    id: newId(), at: at.toISOString(), category: r.category, severity: r.severity, subject_type: r.subjectType, subject_id: r.subjectId,
    facility_id: r.facilityId, supplier_id: r.supplierId, message: r.message, metric: r.metric, value: r.value, threshold: r.threshold,
    unit: r.unit, occurrences: r.occurrences,
  }));
  const result = await em.execute<Row[]>(SQL, [JSON.stringify(rows), scope, scope]);
  // a conflicting open alert of another supplier (or of none) is left alone and not returned
  if (result.length !== raises.length) throw refuse();
  return result.map((row) => ({
    id: row.id, inserted: row.inserted, category: row.category, severity: row.severity, subjectType: row.subject_type,
    subjectId: row.subject_id, facilityId: row.facility_id, supplierId: row.supplier_id, metric: row.metric, message: row.message,
    occurrences: row.occurrences,
  }));
}
