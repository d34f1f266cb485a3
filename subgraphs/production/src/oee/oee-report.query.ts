// The OEE report's one statement: the units a report groups by (facilities, lines or machines that match
// the filter, within the partner's scope) are selected in SQL and fed to the same totals statement as the
// Oee fields (oee.query.ts), so the report and the fields can never disagree.
import type { EntityManager } from '@mikro-orm/postgresql';
import { partnerScopeOf } from '@cmgraph/platform';
import type { OeeTotals } from './oee';
import { oeeTotalsSql, totalsOf, type OeeSubject, type TotalsRow } from './oee.query';

export interface OeeReportQuery {
  groupBy: OeeSubject;
  from: Date;
  to: Date;
  /** The end of run windows and stops still open. */
  now: Date;
  facilityIds?: string[] | null;
  lineIds?: string[] | null;
  machineIds?: string[] | null;
}

export interface OeeReportTotals {
  facilityId: string;
  lineId: string | null;
  machineId: string | null;
  totals: OeeTotals;
}

// One request row per unit. A facility counts only the lines the filter lets through (line_ids goes on to
// the totals statement); a line or machine outside the filter is no unit at all.
const UNITS = `
SELECT (row_number() OVER (ORDER BY s.id))::int AS n, p.kind, s.id, p.from_at, p.to_at, p.now_at, p.scope, p.line_ids,
       s.facility_id AS row_facility_id, s.line_id AS row_line_id, s.machine_id AS row_machine_id
FROM jsonb_to_record(?::jsonb) AS p(kind text, from_at timestamptz, to_at timestamptz, now_at timestamptz, scope uuid,
                                    facility_ids uuid[], line_ids uuid[], machine_ids uuid[])
CROSS JOIN LATERAL (
  SELECT CASE p.kind WHEN 'FACILITY' THEN l.facility_id WHEN 'LINE' THEN l.id ELSE m.id END AS id,
         l.facility_id, CASE WHEN p.kind <> 'FACILITY' THEN l.id END AS line_id, m.id AS machine_id
  FROM line l
  LEFT JOIN machine m ON p.kind = 'MACHINE' AND m.line_id = l.id
  WHERE (p.scope IS NULL OR l.supplier_id = p.scope)
    AND (p.facility_ids IS NULL OR l.facility_id = ANY(p.facility_ids))
    AND (p.line_ids IS NULL OR l.id = ANY(p.line_ids))
    AND (p.kind <> 'MACHINE' OR m.id IS NOT NULL)
    AND (p.machine_ids IS NULL OR m.id = ANY(p.machine_ids))
  GROUP BY 1, 2, 3, 4
) s`;

const SQL = oeeTotalsSql(UNITS, ['row_facility_id', 'row_line_id', 'row_machine_id']);

interface ReportRow extends TotalsRow {
  row_facility_id: string;
  row_line_id: string | null;
  row_machine_id: string | null;
}

/** Every unit's totals over [from, to), in one statement, within the EntityManager's partner scope. */
export async function oeeReportTotals(em: EntityManager, query: OeeReportQuery): Promise<OeeReportTotals[]> {
  const params = {
    kind: query.groupBy, from_at: query.from.toISOString(), to_at: query.to.toISOString(), now_at: query.now.toISOString(),
    scope: partnerScopeOf(em), facility_ids: query.facilityIds ?? null, line_ids: query.lineIds ?? null, machine_ids: query.machineIds ?? null,
  };
  const rows = await em.execute<ReportRow[]>(SQL, [JSON.stringify(params)]);
  return rows.map((row) => ({ facilityId: row.row_facility_id, lineId: row.row_line_id, machineId: row.row_machine_id, totals: totalsOf(row) }));
}
