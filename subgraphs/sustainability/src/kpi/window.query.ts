// The shared shape of every KPI statement: many (supplier or facility, [from, to)) keys go in as one
// jsonb parameter, records overlapping a key's window are weighted by the share of their days inside
// it, and one statement answers every key of a request. The SQL mirrors `overlapShare` in period.ts.
// Filters do not reach this SQL: a partner's scope travels in every key (`partner_id`) and every branch
// keeps only that supplier's rows, so no key — a facility, a supplier or everyone — sees another's.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { partnerScopeOf } from '@cmgraph/platform';

/** Whose records: a facility, a supplier (all its facilities), or everyone when both are null. */
export interface WindowKey {
  supplierId: string | null;
  facilityId: string | null;
  /** First day, inclusive. */
  from: string;
  /** Day after the last, exclusive. */
  to: string;
}

/**
 * The keys as a relation `r(n, supplier_id, facility_id, from_date, to_date, partner_id)`, bound to the one
 * parameter; `partner_id` is the supplier a partner caller is confined to (null: every supplier).
 */
export const WINDOW_KEYS = `r AS (
  SELECT * FROM jsonb_to_recordset(?::jsonb) AS k(n int, supplier_id uuid, facility_id uuid, from_date date, to_date date, partner_id uuid)
)`;

/**
 * `SELECT columns, share` over the rows of `from` (aliased `alias`) that overlap the key's window and
 * belong to its owner. For use inside `JOIN LATERAL`: one branch per kind of owner, each gated on the
 * key alone, so PostgreSQL scans the (facility_id | supplier_id, period_start) index instead of the table.
 */
export function windowRows(from: string, alias: string, columns: string, where = 'true'): string {
  const select = `SELECT ${columns}, ${shareOf(alias)} AS share FROM ${from}`;
  const period = `${alias}.period_start < r.to_date AND ${alias}.period_end > r.from_date AND ${where}` +
    ` AND (r.partner_id IS NULL OR ${alias}.supplier_id = r.partner_id)`;
  return [
    `${select} WHERE r.facility_id IS NOT NULL AND ${alias}.facility_id = r.facility_id AND ${period}`,
    `${select} WHERE r.facility_id IS NULL AND r.supplier_id IS NOT NULL AND ${alias}.supplier_id = r.supplier_id AND ${period}`,
    `${select} WHERE r.facility_id IS NULL AND r.supplier_id IS NULL AND ${period}`,
  ].join('\n  UNION ALL\n  ');
}

/** Days of the row's period inside the window ÷ days of the row's period. */
export function shareOf(alias: string): string {
  return `((least(${alias}.period_end, r.to_date) - greatest(${alias}.period_start, r.from_date))::float8
    / (${alias}.period_end - ${alias}.period_start))`;
}

/**
 * A loader that runs `sql` once per batch of keys and builds each key's result from its rows (`n` = key index).
 * `partnerId` confines every key to one supplier's rows: by default the scope `em` was opened with (a
 * partner caller's supplier; null for everyone else).
 */
export function windowLoader<Row extends { n: number }, Result>(
  em: EntityManager,
  sql: string,
  build: (rows: Row[]) => Result,
  partnerId: string | null = partnerScopeOf(em),
): DataLoader<WindowKey, Result, string> {
  return new DataLoader<WindowKey, Result, string>(
    async (keys) => {
      const request = keys.map((key, n) => ({
        n,
        // a partner's "everyone" is itself: asked as its supplier, the statement uses the supplier index
        supplier_id: partnerId !== null && !key.supplierId && !key.facilityId ? partnerId : key.supplierId,
        facility_id: key.facilityId, from_date: key.from, to_date: key.to, partner_id: partnerId,
      }));
      const rows = await em.execute<Row[]>(sql, [JSON.stringify(request)]);
      const byKey = new Map<number, Row[]>();
      for (const row of rows) byKey.set(Number(row.n), [...(byKey.get(Number(row.n)) ?? []), row]);
      return keys.map((_, n) => build(byKey.get(n) ?? []));
    },
    { maxBatchSize: 1000, cacheKeyFn: (key) => `${key.supplierId}|${key.facilityId}|${key.from}|${key.to}` },
  );
}
