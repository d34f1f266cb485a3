// `PurchaseOrderLine.latestEta` for many lines at once: one grouped statement per batch (the lines of a
// page, or of an `_entities` call that a delivery-risk field in another subgraph @requires).
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { partnerScopeOf } from '@cmgraph/platform';

// The latest ETA among the shipments carrying the line that have not been delivered (BOOKED, IN_TRANSIT,
// EXCEPTION): the day the last goods on their way for it are expected.
const SQL = `
SELECT sl.purchase_order_line_id AS line_id, to_char(max(s.eta), 'YYYY-MM-DD') AS eta
FROM shipment_line sl
JOIN shipment s ON s.id = sl.shipment_id
WHERE sl.purchase_order_line_id = ANY(?::uuid[])
  AND s.status <> 'DELIVERED'
  AND (?::uuid IS NULL OR s.supplier_id = ?::uuid)
GROUP BY sl.purchase_order_line_id`;

export function latestEtaLoader(em: EntityManager): DataLoader<string, string | null> {
  return new DataLoader<string, string | null>(
    async (lineIds) => {
      const scope = partnerScopeOf(em);
      // line ids come from loaded rows (UUIDs): safe in an array literal
      const rows = await em.execute<{ line_id: string; eta: string }[]>(SQL, [`{${lineIds.join(',')}}`, scope, scope]);
      const byLine = new Map(rows.map((row) => [row.line_id, row.eta]));
      return lineIds.map((id) => byLine.get(id) ?? null);
    },
    { maxBatchSize: 1000 },
  );
}
