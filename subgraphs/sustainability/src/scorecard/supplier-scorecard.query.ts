// Sustainability's part of the supplier scorecard in SQL, batched: one statement answers every
// (supplier, period) of a request — a page of scorecards — with both figures. It is the emissions and
// energy statements of src/kpi side by side (the same SELECTs over the same keys), so a scorecard
// equals Supplier.co2ePerUnit / renewableShare over the period's days. Partner scope: see windowLoader.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Period } from '@cmgraph/platform';
import { carbonIntensity } from '../kpi/emissions';
import { EMISSIONS_SELECT, emissionsOfRows, type EmissionRow } from '../kpi/emissions.query';
import { ENERGY_SELECT, energyOfRow, type EnergyRow } from '../kpi/energy.query';
import { WINDOW_KEYS, windowLoader, type WindowKey } from '../kpi/window.query';

export interface ScorecardSustainability {
  carbonIntensity: number | null;
  renewableShare: number | null;
}

interface ScorecardRow {
  n: number;
  part: 'emissions' | 'energy';
  figures: EmissionRow | EnergyRow;
}

const SQL = `
WITH ${WINDOW_KEYS},
emissions AS (${EMISSIONS_SELECT}),
energy AS (${ENERGY_SELECT})
SELECT e.n, 'emissions' AS part, to_jsonb(e) AS figures FROM emissions e
UNION ALL
SELECT x.n, 'energy', to_jsonb(x) FROM energy x`;

function figuresOf(rows: ScorecardRow[]): ScorecardSustainability {
  const emissions = rows.filter((row) => row.part === 'emissions').map((row) => row.figures as EmissionRow);
  const energy = rows.find((row) => row.part === 'energy')?.figures as EnergyRow | undefined;
  return {
    // scope 1 + scope 2 market-based, as Supplier.co2ePerUnit without includeScope3
    carbonIntensity: carbonIntensity(emissionsOfRows(emissions), false),
    renewableShare: energyOfRow(energy).renewableShare,
  };
}

/** The scorecard loader key of a supplier and a period: the period's days [from, to). */
export function scorecardKey(supplierId: string, period: Period): WindowKey {
  return { supplierId, facilityId: null, from: period.from, to: period.to };
}

export function scorecardLoader(em: EntityManager) {
  return windowLoader<ScorecardRow, ScorecardSustainability>(em, SQL, figuresOf);
}
