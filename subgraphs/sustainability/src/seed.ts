// Seeds the sustainability part of the demo universe in bulk: emission factors; for every facility
// twelve months of energy (grid plus supplier-dependent renewables), fuel, waste and water; purchased
// materials for every shipped order line and freight for every shipment (seed.shipped.ts: about
// 1,160,000 activity rows at `large`); monthly good units of every CM plant per product, from what it
// shipped; and footprints of some finished products. Orders are streamed, so memory stays flat.
import type { SubgraphSeed } from '@cmgraph/seedkit';
import { BulkWriter, insertRows, seedId, type SeedProduct } from '@cmgraph/seedkit';
import { ActivityType as A } from './factor/emission-factor.enums';
import { factorIndex, seedFactors } from './seed.factors';
import { facilityProfiles, seasonal, seedMonths, WINDOW_END, WINDOW_START, type FacilityProfile } from './seed.profile';
import { seedShipped } from './seed.shipped';
import {
  ACTIVITY_COLUMNS, ENERGY_COLUMNS, FACTOR_COLUMNS, FOOTPRINT_COLUMNS, OUTPUT_COLUMNS, WASTE_COLUMNS, WATER_COLUMNS,
  type ActivityRow, type EnergyRow, type FootprintRow, type OutputRow, type WasteRow, type WaterRow,
} from './seed.columns';
import { pactUnit } from './footprint/footprint.pact';
import { BOUNDARY } from './footprint/footprint.publish';
import { yearOf } from './period';

/** Facility totals over the seeded year, for the footprints: kgCO2e (market-based), of it primary, good units. */
interface Ledger { kg: number; primaryKg: number; units: number; products: string[] }
const round2 = (value: number) => Math.round(value * 100) / 100;
const FOOTPRINTS_PER_PLANT = 2;

export const seed: SubgraphSeed = async ({ db, world, progress }) => {
  const factors = seedFactors(world);
  await insertRows(db, 'emission_factor', FACTOR_COLUMNS, factors);
  progress(factors.length);
  const factorOf = factorIndex(factors);
  const table = <Row>(name: string, columns: Parameters<typeof insertRows<Row>>[2]) => new BulkWriter<Row>(db, name, columns, 5_000, progress);
  const activity = table<ActivityRow>('activity_record', ACTIVITY_COLUMNS);
  const energy = table<EnergyRow>('energy_record', ENERGY_COLUMNS);
  const waste = table<WasteRow>('waste_record', WASTE_COLUMNS);
  const water = table<WaterRow>('water_record', WATER_COLUMNS);
  const outputs = table<OutputRow>('production_output_record', OUTPUT_COLUMNS);
  const ids = { activity: 0, energy: 0, waste: 0, water: 0, output: 0 };
  const next = (kind: keyof typeof ids) => seedId(`${kind}-record`, ids[kind]++);
  const profiles = new Map(facilityProfiles(world).map((p) => [p.facility.id, p]));
  const ledgers = new Map<string, Ledger>([...profiles.keys()].map((id) => [id, { kg: 0, primaryKg: 0, units: 0, products: [] }]));
  const book = (facilityId: string, kg: number, primary: boolean) => {
    const ledger = ledgers.get(facilityId)!;
    ledger.kg += kg;
    if (primary) ledger.primaryKg += kg;
  };
  const addActivity = async (p: FacilityProfile, period: { start: string; end: string }, type: A, quantity: number, dataQuality: string) => {
    const factor = factorOf(type, p.facility.country, yearOf(period.start));
    const row = { ...base(p, period, next('activity')), activityType: type, quantity, unit: factor.unit, factor, kgCo2e: quantity * factor.kgCo2ePerUnit, dataQuality };
    book(p.facility.id, row.kgCo2e, dataQuality === 'PRIMARY');
    await activity.add(row);
  };

  for (const p of profiles.values()) {
    for (const [m, period] of seedMonths().entries()) {
      const units = p.unitsPerMonth * seasonal(p.facility.id, m);
      const year = yearOf(period.start);
      const grid = factorOf(A.ELECTRICITY_GRID, p.facility.country, year);
      const kwh = units * p.kwhPerUnit;
      const readings = [
        { source: 'GRID', kwh: round2(kwh * (1 - p.renewableShare)), renewable: false, certificates: false },
        { source: p.renewableSource, kwh: round2(kwh * p.renewableShare), renewable: true, certificates: p.certificates },
      ];
      for (const reading of readings) {
        const locationKg = reading.kwh * grid.kgCo2ePerUnit;
        const marketKg = reading.certificates ? 0 : locationKg;
        book(p.facility.id, marketKg, true);
        await energy.add({ ...base(p, period, next('energy')), ...reading, gridFactorId: grid.id, locationKg, marketKg });
      }
      await addActivity(p, period, A.NATURAL_GAS, round2(units * p.gasM3PerUnit), 'PRIMARY');
      await addActivity(p, period, A.DIESEL, round2(units * p.dieselLPerUnit), m % 3 === 0 ? 'PRIMARY' : 'ESTIMATED');
      const wasteKg = units * p.wasteKgPerUnit;
      const streams = [
        { wasteType: 'cardboard and plastics', hazardous: false, kg: round2(wasteKg * p.divertedShare), treatment: 'RECYCLE', type: A.WASTE_RECYCLE },
        { wasteType: 'mixed general waste', hazardous: false, kg: round2(wasteKg * (1 - p.divertedShare) * 0.9), treatment: 'LANDFILL', type: A.WASTE_LANDFILL },
        { wasteType: 'solvents and solder dross', hazardous: true, kg: round2(wasteKg * (1 - p.divertedShare) * 0.1), treatment: 'INCINERATION', type: A.WASTE_INCINERATION },
      ];
      for (const { type, ...stream } of streams) {
        const factor = factorOf(type, p.facility.country, year);
        const kgCo2e = (stream.kg / 1000) * factor.kgCo2ePerUnit;
        book(p.facility.id, kgCo2e, true);
        await waste.add({ ...base(p, period, next('waste')), ...stream, factorId: factor.id, kgCo2e });
      }
      const withdrawalM3 = round2(units * p.waterM3PerUnit);
      await water.add({ ...base(p, period, next('water')), withdrawalM3, dischargeM3: round2(withdrawalM3 * 0.8), recycledM3: round2(withdrawalM3 * p.recycledRatio) });
    }
  }

  // Purchased materials and freight follow what was shipped; CM plants' good units are what they shipped.
  const products = new Map(world.products.map((product) => [product.id, product]));
  await seedShipped(world, {
    profiles,
    addActivity,
    addOutput: (p, period, productId, goodUnits) => outputs.add({ ...base(p, period, next('output')), productId, goodUnits }),
    shipped: (facilityId, productId, quantity) => {
      const ledger = ledgers.get(facilityId)!;
      ledger.units += quantity;
      if (ledger.products.length < FOOTPRINTS_PER_PLANT && !ledger.products.includes(productId)) ledger.products.push(productId);
    },
  });
  for (const writer of [activity, energy, waste, water, outputs]) await writer.flush();
  const footprints = footprintRows(profiles, ledgers, products);
  await insertRows(db, 'product_footprint', FOOTPRINT_COLUMNS, footprints);
  progress(footprints.length);
};

function base(p: FacilityProfile, period: { start: string; end: string }, id: string) {
  return { id, facilityId: p.facility.id, supplierId: p.supplier.id, country: p.facility.country, periodStart: period.start, periodEnd: period.end };
}

/** Footprints over the seeded year of the first products each CM plant shipped (one plant per product). */
function footprintRows(profiles: Map<string, FacilityProfile>, ledgers: Map<string, Ledger>, products: Map<string, SeedProduct>): FootprintRow[] {
  const rows: FootprintRow[] = [];
  const covered = new Set<string>();
  for (const [facilityId, ledger] of ledgers) {
    if (!ledger.units || !ledger.kg) continue;
    const p = profiles.get(facilityId)!;
    for (const productId of ledger.products.filter((id) => !covered.has(id))) {
      covered.add(productId);
      const product = products.get(productId)!;
      rows.push({
        id: seedId('product-footprint', rows.length), productId, facilityId, supplierId: p.supplier.id, companyName: p.supplier.name,
        productDescription: `${product.name} (${product.sku})`, productIds: [`urn:cmgraph:product:${productId}`, `urn:gtin:${product.gtin}`],
        productNameCompany: product.name, unit: pactUnit(product.uom), kgPerUnit: ledger.kg / ledger.units, country: p.facility.country,
        primaryShare: (ledger.primaryKg / ledger.kg) * 100, facilityKg: ledger.kg, facilityUnits: ledger.units,
        periodStart: WINDOW_START, periodEnd: WINDOW_END, boundary: BOUNDARY,
      });
    }
  }
  return rows;
}
