// The orders figures of a supplier scorecard, defined once as pure functions (the SQL in
// supplier-scorecard.query.ts implements the same predicates, batched).
//
// For a period [from, to) (parsePeriod; to exclusive):
// - otif, fillRate, linesDue, averageDaysLate: the delivery-performance definitions
//   (supplier/delivery-performance.ts) over the lines promised in [from, to − 1 day], with the default
//   on-time window (3 days early, 0 late) — i.e. `Supplier.deliveryPerformance(from, to − 1 day)`.
// - acknowledgementLatencyHours: the mean of (acknowledgedAt − sentAt) in hours over the supplier's
//   orders SENT in [from, to) (UTC) that have been acknowledged (whatever their status since); null when none.
import { addDays, type Period } from '@cmgraph/platform';
import { DEFAULT_DAYS_EARLY, DEFAULT_DAYS_LATE, type PerformanceWindow } from '../supplier/delivery-performance';

/** The delivery-performance window of a period: promised dates [from, to − 1 day], both inclusive. */
export function scorecardWindow(period: Pick<Period, 'from' | 'to'>): PerformanceWindow {
  return { from: period.from, to: addDays(period.to, -1), daysEarly: DEFAULT_DAYS_EARLY, daysLate: DEFAULT_DAYS_LATE };
}

export interface SentOrder {
  sentAt: Date | null;
  acknowledgedAt: Date | null;
}

export function acknowledgementLatencyHours(orders: readonly SentOrder[], period: Pick<Period, 'from' | 'to'>): number | null {
  const from = Date.parse(`${period.from}T00:00:00Z`);
  const to = Date.parse(`${period.to}T00:00:00Z`);
  const answered = orders.filter((o) => o.sentAt && o.acknowledgedAt && from <= o.sentAt.getTime() && o.sentAt.getTime() < to);
  if (!answered.length) return null;
  const hours = answered.reduce((sum, o) => sum + (o.acknowledgedAt!.getTime() - o.sentAt!.getTime()) / 3_600_000, 0);
  return hours / answered.length;
}
