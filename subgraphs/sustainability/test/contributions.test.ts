// Facility and Supplier contributions through the real gateway, on a small dataset whose every figure
// was computed by hand (see the comments), over the window [2026-01-01, 2026-03-01).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '@cmgraph/testkit';
import {
  addFacility, createFactors, createSupplier, FEB, JAN, ok, recordActivity, recordEnergy, recordOutput, recordWaste, recordWater, STACK,
} from './fixtures';

let stack: Stack;
let supplierId: string;
let otherSupplierId: string;
let mexico: string;
let vietnam: string;
const WINDOW = { from: '2026-01-01', to: '2026-03-01' };

beforeAll(async () => {
  stack = await startStack(STACK);
  await createFactors(stack);
  supplierId = await createSupplier(stack);
  otherSupplierId = await createSupplier(stack);
  mexico = await addFacility(stack, supplierId, 'MX');
  vietnam = await addFacility(stack, supplierId, 'VN');
  // Mexico: 3 MWh grid (×0.4) + 3.6 GJ = 1000 kWh certified solar → location 1600 kg, market 1200 kg.
  await recordEnergy(stack, { facilityId: mexico, ...JAN, source: 'GRID', quantity: 3, unit: 'MWh' });
  await recordEnergy(stack, { facilityId: mexico, ...JAN, source: 'SOLAR', quantity: 3.6, unit: 'GJ', certificates: true });
  // Scope 1: 100 m3 gas × 2 = 200 kg, and 56 m3 over 15 Feb–14 Mar (half in the window) = 112 × 14/28 = 56 kg.
  await recordActivity(stack, { facilityId: mexico, ...JAN, activityType: 'NATURAL_GAS', quantity: 100, unit: 'm3' });
  await recordActivity(stack, { facilityId: mexico, periodStart: '2026-02-15', periodEnd: '2026-03-15', activityType: 'NATURAL_GAS', quantity: 56, unit: 'm3' });
  // Scope 3 cat 1: 0.5 t steel = 500 kg × 1.5 = 750 kg (secondary data).
  await recordActivity(stack, { facilityId: mexico, ...FEB, activityType: 'PURCHASED_STEEL', quantity: 0.5, unit: 't', dataQuality: 'SECONDARY' });
  // Scope 3 cat 5: 600 kg recycled (0.6 t × 20 = 12 kg) + 400 kg hazardous landfilled (0.4 t × 500 = 200 kg).
  await recordWaste(stack, { facilityId: mexico, ...JAN, wasteType: 'cardboard', hazardous: false, quantity: 600, unit: 'kg', treatment: 'RECYCLE' });
  await recordWaste(stack, { facilityId: mexico, ...JAN, wasteType: 'solvent', hazardous: true, quantity: 0.4, unit: 't', treatment: 'LANDFILL' });
  await recordWater(stack, { facilityId: mexico, ...JAN, withdrawal: 100, discharge: 60, recycled: 900 });
  await recordOutput(stack, { facilityId: mexico, ...JAN, goodUnits: 500 });
  await recordOutput(stack, { facilityId: mexico, ...FEB, goodUnits: 500 });
  // Vietnam has no grid factor of its own: GLOBAL 0.5 × 2000 kWh = 1000 kg; 40 L diesel × 2.5 = 100 kg.
  await recordEnergy(stack, { facilityId: vietnam, ...FEB, source: 'GRID', quantity: 2000, unit: 'kWh' });
  await recordActivity(stack, { facilityId: vietnam, ...FEB, activityType: 'DIESEL', quantity: 40, unit: 'L' });
}, 120_000);
afterAll(async () => stack?.stop());

const FACILITY = `query($id: ID!, $from: LocalDate!, $to: LocalDate!) { facility(id: $id) {
  name
  energy(from: $from, to: $to) { totalKwh renewableKwh renewableShare scope2LocationBasedKg scope2MarketBasedKg }
  waste(from: $from, to: $to) { totalKg hazardousKg divertedShare kgCO2e byTreatment { treatment kg kgCO2e } }
  water(from: $from, to: $to) { withdrawalM3 dischargeM3 consumptionM3 recycledM3 recycledShare closedLoop }
  emissions(from: $from, to: $to) { scope1 scope2LocationBased scope2MarketBased scope3 totalKgCO2e goodUnits byCategory { scope category kgCO2e } }
} }`;

describe('Facility contributions through the gateway', () => {
  it('answers energy, waste, water and emissions of a facility with the hand-computed figures', async () => {
    const { facility } = ok(await stack.gateway(FACILITY, { id: mexico, ...WINDOW }));
    expect(facility.energy).toEqual({ totalKwh: 4000, renewableKwh: 1000, renewableShare: 0.25, scope2LocationBasedKg: 1600, scope2MarketBasedKg: 1200 });
    expect(facility.waste).toEqual({
      totalKg: 1000, hazardousKg: 400, divertedShare: 0.6, kgCO2e: 212,
      byTreatment: [{ treatment: 'RECYCLE', kg: 600, kgCO2e: 12 }, { treatment: 'LANDFILL', kg: 400, kgCO2e: 200 }],
    });
    expect(facility.water).toEqual({ withdrawalM3: 100, dischargeM3: 60, consumptionM3: 40, recycledM3: 900, recycledShare: 0.9, closedLoop: true });
    expect(facility.emissions).toEqual({
      scope1: 256, scope2LocationBased: 1600, scope2MarketBased: 1200, scope3: 962, totalKgCO2e: 2418, goodUnits: 1000,
      byCategory: [{ scope: 1, category: null, kgCO2e: 256 }, { scope: 2, category: null, kgCO2e: 1200 }, { scope: 3, category: 1, kgCO2e: 750 }, { scope: 3, category: 5, kgCO2e: 212 }],
    });
  });

  it('answers null, not zero, for a window without records', async () => {
    const { facility } = ok(await stack.gateway(FACILITY, { id: mexico, from: '2025-01-01', to: '2025-02-01' }));
    expect(facility.energy.renewableShare).toBeNull();
    expect(facility.waste.totalKg).toBeNull();
    expect(facility.water.closedLoop).toBeNull();
    expect(facility.emissions.totalKgCO2e).toBeNull();
  });

  it('refuses an empty window with BAD_USER_INPUT naming to', async () => {
    const result = await stack.gateway(FACILITY, { id: mexico, from: '2026-03-01', to: '2026-03-01' });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'to' } });
  });
});

const SUPPLIERS = `query($ids: [ID!]!, $from: LocalDate!, $to: LocalDate!) { suppliers(first: 10, filter: { search: "CM-" }) { nodes {
  id code
  co2ePerUnit(from: $from, to: $to)
  withScope3: co2ePerUnit(from: $from, to: $to, includeScope3: true)
  renewableShare(from: $from, to: $to)
  emissions(from: $from, to: $to) { scope1 scope2LocationBased scope2MarketBased scope3 totalKgCO2e goodUnits }
} } emissionFactors(filter: { ids: $ids }) { totalCount } }`;

describe('Supplier contributions through the gateway', () => {
  it('sums all facilities of a supplier: intensity, renewable share and emissions', async () => {
    const data = ok(await stack.gateway(SUPPLIERS, { ids: [], ...WINDOW }));
    const supplier = data.suppliers.nodes.find((s: { id: string }) => s.id === supplierId);
    // scope 1 = 256 + 100, scope 2 market = 1200 + 1000, scope 3 = 962; 1000 good units.
    expect(supplier.emissions).toEqual({ scope1: 356, scope2LocationBased: 2600, scope2MarketBased: 2200, scope3: 962, totalKgCO2e: 3518, goodUnits: 1000 });
    expect(supplier.co2ePerUnit).toBeCloseTo(2.556, 12);
    expect(supplier.withScope3).toBeCloseTo(3.518, 12);
    // 1000 renewable kWh of 4000 + 2000.
    expect(supplier.renewableShare).toBeCloseTo(1 / 6, 12);
  });

  it('answers null for a supplier without records (no output, no energy)', async () => {
    const data = ok(await stack.gateway(SUPPLIERS, { ids: [], ...WINDOW }));
    const other = data.suppliers.nodes.find((s: { id: string }) => s.id === otherSupplierId);
    expect(other).toMatchObject({ co2ePerUnit: null, withScope3: null, renewableShare: null, emissions: { scope1: null, totalKgCO2e: null, goodUnits: null } });
  });

  it('answers the emissions query for a facility, a supplier and everyone', async () => {
    const query = `query($f: EmissionsFilter!) { emissions(filter: $f) { totalKgCO2e recordCount } }`;
    const of = async (filter: Record<string, unknown>) => ok(await stack.gateway(query, { f: { ...WINDOW, ...filter } })).emissions;
    // Mexico: 2 energy + 3 activity + 2 waste records; the supplier adds Vietnam's 2.
    expect(await of({ facilityId: mexico })).toEqual({ totalKgCO2e: 2418, recordCount: 7 });
    expect(await of({ supplierId })).toEqual({ totalKgCO2e: 3518, recordCount: 9 });
    expect(await of({})).toEqual({ totalKgCO2e: 3518, recordCount: 9 });
  });

  it('lists activity records by supplier, scope and window', async () => {
    const query = `query($filter: ActivityRecordFilter) { activityRecords(filter: $filter) { totalCount nodes { activityType kgCo2e facility { name } supplier { code } factor { source region } } } }`;
    const scope1 = ok(await stack.gateway(query, { filter: { supplierId, scope: 1, from: '2026-02-01', to: '2026-03-01' } })).activityRecords;
    expect(scope1.totalCount).toBe(2);
    expect(scope1.nodes.map((n: { kgCo2e: number }) => n.kgCo2e).sort()).toEqual([100, 112]);
    expect(scope1.nodes[0].factor).toEqual({ source: 'DEFRA 2025', region: 'GLOBAL' });
  });
});
