// Quality's part of the supplier scorecard in SQL, batched: one statement answers every (supplier,
// period) of a request — a page of scorecards — with one set-wise aggregate per period asked for
// (`supplier_id = ANY(…)`, GROUP BY supplier), joined by UNION ALL. Set-wise rather than per supplier:
// a year of a hundred suppliers then reads each heap page once. Periods are [from, to) (parsePeriod).
// PPM and first-pass yield use the predicates of quality-kpi.ts (first inspections; PPM over first
// INCOMING ones), so a scorecard equals Supplier.ppm / firstPassYield over the same days.
// Raw SQL: for a partner it counts only the partner's own rows (the kit already refuses it other keys).
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { partnerScopeOf, type Period } from '@cmgraph/platform';
import { qualityFromTotals, type QualityPerformance } from '../kpi/quality-kpi';

export interface ScorecardKey {
  /** A valid id (the resolver checks): it is spliced into a uuid[] literal. */
  supplierId: string;
  period: Period;
}

export interface ScorecardQuality extends QualityPerformance {
  /** Every inspection of the supplier's lots in [from, to): any trigger, first or repeated. */
  inspections: number;
  /** Corrective actions of the supplier opened before `to` and not closed by then. */
  openCorrectiveActions: number;
}

interface ScorecardRow {
  period: string;
  supplier_id: string;
  inspections: number;
  first_inspections: number;
  first_passed: number;
  quantity_received: number;
  quantity_rejected: number;
  open_corrective_actions: number;
}

/** The aggregates of one period over its suppliers: inspections in [from, to), corrective actions open at `to`. */
const PERIOD_SQL = `
SELECT ?::text AS period, x.supplier_id,
       count(*)::int AS inspections,
       count(*) FILTER (WHERE x.first_pass)::int AS first_inspections,
       count(*) FILTER (WHERE x.first_pass AND x.result = 'PASS')::int AS first_passed,
       coalesce(sum(x.lot_size) FILTER (WHERE x.first_pass AND x.trigger = 'INCOMING'), 0)::float8 AS quantity_received,
       coalesce(sum(x.quantity_rejected) FILTER (WHERE x.first_pass AND x.trigger = 'INCOMING'), 0)::float8 AS quantity_rejected,
       0 AS open_corrective_actions
FROM inspection x
WHERE x.supplier_id = ANY(?::uuid[]) AND (?::uuid IS NULL OR x.supplier_id = ?::uuid)
  AND x.inspected_at >= ?::timestamptz AND x.inspected_at < ?::timestamptz
GROUP BY x.supplier_id
UNION ALL
SELECT ?::text, a.supplier_id, 0, 0, 0, 0, 0, count(*)::int
FROM corrective_action a
WHERE a.supplier_id = ANY(?::uuid[]) AND (?::uuid IS NULL OR a.supplier_id = ?::uuid)
  AND a.created_at < ?::timestamptz
  AND (a.closed_at >= ?::timestamptz OR (a.closed_at IS NULL AND a.status <> 'CLOSED'))
GROUP BY a.supplier_id`;

function periodParams(period: Period, supplierIds: string[], partner: string | null): unknown[] {
  const ids = `{${supplierIds.join(',')}}`;
  const from = `${period.from}T00:00:00Z`;
  const to = `${period.to}T00:00:00Z`;
  return [period.label, ids, partner, partner, from, to, period.label, ids, partner, partner, to, to];
}

export function scorecardQualityLoader(em: EntityManager): DataLoader<ScorecardKey, ScorecardQuality, string> {
  // PostgreSQL returns ids in lower case; a representation may spell them otherwise
  const keyOf = (period: string, supplierId: string) => `${supplierId.toLowerCase()}|${period}`;
  return new DataLoader<ScorecardKey, ScorecardQuality, string>(
    async (keys) => {
      const periods = new Map<string, { period: Period; supplierIds: string[] }>();
      for (const key of keys) {
        const group = periods.get(key.period.label) ?? { period: key.period, supplierIds: [] };
        group.supplierIds.push(key.supplierId);
        periods.set(key.period.label, group);
      }
      const partner = partnerScopeOf(em);
      const groups = [...periods.values()];
      const sql = `
SELECT period, supplier_id, sum(inspections)::int AS inspections, sum(first_inspections)::int AS first_inspections,
       sum(first_passed)::int AS first_passed, sum(quantity_received)::float8 AS quantity_received,
       sum(quantity_rejected)::float8 AS quantity_rejected, sum(open_corrective_actions)::int AS open_corrective_actions
FROM (${groups.map(() => PERIOD_SQL).join('\nUNION ALL')}) counted
GROUP BY period, supplier_id`;
      const rows = await em.execute<ScorecardRow[]>(sql, groups.flatMap((g) => periodParams(g.period, g.supplierIds, partner)));
      const totals = new Map(rows.map((row) => [keyOf(row.period, row.supplier_id), row]));
      return keys.map((key) => {
        const row = totals.get(keyOf(key.period.label, key.supplierId));
        return {
          ...qualityFromTotals({
            firstInspections: row?.first_inspections ?? 0,
            firstInspectionsPassed: row?.first_passed ?? 0,
            quantityReceived: row?.quantity_received ?? 0,
            quantityRejected: row?.quantity_rejected ?? 0,
          }),
          inspections: row?.inspections ?? 0,
          openCorrectiveActions: row?.open_corrective_actions ?? 0,
        };
      });
    },
    { maxBatchSize: 1000, cacheKeyFn: (key) => keyOf(key.period.label, key.supplierId) },
  );
}
