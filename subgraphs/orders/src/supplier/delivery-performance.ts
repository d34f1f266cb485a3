// Delivery performance KPIs — OTIF and fill rate — defined once, as pure functions over PO lines.
//
// For a supplier and a period [from, to] (calendar days, inclusive):
// - A line is DUE when its promised date — the ORIGINAL promised date (fixed at acknowledgement),
//   or the requested date if the supplier never promised one — falls in [from, to], the line is not
//   REJECTED, and its order was sent (not DRAFT: the supplier never saw it) and not CANCELLED.
// - A due line is ON TIME IN FULL when its delivered quantity ≥ its ordered quantity AND the day of
//   the delivery that completed it lies in [promised − daysEarly, promised + daysLate].
//   Early counts as a miss beyond the window too: goods that arrive weeks early cost space and cash.
// - onTimeInFullRate = OTIF lines ÷ due lines; null when no line is due.
// - fillRate = Σ min(delivered, ordered) ÷ Σ ordered over the due lines; null when nothing is due.
//   Over-deliveries are capped per line so that one line's surplus cannot hide another's shortfall.
// - averageDaysLate = mean of (deliveredInFullOn − promised) in days over the due lines delivered (in
//   full) after their promised date; 0 when due lines were delivered but none late; null when no due
//   line has been delivered in full. A line still short has no delivery date and so no lateness yet.
// The SQL in delivery-performance.query.ts implements the same predicates, batched over suppliers.
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { addDays } from '@cmgraph/platform';
import { roundQuantity } from '../quantity';
import { daysBetween } from '../shipment/shipment.lateness';

/** The default on-time window: 3 days early, 0 late (Supplier.onTimeInFullRate, the scorecard, the report). */
export const DEFAULT_DAYS_EARLY = 3;
export const DEFAULT_DAYS_LATE = 0;

export interface PerformanceWindow {
  from: string;
  to: string;
  daysEarly: number;
  daysLate: number;
}

export interface PerformanceLine {
  quantity: number;
  quantityDelivered: number;
  requestedDate: string;
  originalPromisedDate: string | null;
  deliveredInFullOn: string | null;
  rejected: boolean;
  /** The order was cancelled or never sent. */
  orderInactive: boolean;
}

export interface PerformanceTotals {
  linesDue: number;
  linesOnTimeInFull: number;
  quantityOrdered: number;
  quantityDelivered: number;
}

@ObjectType({ description: 'On-time-in-full and fill rate of a supplier over a period of promised dates.' })
export class DeliveryPerformance implements PerformanceTotals {
  @Field(() => Int, { description: 'Lines whose original promised date (else requested date) falls in the period; not rejected, order sent and not cancelled.' })
  linesDue!: number;

  @Field(() => Int, { description: 'Due lines delivered in full by a delivery dated within [promised − daysEarly, promised + daysLate].' })
  linesOnTimeInFull!: number;

  @Field(() => Float, { nullable: true, description: 'linesOnTimeInFull ÷ linesDue; null when no line is due.' })
  onTimeInFullRate!: number | null;

  @Field(() => Float, { description: 'Σ ordered quantity over the due lines.' })
  quantityOrdered!: number;

  @Field(() => Float, { description: 'Σ min(delivered, ordered) over the due lines (over-deliveries capped per line).' })
  quantityDelivered!: number;

  @Field(() => Float, { nullable: true, description: 'quantityDelivered ÷ quantityOrdered; null when nothing is due.' })
  fillRate!: number | null;
}

export function promisedDate(line: Pick<PerformanceLine, 'originalPromisedDate' | 'requestedDate'>): string {
  return line.originalPromisedDate ?? line.requestedDate;
}

export function isDue(line: PerformanceLine, window: PerformanceWindow): boolean {
  const promised = promisedDate(line);
  return !line.rejected && !line.orderInactive && window.from <= promised && promised <= window.to;
}

export function isOnTimeInFull(line: PerformanceLine, window: PerformanceWindow): boolean {
  if (roundQuantity(line.quantityDelivered) < roundQuantity(line.quantity) || !line.deliveredInFullOn) return false;
  const promised = promisedDate(line);
  return addDays(promised, -window.daysEarly) <= line.deliveredInFullOn && line.deliveredInFullOn <= addDays(promised, window.daysLate);
}

export function performanceTotals(lines: readonly PerformanceLine[], window: PerformanceWindow): PerformanceTotals {
  const due = lines.filter((line) => isDue(line, window));
  return {
    linesDue: due.length,
    linesOnTimeInFull: due.filter((line) => isOnTimeInFull(line, window)).length,
    quantityOrdered: roundQuantity(due.reduce((sum, line) => sum + line.quantity, 0)),
    quantityDelivered: roundQuantity(due.reduce((sum, line) => sum + Math.min(line.quantityDelivered, line.quantity), 0)),
  };
}

/** The rates from the totals (shared by the pure path and the SQL path). */
export function performanceFromTotals(totals: PerformanceTotals): DeliveryPerformance {
  return {
    ...totals,
    onTimeInFullRate: totals.linesDue ? totals.linesOnTimeInFull / totals.linesDue : null,
    fillRate: totals.linesDue && totals.quantityOrdered ? totals.quantityDelivered / totals.quantityOrdered : null,
  };
}

/** The lateness totals behind averageDaysLate (the SQL returns the same three numbers). */
export interface LatenessTotals {
  /** Due lines delivered in full (with a delivery date). */
  linesDelivered: number;
  /** Of those, lines delivered after their promised date. */
  linesLate: number;
  /** Σ (deliveredInFullOn − promised) in days over the late lines. */
  daysLate: number;
}

export function latenessTotals(lines: readonly PerformanceLine[], window: PerformanceWindow): LatenessTotals {
  const delivered = lines.filter((line) => isDue(line, window) && line.deliveredInFullOn);
  const late = delivered.map((line) => daysBetween(promisedDate(line), line.deliveredInFullOn!)).filter((days) => days > 0);
  return { linesDelivered: delivered.length, linesLate: late.length, daysLate: late.reduce((sum, days) => sum + days, 0) };
}

/** Mean days late over the late lines; 0 when none was late; null when no due line was delivered. */
export function averageDaysLate(totals: LatenessTotals): number | null {
  if (!totals.linesDelivered) return null;
  return totals.linesLate ? totals.daysLate / totals.linesLate : 0;
}

export function deliveryPerformance(lines: readonly PerformanceLine[], window: PerformanceWindow): DeliveryPerformance {
  return performanceFromTotals(performanceTotals(lines, window));
}
