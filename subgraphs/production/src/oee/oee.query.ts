// OEE, MTBF and MTTR totals in SQL, batched: one statement answers every (machine | line | facility,
// period) a request asks about, with PostgreSQL multiranges doing the interval algebra of oee.ts
// (range_agg merges, `*` intersects, `-` subtracts). Ratios are taken by oeeFromTotals, as in the pure path.
// For a partner, only its own lines (and their machines) are units: another CM's line, machine or facility
// has no production (null), and a facility counts the partner's lines only. Everything else hangs off a
// unit's line, so scoping the units scopes the work orders and downtime too.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { partnerScopeOf } from '@cmgraph/platform';
import type { OeeTotals } from './oee';

export type OeeSubject = 'MACHINE' | 'LINE' | 'FACILITY';

export interface OeeKey {
  kind: OeeSubject;
  id: string;
  from: Date;
  to: Date;
}

const SECONDS = (mr: string) => `(SELECT coalesce(sum(extract(epoch FROM upper(x) - lower(x))), 0) FROM unnest(${mr}) x)`;
const EMPTY = `'{}'::tstzmultirange`;

/**
 * The totals statement over `requests`: SQL selecting one row per (unit, period) asked about, with the
 * columns n (int, unique), kind, id, from_at, to_at, now_at, scope (uuid, the partner's supplier or null),
 * line_ids (uuid[]: when not null, only these lines count) and the `carry` columns (named `row_…`, so that they
 * clash with none of the statement's own), returned as they are. A request that is no unit (an unknown id, or
 * one outside the partner's scope) has no row in the result. The totals are grouped straight by `n`, never
 * joined back to the requests: the planner cannot know how many requests a JSON parameter holds, and a
 * nested loop over them would recompute or rescan the totals once per request.
 */
export function oeeTotalsSql(requests: string, carry: readonly string[] = []): string {
  const carriedFrom = (alias: string) => carry.map((c) => `, ${alias}.${c}`).join('');
  return `
WITH req AS (
  ${requests}
), unit AS (
  SELECT req.*, l.id AS line_id, NULL::uuid AS machine_id, l.ideal_cycle_seconds AS ideal
  FROM req JOIN line l ON ((req.kind = 'LINE' AND l.id = req.id) OR (req.kind = 'FACILITY' AND l.facility_id = req.id))
    AND (req.scope IS NULL OR l.supplier_id = req.scope) AND (req.line_ids IS NULL OR l.id = ANY(req.line_ids))
  UNION ALL
  SELECT req.*, m.line_id, m.id, m.ideal_cycle_seconds
  FROM req JOIN machine m ON req.kind = 'MACHINE' AND m.id = req.id
  JOIN line ml ON ml.id = m.line_id AND (req.scope IS NULL OR ml.supplier_id = req.scope)
), totals AS (
  SELECT u.n${carriedFrom('u')}, u.ideal, coalesce(runs.windows, ${EMPTY}) AS windows, coalesce(runs.good, 0) AS good, coalesce(runs.total, 0) AS total,
         coalesce(stops.planned, ${EMPTY}) AS planned, coalesce(stops.unplanned, ${EMPTY}) AS unplanned,
         stops.failures, coalesce(stops.failure_seconds, 0) AS failure_seconds
  FROM unit u
  CROSS JOIN LATERAL (
    SELECT range_agg(w.run * tstzrange(u.from_at, u.to_at)) AS windows,
           sum(w.good * w.share) AS good, sum((w.good + w.scrap) * w.share) AS total
    FROM (
      SELECT wo.quantity_good AS good, wo.quantity_scrap AS scrap, span.run,
             CASE WHEN upper(span.run) > lower(span.run)
                  THEN extract(epoch FROM upper(span.run * tstzrange(u.from_at, u.to_at)) - lower(span.run * tstzrange(u.from_at, u.to_at)))
                       / extract(epoch FROM upper(span.run) - lower(span.run))
                  ELSE 1 END AS share
      FROM work_order wo
      CROSS JOIN LATERAL (SELECT tstzrange(wo.actual_start, greatest(wo.actual_start, coalesce(wo.actual_end, u.now_at))) AS run) span
      WHERE wo.line_id = u.line_id AND wo.actual_start < u.to_at
        AND (upper(span.run) > u.from_at OR wo.actual_start >= u.from_at)
    ) w
  ) runs
  CROSS JOIN LATERAL (
    SELECT range_agg(d.span) FILTER (WHERE d.planned) AS planned,
           range_agg(d.span) FILTER (WHERE NOT d.planned) AS unplanned,
           count(*) FILTER (WHERE d.failure)::int AS failures,
           sum(extract(epoch FROM upper(d.span) - lower(d.span))) FILTER (WHERE d.failure) AS failure_seconds
    FROM (
      SELECT tstzrange(e.started_at, greatest(e.started_at, coalesce(e.ended_at, u.now_at))) * tstzrange(u.from_at, u.to_at) AS span,
             e.planned, r.category = 'FAILURE' AS failure
      FROM downtime_event e
      JOIN machine m ON m.id = e.machine_id
      JOIN downtime_reason r ON r.id = e.reason_id
      WHERE (m.id = u.machine_id OR (u.machine_id IS NULL AND m.line_id = u.line_id))
        AND e.started_at < u.to_at AND coalesce(e.ended_at, u.now_at) > u.from_at
    ) d
  ) stops
)
SELECT t.n${carriedFrom('t')},
       coalesce(sum(${SECONDS('t.windows - t.planned')}), 0) AS planned_seconds,
       coalesce(sum(${SECONDS('t.windows - t.planned - t.unplanned')}), 0) AS run_seconds,
       coalesce(sum(t.ideal * t.total), 0) AS ideal_seconds,
       coalesce(sum(t.good), 0) AS good, coalesce(sum(t.total), 0) AS total,
       coalesce(sum(t.failures), 0)::int AS failures, coalesce(sum(t.failure_seconds), 0) AS failure_seconds
FROM totals t
GROUP BY t.n${carriedFrom('t')}
ORDER BY t.n`;
}

const SQL = oeeTotalsSql(
  `SELECT * FROM jsonb_to_recordset(?::jsonb) AS r(n int, kind text, id uuid, from_at timestamptz, to_at timestamptz, now_at timestamptz, scope uuid, line_ids uuid[])`,
);

export interface TotalsRow {
  n: number;
  planned_seconds: string;
  run_seconds: string;
  ideal_seconds: string;
  good: string;
  total: string;
  failures: number;
  failure_seconds: string;
}

const NO_PRODUCTION: OeeTotals = { plannedSeconds: 0, runSeconds: 0, idealSeconds: 0, goodCount: 0, totalCount: 0, failures: 0, failureSeconds: 0 };

export function totalsOf(row: TotalsRow): OeeTotals {
  return {
    plannedSeconds: Number(row.planned_seconds), runSeconds: Number(row.run_seconds), idealSeconds: Number(row.ideal_seconds),
    goodCount: Number(row.good), totalCount: Number(row.total), failures: Number(row.failures), failureSeconds: Number(row.failure_seconds),
  };
}

/** Totals per key, within the EntityManager's partner scope; `now` (the end of windows still open) is fixed once per request. */
export function oeeTotalsLoader(em: EntityManager, now = new Date()): DataLoader<OeeKey, OeeTotals, string> {
  return new DataLoader<OeeKey, OeeTotals, string>(
    async (keys) => {
      const scope = partnerScopeOf(em);
      const request = keys.map((key, n) => ({
        n, kind: key.kind, id: key.id, from_at: key.from.toISOString(), to_at: key.to.toISOString(), now_at: now.toISOString(), scope,
      }));
      const rows = await em.execute<TotalsRow[]>(SQL, [JSON.stringify(request)]);
      const byIndex = new Map(rows.map((row) => [Number(row.n), row]));
      return keys.map((_, n) => {
        const row = byIndex.get(n);
        return row ? totalsOf(row) : NO_PRODUCTION;
      });
    },
    { maxBatchSize: 1000, cacheKeyFn: (key) => `${key.kind}|${key.id}|${key.from.toISOString()}|${key.to.toISOString()}` },
  );
}
