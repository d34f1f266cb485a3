// Builders for sustainability tests: suppliers and their facilities (suppliers), products (inventory),
// the emission factors a test relies on, records written through the real mutations, and row counts
// that prove a refused mutation wrote nothing.
import type { GraphqlResponse, Stack } from '@cmgraph/testkit';

/**
 * The subgraphs of a sustainability test's supergraph: suppliers (facilities and suppliers are checked
 * there), inventory (products), orders (shipments' weights), and quality because suppliers' scorecard
 * `score` @requires fields owned by orders, quality and this subgraph — composition needs every owner.
 */
export const STACK = ['suppliers', 'inventory', 'orders', 'quality', 'sustainability'];

let serial = 0;
const next = () => ++serial;

export function ok<T = any>(response: GraphqlResponse<T>): T {
  if (response.errors?.length) throw new Error(JSON.stringify(response.errors, null, 2));
  return response.data as T;
}

export async function mutate<T = any>(stack: Stack, name: string, inputType: string, input: unknown, selection = 'id'): Promise<T> {
  const data = ok(await stack.gateway<Record<string, T>>(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }`, { input }));
  return data[name]!;
}

export async function createSupplier(stack: Stack, country = 'MX'): Promise<string> {
  const n = next();
  const supplier = await mutate<{ id: string }>(stack, 'createSupplier', 'CreateSupplierInput', {
    code: `CM-${String(n).padStart(4, '0')}`, name: `Contract Maker ${n}`, type: 'CM', country,
  });
  return supplier.id;
}

export async function addFacility(stack: Stack, supplierId: string, country: string): Promise<string> {
  const n = next();
  const facility = await mutate<{ id: string }>(stack, 'addFacility', 'AddFacilityInput', {
    supplierId, name: `Plant ${n}`, country, region: 'North America', nearshore: country === 'MX', capabilities: ['SMT'],
  });
  return facility.id;
}

export async function createProduct(stack: Stack, gtin: string | null = null): Promise<string> {
  const n = next();
  const product = await mutate<{ id: string }>(stack, 'createProduct', 'CreateProductInput', {
    sku: `SKU-S${n}`, name: `Sensor module ${n}`, uom: 'EA', tracking: 'LOT', ...(gtin ? { gtin } : {}),
  });
  return product.id;
}

/** The factors of the hand-computed fixtures, all for 2026. */
export const FACTORS = [
  { source: 'IEA 2025', activityType: 'ELECTRICITY_GRID', region: 'MX', kgCo2ePerUnit: 0.4, unit: 'kWh', scope: 2 },
  { source: 'IEA 2025', activityType: 'ELECTRICITY_GRID', region: 'GLOBAL', kgCo2ePerUnit: 0.5, unit: 'kWh', scope: 2 },
  { source: 'DEFRA 2025', activityType: 'NATURAL_GAS', region: 'GLOBAL', kgCo2ePerUnit: 2, unit: 'm3', scope: 1 },
  { source: 'DEFRA 2025', activityType: 'DIESEL', region: 'GLOBAL', kgCo2ePerUnit: 2.5, unit: 'L', scope: 1 },
  { source: 'DEFRA 2025', activityType: 'PURCHASED_STEEL', region: 'GLOBAL', kgCo2ePerUnit: 1.5, unit: 'kg', scope: 3, scope3Category: 1 },
  { source: 'DEFRA 2025', activityType: 'WASTE_RECYCLE', region: 'GLOBAL', kgCo2ePerUnit: 20, unit: 't', scope: 3, scope3Category: 5 },
  { source: 'DEFRA 2025', activityType: 'WASTE_LANDFILL', region: 'GLOBAL', kgCo2ePerUnit: 500, unit: 't', scope: 3, scope3Category: 5 },
  { source: 'DEFRA 2025', activityType: 'FREIGHT_ROAD', region: 'GLOBAL', kgCo2ePerUnit: 0.1, unit: 'tkm', scope: 3, scope3Category: 4 },
  { source: 'DEFRA 2025', activityType: 'FREIGHT_SEA', region: 'GLOBAL', kgCo2ePerUnit: 0.016, unit: 'tkm', scope: 3, scope3Category: 4 },
];

export async function createFactors(stack: Stack): Promise<void> {
  for (const factor of FACTORS) await mutate(stack, 'createEmissionFactor', 'CreateEmissionFactorInput', { year: 2026, ...factor });
}

export const recordActivity = (stack: Stack, input: Record<string, unknown>) =>
  mutate<{ id: string; kgCo2e: number }>(stack, 'recordActivity', 'RecordActivityInput', input, 'id kgCo2e scope scope3Category factor { region }');
export const recordEnergy = (stack: Stack, input: Record<string, unknown>) =>
  mutate(stack, 'recordEnergy', 'RecordEnergyInput', input, 'id kwh scope2LocationBasedKg scope2MarketBasedKg gridFactor { region }');
export const recordWaste = (stack: Stack, input: Record<string, unknown>) => mutate(stack, 'recordWaste', 'RecordWasteInput', input, 'id kg kgCo2e');
export const recordWater = (stack: Stack, input: Record<string, unknown>) => mutate(stack, 'recordWater', 'RecordWaterInput', input);
export const recordOutput = (stack: Stack, input: Record<string, unknown>) =>
  mutate(stack, 'recordProductionOutput', 'RecordProductionOutputInput', input);

export const JAN = { periodStart: '2026-01-01', periodEnd: '2026-02-01' };
export const FEB = { periodStart: '2026-02-01', periodEnd: '2026-03-01' };

const TABLES = ['emission_factor', 'activity_record', 'energy_record', 'waste_record', 'water_record', 'production_output_record', 'product_footprint', 'emissions_budget'];

/** Rows per table in the sustainability database, read straight from PostgreSQL. */
export async function rowCounts(stack: Stack): Promise<Record<string, number>> {
  const sql = TABLES.map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(' union all ');
  const rows = await stack.subgraphs.sustainability!.server.orm.em.getConnection().execute<{ t: string; n: number }[]>(sql);
  return Object.fromEntries(rows.map((row) => [row.t, row.n]));
}
