import { AppError } from './errors';
// Calendar dates as ISO strings (YYYY-MM-DD, UTC), the way PostgreSQL `date` columns come back.
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A reporting period: `YYYY` (a year), `YYYY-Qn` (a quarter) or `YYYY-MM` (a month), as [from, to). */
export interface Period {
  /** The period as given, canonical (e.g. `2026-Q3`). */
  label: string;
  /** First day, inclusive (YYYY-MM-DD). */
  from: string;
  /** Day after the last day, exclusive (YYYY-MM-DD). */
  to: string;
}

const PERIOD = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/;

/** Parses a period; anything else is BAD_USER_INPUT naming `field`. */
export function parsePeriod(value: string, field = 'period'): Period {
  const match = PERIOD.exec(value.trim());
  if (!match) throw AppError.badInput(field, `"${value}" is not a period: use YYYY, YYYY-Qn or YYYY-MM`);
  const year = Number(match[1]);
  const pad = (n: number) => String(n).padStart(2, '0');
  const startMonth = match[2] ? (Number(match[2]) - 1) * 3 + 1 : match[3] ? Number(match[3]) : 1;
  const months = match[2] ? 3 : match[3] ? 1 : 12;
  const endIndex = startMonth - 1 + months; // months after January of `year`
  const to = `${year + Math.floor(endIndex / 12)}-${pad((endIndex % 12) + 1)}-01`;
  return { label: match[0], from: `${year}-${pad(startMonth)}-01`, to };
}

/** The months [from, to) covers, as `YYYY-MM` labels, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number) as [number, number];
  for (;;) {
    const label = `${year}-${String(month).padStart(2, '0')}`;
    if (`${label}-01` >= to) break;
    months.push(label);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
