// Delivery performance in SQL, batched: one statement computes the figures for every (supplier,
// period) asked for in one request — e.g. all suppliers of one `_entities` call — whatever their number.
// The predicates are delivery-performance.sql.ts's, which mirror the definitions in delivery-performance.ts.
// Raw SQL, so the partner filter does not reach it: for a partner's request it counts only its own orders.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { partnerScopeOf } from '@cmgraph/platform';
import type { DeliveryPerformance, PerformanceWindow } from './delivery-performance';
import { COUNTS_FOR_DELIVERY, DUE_LINE_COLUMNS, figuresOf, performanceAggregates, PROMISED_DATE, type PerformanceAggregateRow } from './delivery-performance.sql';

export interface PerformanceKey extends PerformanceWindow {
  supplierId: string;
}

const SQL = `
SELECT r.n, ${performanceAggregates('r.days_early', 'r.days_late')}
FROM jsonb_to_recordset(?::jsonb)
     AS r(n int, supplier_id uuid, from_date date, to_date date, days_early int, days_late int)
LEFT JOIN LATERAL (
  SELECT ${DUE_LINE_COLUMNS}
  FROM purchase_order_line pol
  WHERE pol.supplier_id = r.supplier_id
    AND (?::uuid IS NULL OR pol.supplier_id = ?::uuid)
    AND ${COUNTS_FOR_DELIVERY}
    AND ${PROMISED_DATE} BETWEEN r.from_date AND r.to_date
) l ON true
GROUP BY r.n
ORDER BY r.n`;

export function deliveryPerformanceLoader(em: EntityManager): DataLoader<PerformanceKey, DeliveryPerformance, string> {
  return new DataLoader<PerformanceKey, DeliveryPerformance, string>(
    async (keys) => {
      const request = keys.map((key, n) => ({
        n, supplier_id: key.supplierId, from_date: key.from, to_date: key.to, days_early: key.daysEarly, days_late: key.daysLate,
      }));
      const partner = partnerScopeOf(em);
      const rows = await em.execute<(PerformanceAggregateRow & { n: number })[]>(SQL, [JSON.stringify(request), partner, partner]);
      const byIndex = new Map(rows.map((row) => [Number(row.n), row]));
      return keys.map((_, n) => {
        const { averageDaysLate: _late, ...performance } = figuresOf(byIndex.get(n)!);
        return performance;
      });
    },
    {
      maxBatchSize: 1000,
      cacheKeyFn: (key) => `${key.supplierId}|${key.from}|${key.to}|${key.daysEarly}|${key.daysLate}`,
    },
  );
}
