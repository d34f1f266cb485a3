// The carbon report's one statement per page, built for the grouping asked: the emissions of the
// period (e: activity through its rollup, electricity, waste — the sources and figures of
// emissions.query.ts), the output (o: through its rollup, or per product from the records) where a
// grouping needs good units, then the grouping's GROUP BY. Only the filters given appear in the SQL, so
// PostgreSQL plans each statement for its actual predicates. Values are bound; ids arrive validated.
import { CarbonGrouping } from './carbon-report.types';

export interface CarbonReportQuery {
  groupBy: CarbonGrouping;
  /** First day, inclusive. */
  from: string;
  /** Day after the last, exclusive. */
  to: string;
  /** A partner caller's supplier: only its rows (raw SQL is not reached by the ORM's filter). */
  partnerId: string | null;
  supplierIds: string[] | null;
  facilityIds: string[] | null;
  scopes: number[] | null;
}

export interface CarbonReportStatement {
  sql: string;
  params: unknown[];
}

/** PostgreSQL array literal of validated values (uuids, small integers): no user text reaches it. */
const arrayLiteral = (values: readonly (string | number)[]) => `{${values.join(',')}}`;

export function carbonReportStatement(query: CarbonReportQuery): CarbonReportStatement {
  const params: unknown[] = [];
  const bind = (value: unknown, type: string) => {
    params.push(value);
    return `?::${type}`;
  };
  /** Rows of `alias` overlapping [from, to), of the caller's scope and the filter. */
  const where = (alias: string) => {
    const conditions = [`${alias}.period_start < ${bind(query.to, 'date')}`, `${alias}.period_end > ${bind(query.from, 'date')}`];
    if (query.partnerId) conditions.push(`${alias}.supplier_id = ${bind(query.partnerId, 'uuid')}`);
    if (query.supplierIds) conditions.push(`${alias}.supplier_id = ANY(${bind(arrayLiteral(query.supplierIds), 'uuid[]')})`);
    if (query.facilityIds) conditions.push(`${alias}.facility_id = ANY(${bind(arrayLiteral(query.facilityIds), 'uuid[]')})`);
    return conditions.join(' AND ');
  };
  /** The share of the row's days inside [from, to), as in window.query.ts. */
  const share = (alias: string) =>
    `((least(${alias}.period_end, ${bind(query.to, 'date')}) - greatest(${alias}.period_start, ${bind(query.from, 'date')}))::float8 ` +
    `/ (${alias}.period_end - ${alias}.period_start))`;
  const emissions = `e AS (
  SELECT * FROM (
    SELECT a.supplier_id, a.facility_id, a.scope::int AS scope, nullif(a.scope3_category, 0)::int AS category, ${share('a')} * a.kg_co2e AS kg, a.updated_at
    FROM activity_rollup a WHERE ${where('a')}
    UNION ALL
    -- electricity only (fuels are scope 1 activity), market-based as in totalKgCO2e
    SELECT en.supplier_id, en.facility_id, 2, NULL, ${share('en')} * en.scope2_market_based_kg, en.updated_at
    FROM energy_record en WHERE en.grid_factor_id IS NOT NULL AND ${where('en')}
    UNION ALL
    SELECT w.supplier_id, w.facility_id, f.scope, f.scope3_category, ${share('w')} * w.kg_co2e, w.updated_at
    FROM waste_record w JOIN emission_factor f ON f.id = w.factor_id WHERE ${where('w')}
  ) records${query.scopes ? ` WHERE records.scope = ANY(${bind(arrayLiteral(query.scopes), 'int[]')})` : ''}
)`;
  // per product only where the grouping needs products: the records; otherwise their rollup
  const output = () => (query.groupBy === CarbonGrouping.PRODUCT
    ? `o AS (
  SELECT o.supplier_id, o.facility_id, o.product_id, ${share('o')} * o.good_units AS units, o.updated_at
  FROM production_output_record o WHERE ${where('o')}
)`
    : `o AS (
  SELECT o.supplier_id, o.facility_id, NULL::uuid AS product_id, ${share('o')} * o.good_units AS units, o.updated_at
  FROM output_rollup o WHERE ${where('o')}
)`);
  const grouped = GROUPINGS[query.groupBy];
  const ctes = [emissions, ...(grouped.needsOutput ? [output()] : []), ...grouped.ctes];
  return { sql: `WITH ${ctes.join(',\n')}\n${grouped.select}`, params };
}

/** Every grouping selects (scope, category, supplier_id, product_id, facility_id, kg, units, changed_at). */
const COLUMNS = (c: Partial<Record<'scope' | 'category' | 'supplier_id' | 'product_id' | 'facility_id' | 'kg' | 'units' | 'changed_at', string>>) =>
  [
    `${c.scope ?? 'NULL::int'} AS scope`, `${c.category ?? 'NULL::int'} AS category`, `${c.supplier_id ?? 'NULL'}::text AS supplier_id`,
    `${c.product_id ?? 'NULL'}::text AS product_id`, `${c.facility_id ?? 'NULL'}::text AS facility_id`, `${c.kg ?? 'NULL::float8'} AS kg`,
    `${c.units ?? 'NULL::float8'} AS units`, `${c.changed_at ?? 'max(updated_at)'} AS changed_at`,
  ].join(', ');

const GROUPINGS: Record<CarbonGrouping, { needsOutput: boolean; ctes: string[]; select: string }> = {
  [CarbonGrouping.SCOPE]: {
    needsOutput: false, ctes: [],
    select: `SELECT ${COLUMNS({ scope: 'scope', kg: 'sum(kg)' })} FROM e GROUP BY scope`,
  },
  [CarbonGrouping.CATEGORY]: {
    needsOutput: false, ctes: [],
    select: `SELECT ${COLUMNS({ scope: '3', category: 'category', kg: 'sum(kg)' })} FROM e WHERE scope = 3 GROUP BY category`,
  },
  [CarbonGrouping.SCOPE_CATEGORY]: {
    needsOutput: false, ctes: [],
    select: `SELECT ${COLUMNS({ scope: 'scope', category: 'category', kg: 'sum(kg)' })} FROM e GROUP BY scope, category`,
  },
  [CarbonGrouping.SUPPLIER]: {
    needsOutput: true,
    ctes: [
      `es AS (SELECT supplier_id, sum(kg) AS kg, max(updated_at) AS changed_at FROM e GROUP BY supplier_id)`,
      `os AS (SELECT supplier_id, sum(units) AS units, max(updated_at) AS changed_at FROM o GROUP BY supplier_id)`,
    ],
    select: `SELECT ${COLUMNS({ supplier_id: 'es.supplier_id', kg: 'es.kg', units: 'os.units', changed_at: 'greatest(es.changed_at, os.changed_at)' })}
FROM es LEFT JOIN os ON os.supplier_id = es.supplier_id`,
  },
  [CarbonGrouping.PRODUCT]: {
    needsOutput: true,
    ctes: [
      `ef AS (SELECT facility_id, sum(kg) AS kg, max(updated_at) AS changed_at FROM e GROUP BY facility_id)`,
      `op AS (SELECT facility_id, product_id, sum(units) AS units, max(updated_at) AS changed_at FROM o GROUP BY facility_id, product_id)`,
      `ot AS (SELECT facility_id, sum(units) AS units, max(changed_at) AS changed_at FROM op GROUP BY facility_id)`,
      `allocated AS (
  -- a facility's kgCO2e over what it made, by each product's share of its good units in the period
  SELECT op.product_id, ef.kg * op.units / ot.units AS kg, op.units, greatest(ef.changed_at, ot.changed_at) AS changed_at, true AS attributed
  FROM ef JOIN ot ON ot.facility_id = ef.facility_id AND ot.units > 0 JOIN op ON op.facility_id = ef.facility_id
  UNION ALL
  -- output of facilities without emission records: its units count, no kgCO2e comes with them
  SELECT op.product_id, 0, op.units, op.changed_at, false FROM op WHERE NOT EXISTS (SELECT 1 FROM ef WHERE ef.facility_id = op.facility_id)
  UNION ALL
  -- kgCO2e of facilities without output: nothing to allocate them to
  SELECT NULL, ef.kg, NULL, ef.changed_at, true FROM ef WHERE NOT EXISTS (SELECT 1 FROM ot WHERE ot.facility_id = ef.facility_id AND ot.units > 0)
)`,
    ],
    select: `SELECT ${COLUMNS({ product_id: 'product_id', kg: 'sum(kg)', units: 'sum(units)', changed_at: 'max(changed_at)' })}
FROM allocated GROUP BY product_id HAVING bool_or(attributed)`,
  },
  [CarbonGrouping.NEARSHORE]: {
    // per facility here; folded into nearshore / offshore with what suppliers says of each facility
    needsOutput: true, ctes: [],
    select: `SELECT ${COLUMNS({ facility_id: 'facility_id', kg: 'sum(kg)', units: 'sum(units)' })}
FROM (SELECT facility_id, kg, NULL::float8 AS units, updated_at FROM e UNION ALL SELECT facility_id, NULL, units, updated_at FROM o) f
GROUP BY facility_id`,
  },
};
