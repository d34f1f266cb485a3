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
// The SQL in delivery-performance.query.ts implements the same predicates, batched over suppliers.
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { addDays } from '@cmgraph/platform';
import { roundQuantity } from '../quantity';

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

export function deliveryPerformance(lines: readonly PerformanceLine[], window: PerformanceWindow): DeliveryPerformance {
  return performanceFromTotals(performanceTotals(lines, window));
}
