// Open-PO delivery risk, defined once as pure functions: a PO line's work-order progress, and its risk
// level from the promised date, the open quantity, the latest shipment ETA (all three from orders) and that
// progress. The rules, in order (the level is the worst that applies; every rule that applies gives a reason):
// - LATE: the latest ETA is after the promised date; or there is no ETA, today is after the promised date
//   and quantity is still open.
// - AT_RISK (only while quantity is open: once everything has shipped, production no longer matters):
//   work-order progress (good ÷ planned) is behind the elapsed share of the work orders' planned window
//   (earliest planned start to latest planned end) by more than 20 percentage points; or a work order's
//   planned end (UTC date) is after the promised date.
// - ON_TRACK: otherwise, when there is an ETA or a work order.
// - UNKNOWN: no ETA and no work order.
// Without a promised date no date is compared (the line is not acknowledged yet); that is said in a reason.
// Work orders ABORTED do not count.

export interface PlannedWorkOrder {
  number: string;
  quantityPlanned: number;
  quantityGood: number;
  plannedStart: Date;
  plannedEnd: Date;
}

export interface WorkOrderProgress {
  workOrders: number;
  quantityPlanned: number;
  quantityGood: number;
  /** good ÷ planned; null without work orders. */
  progress: number | null;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  /** The work order that ends last (for reasons). */
  lastNumber: string | null;
}

export type DeliveryRiskLevel = 'ON_TRACK' | 'AT_RISK' | 'LATE' | 'UNKNOWN';

export interface DeliveryRiskFacts {
  /** The date now promised (YYYY-MM-DD); null before acknowledgement. */
  promisedDate: string | null;
  openQuantity: number;
  /** ETA of the latest not-yet-delivered shipment carrying the line (YYYY-MM-DD); null when none. */
  latestEta: string | null;
  progress: WorkOrderProgress;
}

export interface DeliveryRiskFigures {
  level: DeliveryRiskLevel;
  reasons: string[];
}

/** How far work may lag behind the clock before the line is AT_RISK (a share of 1). */
export const PROGRESS_TOLERANCE = 0.2;

export function workOrderProgress(orders: readonly PlannedWorkOrder[]): WorkOrderProgress {
  const quantityPlanned = orders.reduce((sum, o) => sum + o.quantityPlanned, 0);
  const quantityGood = orders.reduce((sum, o) => sum + o.quantityGood, 0);
  const last = [...orders].sort((x, y) => y.plannedEnd.getTime() - x.plannedEnd.getTime() || x.number.localeCompare(y.number))[0];
  const starts = orders.map((o) => o.plannedStart.getTime());
  return {
    workOrders: orders.length,
    quantityPlanned,
    quantityGood,
    progress: orders.length && quantityPlanned > 0 ? quantityGood / quantityPlanned : null,
    plannedStart: starts.length ? new Date(Math.min(...starts)) : null,
    plannedEnd: last?.plannedEnd ?? null,
    lastNumber: last?.number ?? null,
  };
}

/** The share of [start, end] that has passed at `now`, 0 to 1 (a window of no length is all or nothing). */
export function elapsedShare(start: Date, end: Date, now: Date): number {
  const length = end.getTime() - start.getTime();
  if (length <= 0) return now >= end ? 1 : 0;
  return Math.min(1, Math.max(0, (now.getTime() - start.getTime()) / length));
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

export function deliveryRisk(facts: DeliveryRiskFacts, now: Date): DeliveryRiskFigures {
  const { promisedDate: promised, openQuantity, latestEta, progress } = facts;
  const today = dayOf(now);
  const late: string[] = [];
  const atRisk: string[] = [];
  if (promised !== null) {
    if (latestEta !== null && latestEta > promised) late.push(`latest ETA ${latestEta} is after the promised date ${promised}`);
    if (latestEta === null && openQuantity > 0 && today > promised) {
      late.push(`no shipment ETA, the promised date ${promised} has passed and ${openQuantity} is still open`);
    }
  }
  if (openQuantity > 0 && progress.workOrders > 0) {
    const elapsed = elapsedShare(progress.plannedStart!, progress.plannedEnd!, now);
    const done = Math.min(1, progress.progress ?? 0);
    if (elapsed - done > PROGRESS_TOLERANCE) {
      atRisk.push(`work orders are ${percent(done)} done with ${percent(elapsed)} of their planned window elapsed`);
    }
    if (promised !== null && dayOf(progress.plannedEnd!) > promised) {
      atRisk.push(`work order ${progress.lastNumber} is planned to end ${dayOf(progress.plannedEnd!)}, after the promised date ${promised}`);
    }
  }
  const reasons = [...late, ...atRisk];
  if (promised === null) reasons.push('no promised date yet: no date compared');
  if (late.length) return { level: 'LATE', reasons };
  if (atRisk.length) return { level: 'AT_RISK', reasons };
  if (latestEta !== null || progress.workOrders > 0) return { level: 'ON_TRACK', reasons };
  return { level: 'UNKNOWN', reasons: [...reasons, 'no shipment ETA and no work order'] };
}
