// The quality report, one SQL statement per page: inspections in [from, to) and non-conformances opened
// in [from, to), each aggregated per group, then merged (UNION ALL + GROUP BY, since a group may have
// either without the other and its supplier may be null). The page is cut in SQL — groups after the
// cursor's key, in key order (byte order, as paginateRows compares), `first + 1` of them — so a report of
// tens of thousands of groups never travels whole; the key is a function of the group's columns, so the
// cut applies to the rows before they are grouped. totalCount is its own statement, run only when asked.
// The rates come from the sums through qualityFromTotals, where PPM and first-pass yield are defined.
// Raw SQL, so the partner scope is added here: a partner's report counts only its own supplier's rows.
import type { EntityManager } from '@mikro-orm/postgresql';
import { partnerScopeOf, type Period } from '@cmgraph/platform';
import { qualityFromTotals } from '../kpi/quality-kpi';
import { QualityGrouping, type QualityReportRow } from './quality-report.types';

export interface QualityReportQuery {
  period: Period;
  groupBy: QualityGrouping;
  /** Validated ids (or empty: no narrowing). */
  supplierIds: string[];
  productIds: string[];
  updatedSince: Date | null;
  /** The key of the last row already seen (null: from the start). */
  after: string | null;
  /** How many rows to return at most (null: all). */
  limit: number | null;
}

/** The key of a row without a supplier (an inspection the brand recorded for no supplier); sorts after every uuid. */
export const NO_SUPPLIER = 'none';
/** The key of non-conformances not classified by a defect code; no code can take it (codes are [A-Z0-9-]). */
export const UNCLASSIFIED = '(unclassified)';

type ByColumns = Exclude<QualityGrouping, QualityGrouping.DEFECT_CODE>;
const GROUP_COLUMNS: Record<ByColumns, string> = {
  [QualityGrouping.SUPPLIER]: 'supplier_id',
  [QualityGrouping.PRODUCT]: 'product_id',
  [QualityGrouping.SUPPLIER_PRODUCT]: 'supplier_id, product_id',
};
/** A row's key from its group's columns (valid on the inspection and non-conformance rows and on the groups). */
const SUPPLIER_KEY = `coalesce(supplier_id::text, '${NO_SUPPLIER}')`;
const KEY_SQL: Record<ByColumns, string> = {
  [QualityGrouping.SUPPLIER]: SUPPLIER_KEY,
  [QualityGrouping.PRODUCT]: 'product_id::text',
  [QualityGrouping.SUPPLIER_PRODUCT]: `${SUPPLIER_KEY} || '|' || product_id::text`,
};
const DEFECT_KEY_SQL = `coalesce(d.code, '${UNCLASSIFIED}')`;

interface Where {
  sql: string;
  params: unknown[];
}

/** Rows of `alias` whose `time` lies in the period, narrowed by the filter, the partner scope and the cursor. */
function whereOf(alias: string, time: string, key: string, query: QualityReportQuery, partner: string | null): Where {
  const sql = [`${alias}.${time} >= ?::timestamptz`, `${alias}.${time} < ?::timestamptz`];
  const params: unknown[] = [`${query.period.from}T00:00:00Z`, `${query.period.to}T00:00:00Z`];
  if (query.supplierIds.length) {
    sql.push(`${alias}.supplier_id = ANY(?::uuid[])`);
    params.push(`{${query.supplierIds.join(',')}}`);
  }
  if (query.productIds.length) {
    sql.push(`${alias}.product_id = ANY(?::uuid[])`);
    params.push(`{${query.productIds.join(',')}}`);
  }
  if (partner !== null) {
    sql.push(`${alias}.supplier_id = ?::uuid`);
    params.push(partner);
  }
  if (query.after !== null) {
    sql.push(`${key} COLLATE "C" > ?`);
    params.push(query.after);
  }
  return { sql: sql.join(' AND '), params };
}

/** HAVING (updatedSince, over the rows' `changed` times), ORDER BY key and LIMIT of the grouped rows. */
function pageOf(query: QualityReportQuery, key: string, changed: string): Where {
  const sql = [];
  const params: unknown[] = [];
  if (query.updatedSince) {
    sql.push(`HAVING max(${changed}) >= ?`);
    params.push(query.updatedSince);
  }
  sql.push(`ORDER BY (${key}) COLLATE "C"`);
  if (query.limit !== null) {
    sql.push('LIMIT ?');
    params.push(query.limit);
  }
  return { sql: sql.join('\n'), params };
}

function inspectionGroupsSql(query: QualityReportQuery, partner: string | null): Where {
  const group = GROUP_COLUMNS[query.groupBy as ByColumns];
  const key = KEY_SQL[query.groupBy as ByColumns];
  const inspected = whereOf('x', 'inspected_at', key, query, partner);
  const opened = whereOf('n', 'opened_at', key, query, partner);
  const page = pageOf(query, key, 'changed_at');
  const sql = `
SELECT ${group}, ${key} AS key,
       sum(inspections)::int AS inspections, sum(first_inspections)::int AS first_inspections, sum(first_passed)::int AS first_passed,
       sum(quantity_inspected)::float8 AS quantity_inspected, sum(quantity_rejected)::float8 AS quantity_rejected,
       sum(non_conformances)::int AS non_conformances, sum(non_conforming_quantity)::float8 AS non_conforming_quantity,
       max(changed_at) AS changed_at
FROM (
  SELECT ${group},
         count(*) AS inspections,
         count(*) FILTER (WHERE x.first_pass) AS first_inspections,
         count(*) FILTER (WHERE x.first_pass AND x.result = 'PASS') AS first_passed,
         coalesce(sum(x.lot_size) FILTER (WHERE x.first_pass AND x.trigger = 'INCOMING'), 0)::float8 AS quantity_inspected,
         coalesce(sum(x.quantity_rejected) FILTER (WHERE x.first_pass AND x.trigger = 'INCOMING'), 0)::float8 AS quantity_rejected,
         0::bigint AS non_conformances, 0::float8 AS non_conforming_quantity, max(x.updated_at) AS changed_at
  FROM inspection x WHERE ${inspected.sql}
  GROUP BY ${group}
  UNION ALL
  SELECT ${group}, 0, 0, 0, 0, 0, count(*), coalesce(sum(n.quantity), 0)::float8, max(n.updated_at)
  FROM non_conformance n WHERE ${opened.sql}
  GROUP BY ${group}
) grouped
GROUP BY ${group}
${page.sql}`;
  return { sql, params: [...inspected.params, ...opened.params, ...page.params] };
}

function defectCodeGroupsSql(query: QualityReportQuery, partner: string | null): Where {
  const opened = whereOf('n', 'opened_at', DEFECT_KEY_SQL, query, partner);
  const page = pageOf(query, DEFECT_KEY_SQL, 'n.updated_at');
  const sql = `
SELECT n.defect_code_id, ${DEFECT_KEY_SQL} AS key, count(*)::int AS non_conformances,
       coalesce(sum(n.quantity), 0)::float8 AS non_conforming_quantity, max(n.updated_at) AS changed_at
FROM non_conformance n LEFT JOIN defect_code d ON d.id = n.defect_code_id
WHERE ${opened.sql}
GROUP BY n.defect_code_id, d.code
${page.sql}`;
  return { sql, params: [...opened.params, ...page.params] };
}

interface GroupRow {
  key: string;
  supplier_id?: string | null;
  product_id?: string | null;
  defect_code_id?: string | null;
  inspections?: number;
  first_inspections?: number;
  first_passed?: number;
  quantity_inspected?: number;
  quantity_rejected?: number;
  non_conformances: number;
  non_conforming_quantity: number;
}

function rowOf(groupBy: QualityGrouping, row: GroupRow): QualityReportRow {
  const common = {
    key: row.key,
    supplierId: row.supplier_id ?? null,
    productId: row.product_id ?? null,
    defectCodeId: row.defect_code_id ?? null,
    nonConformances: Number(row.non_conformances),
    nonConformingQuantity: Number(row.non_conforming_quantity),
  };
  if (groupBy === QualityGrouping.DEFECT_CODE) {
    return {
      ...common, inspections: null, firstInspections: null, firstInspectionsPassed: null,
      quantityInspected: null, quantityRejected: null, ppm: null, firstPassYield: null,
    };
  }
  const rates = qualityFromTotals({
    firstInspections: Number(row.first_inspections),
    firstInspectionsPassed: Number(row.first_passed),
    quantityReceived: Number(row.quantity_inspected),
    quantityRejected: Number(row.quantity_rejected),
  });
  return {
    ...common,
    inspections: Number(row.inspections),
    firstInspections: rates.firstInspections,
    firstInspectionsPassed: rates.firstInspectionsPassed,
    quantityInspected: rates.quantityReceived,
    quantityRejected: rates.quantityRejected,
    ppm: rates.ppm,
    firstPassYield: rates.firstPassYield,
  };
}

function reportSql(query: QualityReportQuery, partner: string | null): Where {
  return query.groupBy === QualityGrouping.DEFECT_CODE ? defectCodeGroupsSql(query, partner) : inspectionGroupsSql(query, partner);
}

/** The report's rows after `query.after`, in key order, at most `query.limit`: one statement. */
export async function qualityReportRows(em: EntityManager, query: QualityReportQuery): Promise<QualityReportRow[]> {
  const { sql, params } = reportSql(query, partnerScopeOf(em));
  const rows = await em.execute<GroupRow[]>(sql, params);
  return rows.map((row) => rowOf(query.groupBy, row));
}

/** How many rows the whole report has (every page together): one statement. */
export async function qualityReportCount(em: EntityManager, query: QualityReportQuery): Promise<number> {
  const { sql, params } = reportSql({ ...query, after: null, limit: null }, partnerScopeOf(em));
  const [row] = await em.execute<{ n: number }[]>(`SELECT count(*)::int AS n FROM (${sql}) report`, params);
  return row!.n;
}
