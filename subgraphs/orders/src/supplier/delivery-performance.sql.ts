// The definitions of delivery-performance.ts as SQL fragments, shared by every statement that reports
// them (Supplier.deliveryPerformance, the scorecard, deliveryPerformanceReport), so that the same
// figure is computed the same way wherever it appears. The selection reads `purchase_order_line pol`
// alone (lines carry their supplier and facility), and the aggregates read the selected lines as `l`.
import { averageDaysLate, performanceFromTotals, type DeliveryPerformance } from './delivery-performance';

/** The promised date of a line: the original promise (fixed at acknowledgement), else the requested date. */
export const PROMISED_DATE = 'coalesce(pol.original_promised_date, pol.requested_date)';

/**
 * A line counts towards delivery figures: not rejected, and its order sent and not cancelled — an
 * anti-join against the few DRAFT or CANCELLED orders (a partial index), not a join of every line.
 */
export const COUNTS_FOR_DELIVERY = `pol.ack_status <> 'REJECTED'
    AND NOT EXISTS (SELECT 1 FROM purchase_order po WHERE po.id = pol.purchase_order_id AND po.status IN ('DRAFT', 'CANCELLED'))`;

/** What the aggregates and groupings read of a due line. */
export const DUE_LINE_COLUMNS = `pol.id, pol.supplier_id, pol.ship_from_facility_id, pol.quantity, pol.quantity_delivered,
    pol.delivered_in_full_on, ${PROMISED_DATE} AS promised`;

/**
 * Aggregates over the due lines `l` (a LEFT JOIN may give one all-null row: counted as none). The
 * on-time window's bounds are SQL integer expressions (a column of the request, or a literal).
 */
export function performanceAggregates(daysEarly: string, daysLate: string): string {
  const late = 'l.delivered_in_full_on > l.promised';
  return `count(l.id)::int AS lines_due,
  count(l.id) FILTER (
    WHERE l.quantity_delivered >= l.quantity
      AND l.delivered_in_full_on BETWEEN l.promised - ${daysEarly} AND l.promised + ${daysLate}
  )::int AS lines_otif,
  coalesce(sum(l.quantity), 0) AS quantity_ordered,
  coalesce(sum(least(l.quantity_delivered, l.quantity)), 0) AS quantity_delivered,
  count(l.delivered_in_full_on)::int AS lines_delivered,
  count(l.id) FILTER (WHERE ${late})::int AS lines_late,
  coalesce(sum(l.delivered_in_full_on - l.promised) FILTER (WHERE ${late}), 0)::int AS days_late`;
}

/** One row of `performanceAggregates` as PostgreSQL returns it (numeric sums as strings). */
export interface PerformanceAggregateRow {
  lines_due: number;
  lines_otif: number;
  quantity_ordered: string;
  quantity_delivered: string;
  lines_delivered: number;
  lines_late: number;
  days_late: number;
}

export interface DeliveryFigures extends DeliveryPerformance {
  averageDaysLate: number | null;
}

export function figuresOf(row: PerformanceAggregateRow): DeliveryFigures {
  const performance = performanceFromTotals({
    linesDue: row.lines_due,
    linesOnTimeInFull: row.lines_otif,
    quantityOrdered: Number(row.quantity_ordered),
    quantityDelivered: Number(row.quantity_delivered),
  });
  const lateness = { linesDelivered: row.lines_delivered, linesLate: row.lines_late, daysLate: row.days_late };
  return { ...performance, averageDaysLate: averageDaysLate(lateness) };
}
