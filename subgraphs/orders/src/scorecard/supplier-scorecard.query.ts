// The orders figures of many scorecards in ONE statement: every (supplier, period) a request asks for
// — e.g. a page of 100 scorecards through `_entities` — whatever the number of suppliers or periods.
// Plain inner joins grouped per request row (not a lateral per supplier, not an outer join), so that
// PostgreSQL may hash-join a page of suppliers against the lines in one (parallel) pass; request rows
// without lines or orders get no group and read as zero. Raw SQL: it adds the partner scope itself.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isId, parsePeriod, partnerScopeOf } from '@cmgraph/platform';
import {
  COUNTS_FOR_DELIVERY, DUE_LINE_COLUMNS, figuresOf, performanceAggregates, PROMISED_DATE, type DeliveryFigures, type PerformanceAggregateRow,
} from '../supplier/delivery-performance.sql';
import { DEFAULT_DAYS_EARLY, DEFAULT_DAYS_LATE } from '../supplier/delivery-performance';

export interface ScorecardKey {
  supplierId: string;
  /** A period label (parsePeriod). */
  period: string;
}

export interface ScorecardFigures extends DeliveryFigures {
  acknowledgementLatencyHours: number | null;
}

const SQL = `
WITH r AS NOT MATERIALIZED (
  SELECT * FROM jsonb_to_recordset(?::jsonb) AS r(n int, supplier_id uuid, from_date date, to_date date)
),
due AS (
  -- not \`n\`: \`due.*\` below would bring a second, NULL \`n\` for a request row without lines, and
  -- node-postgres keeps the last of two equal column names (the batch's first row got "no lines")
  SELECT r.n AS due_n, ${performanceAggregates(String(DEFAULT_DAYS_EARLY), String(DEFAULT_DAYS_LATE))}
  FROM r
  JOIN (
    SELECT ${DUE_LINE_COLUMNS}
    FROM purchase_order_line pol
    WHERE ${COUNTS_FOR_DELIVERY}
      AND (?::uuid IS NULL OR pol.supplier_id = ?::uuid)
      -- the whole batch's span as constants, so that the planner may range-scan the promised-date index
      AND ${PROMISED_DATE} >= ?::date AND ${PROMISED_DATE} < ?::date
  ) l ON l.supplier_id = r.supplier_id AND l.promised >= r.from_date AND l.promised < r.to_date
  GROUP BY r.n
),
acknowledged AS (
  SELECT r.n, avg(extract(epoch FROM po.acknowledged_at - po.sent_at)::float8) / 3600 AS latency_hours
  FROM r
  JOIN purchase_order po
    ON po.supplier_id = r.supplier_id
   AND po.sent_at >= r.from_date::timestamp AT TIME ZONE 'UTC'
   AND po.sent_at < r.to_date::timestamp AT TIME ZONE 'UTC'
   AND po.acknowledged_at IS NOT NULL
   AND (?::uuid IS NULL OR po.supplier_id = ?::uuid)
   -- the whole batch's span as constants too, for a range scan of the sent-at index
   AND po.sent_at >= ?::date::timestamp AT TIME ZONE 'UTC' AND po.sent_at < ?::date::timestamp AT TIME ZONE 'UTC'
  GROUP BY r.n
)
SELECT r.n, due.*, acknowledged.latency_hours
FROM r LEFT JOIN due ON due.due_n = r.n LEFT JOIN acknowledged USING (n)
ORDER BY r.n`;

type FiguresRow = { n: number; latency_hours: number | string | null } & (PerformanceAggregateRow | { [K in keyof PerformanceAggregateRow]: null });

const NO_LINES: PerformanceAggregateRow = {
  lines_due: 0, lines_otif: 0, quantity_ordered: '0', quantity_delivered: '0', lines_delivered: 0, lines_late: 0, days_late: 0,
};

const NONE: ScorecardFigures = {
  linesDue: 0, linesOnTimeInFull: 0, onTimeInFullRate: null, quantityOrdered: 0, quantityDelivered: 0, fillRate: null,
  averageDaysLate: null, acknowledgementLatencyHours: null,
};

export function scorecardLoader(em: EntityManager): DataLoader<ScorecardKey, ScorecardFigures, string> {
  return new DataLoader<ScorecardKey, ScorecardFigures, string>(
    async (keys) => {
      // A malformed supplier id has no orders here (and would fail the statement's uuid cast).
      const asked = keys.flatMap((key, n) => {
        if (!isId(key.supplierId)) return [];
        const period = parsePeriod(key.period);
        return [{ n, supplier_id: key.supplierId, from_date: period.from, to_date: period.to }];
      });
      if (!asked.length) return keys.map(() => NONE);
      const scope = partnerScopeOf(em);
      const from = asked.map((a) => a.from_date).sort()[0];
      const to = asked.map((a) => a.to_date).sort().at(-1);
      const rows = await em.execute<FiguresRow[]>(SQL, [JSON.stringify(asked), scope, scope, from, to, scope, scope, from, to]);
      const byIndex = new Map(rows.map((row) => [Number(row.n), row]));
      return keys.map((_, n) => {
        const row = byIndex.get(n);
        if (!row) return NONE;
        const latency = row.latency_hours === null ? null : Number(row.latency_hours);
        const lines = row.lines_due === null ? NO_LINES : (row as PerformanceAggregateRow);
        return { ...figuresOf(lines), acknowledgementLatencyHours: latency };
      });
    },
    { maxBatchSize: 1000, cacheKeyFn: (key) => `${key.supplierId}|${key.period}` },
  );
}
