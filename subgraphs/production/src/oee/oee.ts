// OEE, MTBF and MTTR, defined once, as pure functions (the SQL in oee.query.ts computes the same).
//
// For a production unit (a machine, or a line) and a period [from, to):
// - RUN WINDOWS: the actual run windows of the work orders on the line — actualStart until actualEnd,
//   or until now while it has no end — clipped to the period and merged (overlapping orders count once).
// - PLANNED PRODUCTION TIME = run windows minus PLANNED downtime (on the machine; for a line, on any of
//   its machines), as sets of instants: a stop outside the run windows takes nothing away.
// - RUN TIME = planned production time minus UNPLANNED downtime likewise (merged, so overlapping stops on
//   two machines of a line count once, and a stop that is partly planned is not subtracted twice).
// - COUNTS: each work order's good and scrap quantity, attributed pro rata to the share of its run
//   window inside the period; totalCount = good + scrap.
// - availability = run ÷ planned production time; performance = ideal cycle seconds (the machine's, or
//   the line's) × totalCount ÷ run seconds, capped at 1 (null when run time is 0); quality = good ÷
//   totalCount (null when nothing was counted); oee = availability × performance × quality, except that
//   it is 0 when availability or performance is 0 (nothing ran, or nothing was made) and null when a
//   factor is null otherwise. The whole Oee is null when there was no production (planned time 0).
// - A facility sums its lines' totals (planned, run, ideal seconds, counts) before taking the ratios.
// - MTBF = run time ÷ the number of FAILURE stops overlapping the period; MTTR = their total length
//   inside the period ÷ their number; both in minutes, null when there was no failure.
import { intersect, measure, subtract, type Interval } from './intervals';

export interface Span {
  start: Date;
  /** Null while still open: it lasts until `now`. */
  end: Date | null;
}

export interface ProductionUnit {
  idealCycleSeconds: number;
  runs: (Span & { good: number; scrap: number })[];
  plannedDowntime: Span[];
  unplannedDowntime: Span[];
  /** FAILURE stops (also listed in planned or unplanned downtime). */
  failures: Span[];
}

export interface Period {
  from: Date;
  to: Date;
}

export interface OeeTotals {
  plannedSeconds: number;
  runSeconds: number;
  /** Σ ideal cycle seconds × total count. */
  idealSeconds: number;
  goodCount: number;
  totalCount: number;
  failures: number;
  failureSeconds: number;
}

/** The figures of the `Oee` GraphQL type (oee.type.ts), defined there field by field. */
export interface Oee {
  availability: number | null;
  performance: number | null;
  quality: number | null;
  oee: number | null;
  plannedMinutes: number;
  runMinutes: number;
  goodCount: number;
  totalCount: number;
}

const toInterval = (span: Span, now: Date): Interval => ({ start: span.start.getTime(), end: Math.max(span.start.getTime(), (span.end ?? now).getTime()) });

export function unitTotals(unit: ProductionUnit, period: Period, now: Date): OeeTotals {
  const window: Interval[] = [{ start: period.from.getTime(), end: period.to.getTime() }];
  const clip = (spans: Span[]) => intersect(spans.map((s) => toInterval(s, now)), window);
  const runWindows = clip(unit.runs);
  const planned = clip(unit.plannedDowntime);
  const productive = subtract(runWindows, planned);
  const running = subtract(productive, clip(unit.unplannedDowntime));
  let goodCount = 0;
  let totalCount = 0;
  for (const run of unit.runs) {
    const whole = toInterval(run, now);
    const inside = measure(intersect([whole], window));
    const share = whole.end > whole.start ? inside / (whole.end - whole.start) : whole.start >= window[0]!.start && whole.start < window[0]!.end ? 1 : 0;
    goodCount += run.good * share;
    totalCount += (run.good + run.scrap) * share;
  }
  const failures = unit.failures.filter((f) => f.start < period.to && toInterval(f, now).end > period.from.getTime());
  return {
    plannedSeconds: measure(productive) / 1000,
    runSeconds: measure(running) / 1000,
    idealSeconds: unit.idealCycleSeconds * totalCount,
    goodCount,
    totalCount,
    failures: failures.length,
    failureSeconds: failures.reduce((sum, f) => sum + measure(clip([f])), 0) / 1000,
  };
}

export function sumTotals(list: readonly OeeTotals[]): OeeTotals {
  const zero: OeeTotals = { plannedSeconds: 0, runSeconds: 0, idealSeconds: 0, goodCount: 0, totalCount: 0, failures: 0, failureSeconds: 0 };
  return list.reduce((sum, t) => {
    const next = { ...sum };
    for (const key of Object.keys(zero) as (keyof OeeTotals)[]) next[key] = sum[key] + t[key];
    return next;
  }, zero);
}

/** The ratios from the totals (shared by the pure path and the SQL path); null without production. */
export function oeeFromTotals(t: OeeTotals): Oee | null {
  if (!(t.plannedSeconds > 0)) return null;
  const availability = t.runSeconds / t.plannedSeconds;
  const performance = t.runSeconds > 0 ? Math.min(1, t.idealSeconds / t.runSeconds) : null;
  const quality = t.totalCount > 0 ? t.goodCount / t.totalCount : null;
  let oee: number | null = null;
  if (availability === 0 || performance === 0) oee = 0;
  else if (performance !== null && quality !== null) oee = availability * performance * quality;
  return {
    availability, performance, quality, oee,
    plannedMinutes: t.plannedSeconds / 60, runMinutes: t.runSeconds / 60, goodCount: t.goodCount, totalCount: t.totalCount,
  };
}

export function oee(units: readonly ProductionUnit[], period: Period, now: Date): Oee | null {
  return oeeFromTotals(sumTotals(units.map((unit) => unitTotals(unit, period, now))));
}

/** Mean time between failures, minutes: run time ÷ failures; null without failures. */
export function mtbfMinutes(t: Pick<OeeTotals, 'runSeconds' | 'failures'>): number | null {
  return t.failures ? t.runSeconds / 60 / t.failures : null;
}

/** Mean time to repair, minutes: failure downtime inside the period ÷ failures; null without failures. */
export function mttrMinutes(t: Pick<OeeTotals, 'failureSeconds' | 'failures'>): number | null {
  return t.failures ? t.failureSeconds / 60 / t.failures : null;
}
