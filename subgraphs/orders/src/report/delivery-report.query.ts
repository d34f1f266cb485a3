// The delivery-performance report's one statement: the due lines of the period (the definitions of
// supplier/delivery-performance.sql.ts), grouped as asked, aggregated in SQL. A line counts for the
// facility recorded on it (PurchaseOrderLine.shipFromFacilityId: its last delivery, else its latest
// booking). Raw SQL: the partner scope is added here (a partner's rows only, whatever its filter names).
import type { EntityManager } from '@mikro-orm/postgresql';
import { partnerScopeOf, type Period } from '@cmgraph/platform';
import {
  COUNTS_FOR_DELIVERY, DUE_LINE_COLUMNS, figuresOf, performanceAggregates, PROMISED_DATE, type DeliveryFigures, type PerformanceAggregateRow,
} from '../supplier/delivery-performance.sql';
import { DEFAULT_DAYS_EARLY, DEFAULT_DAYS_LATE } from '../supplier/delivery-performance';
import { DeliveryGrouping } from './delivery-report.types';

export interface DeliveryGroup extends DeliveryFigures {
  supplierId: string | null;
  /** Null for lines no shipment carries yet, when grouped by facility. */
  facilityId: string | null;
  month: string | null;
}

const BY_SUPPLIER = new Set([DeliveryGrouping.SUPPLIER, DeliveryGrouping.SUPPLIER_MONTH]);
const BY_FACILITY = new Set([DeliveryGrouping.FACILITY, DeliveryGrouping.FACILITY_MONTH]);
const BY_MONTH = new Set([DeliveryGrouping.MONTH, DeliveryGrouping.SUPPLIER_MONTH, DeliveryGrouping.FACILITY_MONTH]);

function statement(groupBy: DeliveryGrouping): string {
  const supplier = BY_SUPPLIER.has(groupBy) ? 'l.supplier_id' : 'NULL::uuid';
  const facility = BY_FACILITY.has(groupBy) ? 'l.ship_from_facility_id' : 'NULL::uuid';
  // grouped on the month's first day (cheap), named YYYY-MM once per group; the migration's extended
  // statistics name this expression verbatim, so that the planner knows how few groups there are
  const month = BY_MONTH.has(groupBy) ? `date_trunc('month', l.promised::timestamp)` : 'NULL::timestamp';
  return `
SELECT g.*, to_char(g.month_start, 'YYYY-MM') AS month
FROM (
  SELECT ${supplier} AS supplier_id, ${facility} AS facility_id, ${month} AS month_start,
    ${performanceAggregates(String(DEFAULT_DAYS_EARLY), String(DEFAULT_DAYS_LATE))}
  FROM (
    SELECT ${DUE_LINE_COLUMNS}
    FROM purchase_order_line pol
    WHERE ${COUNTS_FOR_DELIVERY}
      AND ${PROMISED_DATE} >= ?::date AND ${PROMISED_DATE} < ?::date
      AND (?::uuid[] IS NULL OR pol.supplier_id = ANY(?::uuid[]))
      AND (?::uuid IS NULL OR pol.supplier_id = ?::uuid)
  ) l
  GROUP BY 1, 2, 3
) g`;
}

interface GroupRow extends PerformanceAggregateRow {
  supplier_id: string | null;
  facility_id: string | null;
  month: string | null;
}

/** Every group with at least one due line in [period.from, period.to), within the caller's scope. */
export async function deliveryGroups(
  em: EntityManager,
  period: Pick<Period, 'from' | 'to'>,
  groupBy: DeliveryGrouping,
  supplierIds: string[] | null,
): Promise<DeliveryGroup[]> {
  // ids were checked as UUIDs: safe in an array literal
  const suppliers = supplierIds?.length ? `{${supplierIds.join(',')}}` : null;
  const scope = partnerScopeOf(em);
  const rows = await em.execute<GroupRow[]>(statement(groupBy), [period.from, period.to, suppliers, suppliers, scope, scope]);
  return rows.map((row) => ({ ...figuresOf(row), supplierId: row.supplier_id, facilityId: row.facility_id, month: row.month }));
}

/** The row key: unique per grouping, and ordered by supplier or facility id (then month). */
export function groupKey(group: DeliveryGroup, groupBy: DeliveryGrouping): string {
  const parts: string[] = [];
  if (BY_SUPPLIER.has(groupBy)) parts.push(group.supplierId!);
  if (BY_FACILITY.has(groupBy)) parts.push(group.facilityId ?? 'none');
  if (BY_MONTH.has(groupBy)) parts.push(group.month!);
  return parts.join('|');
}

export const groupedBySupplier = (groupBy: DeliveryGrouping) => BY_SUPPLIER.has(groupBy);
export const groupedByFacility = (groupBy: DeliveryGrouping) => BY_FACILITY.has(groupBy);
