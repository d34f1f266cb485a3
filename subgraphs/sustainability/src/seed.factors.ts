// The emission factors of the demo world: every activity type for every country the universe has
// (facilities and stock locations) and GLOBAL, for 2025 and 2026. Values are of the order published by
// IEA (grid electricity by country) and DEFRA (fuels, freight, materials, waste); the grid gets a little
// cleaner each year.
import { seedId, type Universe } from '@cmgraph/seedkit';
import { ActivityType as A } from './factor/emission-factor.enums';
import { GLOBAL } from './factor/factor-matching';

export interface SeedFactor {
  id: string; source: string; activityType: A; region: string; year: number;
  kgCo2ePerUnit: number; unit: string; scope: number; scope3Category: number | null;
}

export const SEED_YEARS = [2025, 2026] as const;

/** kgCO2e per kWh of grid electricity, 2026; countries not listed use GLOBAL's. */
export const GRID_KG_PER_KWH: Record<string, number> = {
  MX: 0.423, US: 0.367, CN: 0.557, VN: 0.491, PL: 0.662, IN: 0.713, DE: 0.363, NL: 0.328, GB: 0.207, FR: 0.056, CA: 0.128, [GLOBAL]: 0.481,
};

/** Everything but grid electricity: the same everywhere, except steel made mostly from coal-fired blast furnaces. */
const OTHERS: { type: A; kg: number; unit: string; scope: number; category: number | null }[] = [
  { type: A.NATURAL_GAS, kg: 2.04, unit: 'm3', scope: 1, category: null },
  { type: A.DIESEL, kg: 2.66, unit: 'L', scope: 1, category: null },
  { type: A.LPG, kg: 1.56, unit: 'L', scope: 1, category: null },
  { type: A.FREIGHT_ROAD, kg: 0.107, unit: 'tkm', scope: 3, category: 4 },
  { type: A.FREIGHT_RAIL, kg: 0.028, unit: 'tkm', scope: 3, category: 4 },
  { type: A.FREIGHT_SEA, kg: 0.016, unit: 'tkm', scope: 3, category: 4 },
  { type: A.FREIGHT_AIR, kg: 0.602, unit: 'tkm', scope: 3, category: 4 },
  { type: A.PURCHASED_STEEL, kg: 1.85, unit: 'kg', scope: 3, category: 1 },
  { type: A.PURCHASED_ALUMINIUM, kg: 8.6, unit: 'kg', scope: 3, category: 1 },
  { type: A.PURCHASED_PLASTIC, kg: 2.3, unit: 'kg', scope: 3, category: 1 },
  { type: A.PURCHASED_COPPER, kg: 3.8, unit: 'kg', scope: 3, category: 1 },
  { type: A.WASTE_REUSE, kg: 1, unit: 't', scope: 3, category: 5 },
  { type: A.WASTE_RECYCLE, kg: 21.3, unit: 't', scope: 3, category: 5 },
  { type: A.WASTE_RECOVERY, kg: 21.3, unit: 't', scope: 3, category: 5 },
  { type: A.WASTE_INCINERATION, kg: 21.3, unit: 't', scope: 3, category: 5 },
  { type: A.WASTE_LANDFILL, kg: 467, unit: 't', scope: 3, category: 5 },
  { type: A.WATER_SUPPLY, kg: 0.177, unit: 'm3', scope: 3, category: 1 },
];
const COAL_STEEL = new Set(['CN', 'IN']);

export function seedRegions(world: Universe): string[] {
  return [...new Set([...world.facilities.map((f) => f.country), ...world.locations.map((l) => l.country)])].sort().concat(GLOBAL);
}

export function seedFactors(world: Universe): SeedFactor[] {
  const factors: SeedFactor[] = [];
  const add = (f: Omit<SeedFactor, 'id'>) => factors.push({ id: seedId('emission-factor', factors.length), ...f });
  for (const year of SEED_YEARS) {
    const cleaner = year === 2026 ? 1 : 1.03;
    for (const region of seedRegions(world)) {
      const grid = (GRID_KG_PER_KWH[region] ?? GRID_KG_PER_KWH[GLOBAL]!) * cleaner;
      add({ source: `IEA ${year}`, activityType: A.ELECTRICITY_GRID, region, year, kgCo2ePerUnit: round(grid), unit: 'kWh', scope: 2, scope3Category: null });
      for (const other of OTHERS) {
        const kg = other.type === A.PURCHASED_STEEL && COAL_STEEL.has(region) ? other.kg * 1.2 : other.kg;
        add({ source: `DEFRA ${year}`, activityType: other.type, region, year, kgCo2ePerUnit: round(kg), unit: other.unit, scope: other.scope, scope3Category: other.category });
      }
    }
  }
  return factors;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** Finds the factor of a type for a country and year (every seeded country has its own). */
export function factorIndex(factors: SeedFactor[]): (type: A, country: string, year: number) => SeedFactor {
  const byKey = new Map(factors.map((f) => [`${f.activityType}|${f.region}|${f.year}`, f]));
  return (type, country, year) => byKey.get(`${type}|${country}|${year}`) ?? byKey.get(`${type}|${GLOBAL}|${year}`)!;
}
