// Reporting periods are half-open day ranges [start, end): January is 2026-01-01 → 2026-02-01, so
// consecutive periods neither overlap nor leave a gap. A record is attributed to a window pro rata
// to the days they share.
import { AppError } from '@cmgraph/platform';

export interface Period {
  /** First day, inclusive (YYYY-MM-DD). */
  start: string;
  /** Day after the last, exclusive (YYYY-MM-DD). */
  end: string;
}

const DAY_MS = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Refuses an empty or reversed period, naming the end field. */
export function requirePeriod(start: string, end: string, endField = 'periodEnd'): Period {
  if (end <= start) throw AppError.badInput(endField, 'must be after the start (periods are [start, end), end exclusive)');
  return { start, end };
}

/** The share of `record` that falls in `window`: overlapping days ÷ the record's days (0 when apart). */
export function overlapShare(record: Period, window: Period): number {
  const start = record.start > window.start ? record.start : window.start;
  const end = record.end < window.end ? record.end : window.end;
  if (end <= start) return 0;
  return daysBetween(start, end) / daysBetween(record.start, record.end);
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}
