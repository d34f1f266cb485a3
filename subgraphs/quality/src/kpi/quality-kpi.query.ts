// PPM and first-pass yield in SQL, batched: one statement computes the totals for every (supplier or
// product, period) asked for in one request — e.g. all suppliers of one `_entities` call. The
// predicates mirror quality-kpi.ts, where the definitions live. For a partner the statement counts only
// its own supplier's inspections (filters do not reach raw SQL): a product's KPIs are then the partner's
// own figures for that product, never the brand's across CMs.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { partnerScopeOf } from '@cmgraph/platform';
import { qualityFromTotals, type KpiPeriod, type QualityPerformance } from './quality-kpi';

export interface QualityKey extends KpiPeriod {
  /** Whose inspections: the supplier that made the lots, or the product inspected. */
  scope: 'SUPPLIER' | 'PRODUCT';
  id: string;
}

interface TotalsRow {
  n: number;
  first_inspections: number;
  first_passed: number;
  quantity_received: number;
  quantity_rejected: number;
}

const SQL = `
SELECT r.n,
       count(i.id)::int AS first_inspections,
       count(i.id) FILTER (WHERE i.result = 'PASS')::int AS first_passed,
       coalesce(sum(i.lot_size) FILTER (WHERE i.trigger = 'INCOMING'), 0)::float8 AS quantity_received,
       coalesce(sum(i.quantity_rejected) FILTER (WHERE i.trigger = 'INCOMING'), 0)::float8 AS quantity_rejected
FROM jsonb_to_recordset(?::jsonb) AS r(n int, scope text, owner_id uuid, from_day date, to_day date)
LEFT JOIN LATERAL (
  SELECT x.id, x.result, x.trigger, x.lot_size, x.quantity_rejected
  FROM inspection x
  WHERE ((r.scope = 'SUPPLIER' AND x.supplier_id = r.owner_id) OR (r.scope = 'PRODUCT' AND x.product_id = r.owner_id))
    AND (?::uuid IS NULL OR x.supplier_id = ?::uuid)
    AND x.first_pass
    AND x.inspected_at >= r.from_day::timestamp AT TIME ZONE 'UTC'
    AND x.inspected_at < (r.to_day + 1)::timestamp AT TIME ZONE 'UTC'
) i ON true
GROUP BY r.n
ORDER BY r.n`;

export function qualityPerformanceLoader(em: EntityManager): DataLoader<QualityKey, QualityPerformance, string> {
  return new DataLoader<QualityKey, QualityPerformance, string>(
    async (keys) => {
      const request = keys.map((key, n) => ({ n, scope: key.scope, owner_id: key.id, from_day: key.from, to_day: key.to }));
      const partner = partnerScopeOf(em);
      const rows = await em.execute<TotalsRow[]>(SQL, [JSON.stringify(request), partner, partner]);
      const byIndex = new Map(rows.map((row) => [Number(row.n), row]));
      return keys.map((_, n) => {
        const row = byIndex.get(n)!;
        return qualityFromTotals({
          firstInspections: row.first_inspections,
          firstInspectionsPassed: row.first_passed,
          quantityReceived: Number(row.quantity_received),
          quantityRejected: Number(row.quantity_rejected),
        });
      });
    },
    { maxBatchSize: 1000, cacheKeyFn: (key) => `${key.scope}|${key.id}|${key.from}|${key.to}` },
  );
}
