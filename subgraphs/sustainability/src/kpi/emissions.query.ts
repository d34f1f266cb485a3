// Emissions in SQL, batched: one statement answers every (owner, window) a request asks about —
// all suppliers of one `_entities` call, say. The predicates mirror emissions.ts.
import type { EntityManager } from '@mikro-orm/postgresql';
import { partnerScopeOf } from '@cmgraph/platform';
import { emissionsFromTotals, type EmissionsSummary, type EmissionTotals } from './emissions';
import { WINDOW_KEYS, windowLoader, windowRows } from './window.query';

export interface EmissionRow {
  n: number;
  kind: 'emission' | 'output';
  scope: number | null;
  category: number | null;
  location_kg: number | null;
  market_kg: number | null;
  primary_kg: number | null;
  records: number;
}

/** The emission groups and the output of every key in `r` (see WINDOW_KEYS), for use after a WITH. */
export const EMISSIONS_SELECT = `
SELECT r.n, 'emission' AS kind, e.scope, e.category,
       sum(e.share * e.location_kg) AS location_kg, sum(e.share * e.market_kg) AS market_kg,
       coalesce(sum(e.share * e.market_kg) FILTER (WHERE e.is_primary), 0) AS primary_kg, sum(e.records)::int AS records
FROM r
JOIN LATERAL (
  -- activity through its rollup (src/rollup): records of one period share their share of the window
  ${windowRows('activity_rollup a', 'a', "a.scope, nullif(a.scope3_category, 0) AS category, a.kg_co2e AS location_kg, a.kg_co2e AS market_kg, a.is_primary, a.records")}
  UNION ALL
  -- electricity only: fuels are not scope 2 (their scope 1 is activity)
  ${windowRows('energy_record en', 'en', '2, NULL::smallint, en.scope2_location_based_kg, en.scope2_market_based_kg, true, 1', 'en.grid_factor_id IS NOT NULL')}
  UNION ALL
  ${windowRows('waste_record w JOIN emission_factor f ON f.id = w.factor_id', 'w', 'f.scope, f.scope3_category, w.kg_co2e, w.kg_co2e, true, 1')}
) e ON true
GROUP BY r.n, e.scope, e.category
UNION ALL
SELECT r.n, 'output', NULL, NULL, sum(o.share * o.good_units), NULL, NULL, sum(o.records)::int
FROM r JOIN LATERAL (${windowRows('output_rollup o', 'o', 'o.good_units, o.records')}) o ON true
GROUP BY r.n`;

const SQL = `WITH ${WINDOW_KEYS}\n${EMISSIONS_SELECT}`;

function totalsOf(rows: EmissionRow[]): EmissionTotals {
  const emissions = rows.filter((row) => row.kind === 'emission');
  const output = rows.find((row) => row.kind === 'output');
  return {
    records: emissions.reduce((n, row) => n + row.records, 0),
    groups: emissions.map((row) => ({
      scope: Number(row.scope), category: row.category === null ? null : Number(row.category),
      locationKg: Number(row.location_kg), marketKg: Number(row.market_kg),
    })),
    primaryKg: emissions.reduce((sum, row) => sum + Number(row.primary_kg), 0),
    outputRecords: output?.records ?? 0,
    goodUnits: Number(output?.location_kg ?? 0),
  };
}

/** The summary of one key from its rows of EMISSIONS_SELECT. */
export function emissionsOfRows(rows: EmissionRow[]): EmissionsSummary {
  return emissionsFromTotals(totalsOf(rows));
}

/** `partnerId`: see windowLoader (by default the scope of `em`; null only for figures no caller sees). */
export function emissionsLoader(em: EntityManager, partnerId: string | null = partnerScopeOf(em)) {
  return windowLoader<EmissionRow, EmissionsSummary>(em, SQL, emissionsOfRows, partnerId);
}
