// Delivery performance in SQL, batched: one statement computes the figures for every (supplier,
// period) asked for in one request — e.g. all suppliers of one `_entities` call — whatever their number.
// The predicates mirror delivery-performance.ts, where the definitions live. Raw SQL, so the partner
// filter does not reach it: for a partner's request it counts only the partner's own orders.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { partnerScopeOf } from '@cmgraph/platform';
import { performanceFromTotals, type DeliveryPerformance, type PerformanceWindow } from './delivery-performance';

export interface PerformanceKey extends PerformanceWindow {
  supplierId: string;
}

interface TotalsRow {
  n: number;
  lines_due: number;
  lines_otif: number;
  quantity_ordered: string;
  quantity_delivered: string;
}

const SQL = `
SELECT r.n,
       count(l.id)::int AS lines_due,
       count(l.id) FILTER (
         WHERE l.quantity_delivered >= l.quantity
           AND l.delivered_in_full_on BETWEEN l.promised - r.days_early AND l.promised + r.days_late
       )::int AS lines_otif,
       coalesce(sum(l.quantity), 0) AS quantity_ordered,
       coalesce(sum(least(l.quantity_delivered, l.quantity)), 0) AS quantity_delivered
FROM jsonb_to_recordset(?::jsonb)
     AS r(n int, supplier_id uuid, from_date date, to_date date, days_early int, days_late int)
LEFT JOIN LATERAL (
  SELECT pol.id, pol.quantity, pol.quantity_delivered, pol.delivered_in_full_on,
         coalesce(pol.original_promised_date, pol.requested_date) AS promised
  FROM purchase_order po
  JOIN purchase_order_line pol ON pol.purchase_order_id = po.id
  WHERE po.supplier_id = r.supplier_id
    AND (?::uuid IS NULL OR po.supplier_id = ?::uuid)
    AND po.status NOT IN ('DRAFT', 'CANCELLED')
    AND pol.ack_status <> 'REJECTED'
    AND coalesce(pol.original_promised_date, pol.requested_date) BETWEEN r.from_date AND r.to_date
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
      const rows = await em.execute<TotalsRow[]>(SQL, [JSON.stringify(request), partner, partner]);
      const byIndex = new Map(rows.map((row) => [Number(row.n), row]));
      return keys.map((_, n) => {
        const row = byIndex.get(n)!;
        return performanceFromTotals({
          linesDue: row.lines_due,
          linesOnTimeInFull: row.lines_otif,
          quantityOrdered: Number(row.quantity_ordered),
          quantityDelivered: Number(row.quantity_delivered),
        });
      });
    },
    {
      maxBatchSize: 1000,
      cacheKeyFn: (key) => `${key.supplierId}|${key.from}|${key.to}|${key.daysEarly}|${key.daysLate}`,
    },
  );
}
