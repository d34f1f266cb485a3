// Energy totals in SQL, batched over every (owner, window) of a request; mirrors energy.ts.
import type { EntityManager } from '@mikro-orm/postgresql';
import { energyFromTotals, type EnergySummary } from './energy';
import { WINDOW_KEYS, windowLoader, windowRows } from './window.query';

export interface EnergyRow {
  n: number;
  records: number;
  kwh: number;
  renewable_kwh: number;
  location_kg: number;
  market_kg: number;
}

/** The energy totals of every key in `r` (see WINDOW_KEYS), for use after a WITH. */
export const ENERGY_SELECT = `
SELECT r.n, count(*)::int AS records, sum(x.share * x.kwh) AS kwh,
       coalesce(sum(x.share * x.kwh) FILTER (WHERE x.renewable), 0) AS renewable_kwh,
       sum(x.share * x.location_kg) AS location_kg, sum(x.share * x.market_kg) AS market_kg
FROM r JOIN LATERAL (
  ${windowRows('energy_record e', 'e', 'e.kwh, e.renewable, e.scope2_location_based_kg AS location_kg, e.scope2_market_based_kg AS market_kg')}
) x ON true
GROUP BY r.n`;

const SQL = `WITH ${WINDOW_KEYS}\n${ENERGY_SELECT}`;

/** The summary of one key from its row of ENERGY_SELECT (none: no energy recorded). */
export function energyOfRow(row: EnergyRow | undefined): EnergySummary {
  return energyFromTotals({
    records: row?.records ?? 0, kwh: Number(row?.kwh ?? 0), renewableKwh: Number(row?.renewable_kwh ?? 0),
    locationKg: Number(row?.location_kg ?? 0), marketKg: Number(row?.market_kg ?? 0),
  });
}

export function energyLoader(em: EntityManager) {
  return windowLoader<EnergyRow, EnergySummary>(em, SQL, ([row]) => energyOfRow(row));
}
