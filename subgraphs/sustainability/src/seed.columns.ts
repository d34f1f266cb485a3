// How the seed's rows become rows of this subgraph's tables: one column list per table, and a writer
// that inserts in bulk (INSERT … SELECT unnest, one statement per batch) and reports progress per batch.
import type { Column } from '@cmgraph/seedkit';
import type { SeedFactor } from './seed.factors';

export interface RecordRow {
  id: string; facilityId: string; supplierId: string; country: string; periodStart: string; periodEnd: string;
}
export interface ActivityRow extends RecordRow {
  activityType: string; quantity: number; unit: string; factor: SeedFactor; kgCo2e: number; dataQuality: string;
}
export interface EnergyRow extends RecordRow {
  source: string; kwh: number; renewable: boolean; certificates: boolean; gridFactorId: string | null; locationKg: number; marketKg: number;
}
export interface WasteRow extends RecordRow { wasteType: string; hazardous: boolean; kg: number; treatment: string; factorId: string; kgCo2e: number }
export interface WaterRow extends RecordRow { withdrawalM3: number; dischargeM3: number; recycledM3: number }
export interface OutputRow extends RecordRow { productId: string | null; goodUnits: number }
export interface FootprintRow {
  id: string; productId: string; facilityId: string; supplierId: string; companyName: string; productDescription: string;
  productIds: string[]; productNameCompany: string; unit: string; kgPerUnit: number; country: string; primaryShare: number;
  facilityKg: number; facilityUnits: number; periodStart: string; periodEnd: string; boundary: string;
}

/** Records are written when their period closes. */
const closedAt = (row: { periodEnd: string }) => new Date(`${row.periodEnd}T06:00:00Z`);
const arrayLiteral = (values: string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

function recordColumns<R extends RecordRow>(): Column<R>[] {
  return [
    { name: 'id', type: 'uuid[]', value: (r) => r.id },
    { name: 'created_at', type: 'timestamptz[]', value: closedAt },
    { name: 'updated_at', type: 'timestamptz[]', value: closedAt },
    { name: 'facility_id', type: 'uuid[]', value: (r) => r.facilityId },
    { name: 'supplier_id', type: 'uuid[]', value: (r) => r.supplierId },
    { name: 'country', type: 'text[]', value: (r) => r.country },
    { name: 'period_start', type: 'date[]', value: (r) => r.periodStart },
    { name: 'period_end', type: 'date[]', value: (r) => r.periodEnd },
  ];
}

const SEEDED_AT = new Date('2025-10-01T00:00:00Z');

export const FACTOR_COLUMNS: Column<SeedFactor>[] = [
  { name: 'id', type: 'uuid[]', value: (f) => f.id },
  { name: 'created_at', type: 'timestamptz[]', value: () => SEEDED_AT },
  { name: 'updated_at', type: 'timestamptz[]', value: () => SEEDED_AT },
  { name: 'source', type: 'text[]', value: (f) => f.source },
  { name: 'activity_type', type: 'text[]', value: (f) => f.activityType },
  { name: 'region', type: 'text[]', value: (f) => f.region },
  { name: 'year', type: 'int[]', value: (f) => f.year },
  { name: 'kg_co2e_per_unit', type: 'float8[]', value: (f) => f.kgCo2ePerUnit },
  { name: 'unit', type: 'text[]', value: (f) => f.unit },
  { name: 'scope', type: 'int2[]', value: (f) => f.scope },
  { name: 'scope3_category', type: 'int2[]', value: (f) => f.scope3Category },
  { name: 'gwp_set', type: 'text[]', value: () => 'AR6' },
];

export const ACTIVITY_COLUMNS: Column<ActivityRow>[] = [
  ...recordColumns<ActivityRow>(),
  { name: 'activity_type', type: 'text[]', value: (r) => r.activityType },
  { name: 'quantity', type: 'float8[]', value: (r) => r.quantity },
  { name: 'unit', type: 'text[]', value: (r) => r.unit },
  { name: 'quantity_in_factor_unit', type: 'float8[]', value: (r) => r.quantity },
  { name: 'factor_id', type: 'uuid[]', value: (r) => r.factor.id },
  { name: 'kg_co2e', type: 'float8[]', value: (r) => r.kgCo2e },
  { name: 'scope', type: 'int2[]', value: (r) => r.factor.scope },
  { name: 'scope3_category', type: 'int2[]', value: (r) => r.factor.scope3Category },
  { name: 'data_quality', type: 'text[]', value: (r) => r.dataQuality },
];

export const ENERGY_COLUMNS: Column<EnergyRow>[] = [
  ...recordColumns<EnergyRow>(),
  { name: 'source', type: 'text[]', value: (r) => r.source },
  { name: 'kwh', type: 'float8[]', value: (r) => r.kwh },
  { name: 'renewable', type: 'bool[]', value: (r) => r.renewable },
  { name: 'certificates', type: 'bool[]', value: (r) => r.certificates },
  { name: 'grid_factor_id', type: 'uuid[]', value: (r) => r.gridFactorId },
  { name: 'scope2_location_based_kg', type: 'float8[]', value: (r) => r.locationKg },
  { name: 'scope2_market_based_kg', type: 'float8[]', value: (r) => r.marketKg },
];

export const WASTE_COLUMNS: Column<WasteRow>[] = [
  ...recordColumns<WasteRow>(),
  { name: 'waste_type', type: 'text[]', value: (r) => r.wasteType },
  { name: 'hazardous', type: 'bool[]', value: (r) => r.hazardous },
  { name: 'kg', type: 'float8[]', value: (r) => r.kg },
  { name: 'treatment', type: 'text[]', value: (r) => r.treatment },
  { name: 'factor_id', type: 'uuid[]', value: (r) => r.factorId },
  { name: 'kg_co2e', type: 'float8[]', value: (r) => r.kgCo2e },
];

export const WATER_COLUMNS: Column<WaterRow>[] = [
  ...recordColumns<WaterRow>(),
  { name: 'withdrawal_m3', type: 'float8[]', value: (r) => r.withdrawalM3 },
  { name: 'discharge_m3', type: 'float8[]', value: (r) => r.dischargeM3 },
  { name: 'recycled_m3', type: 'float8[]', value: (r) => r.recycledM3 },
];

export const OUTPUT_COLUMNS: Column<OutputRow>[] = [
  ...recordColumns<OutputRow>(),
  { name: 'product_id', type: 'uuid[]', value: (r) => r.productId },
  { name: 'good_units', type: 'float8[]', value: (r) => r.goodUnits },
];

export const FOOTPRINT_COLUMNS: Column<FootprintRow>[] = [
  { name: 'id', type: 'uuid[]', value: (r) => r.id },
  { name: 'created_at', type: 'timestamptz[]', value: closedAt },
  { name: 'updated_at', type: 'timestamptz[]', value: closedAt },
  { name: 'product_id', type: 'uuid[]', value: (r) => r.productId },
  { name: 'facility_id', type: 'uuid[]', value: (r) => r.facilityId },
  { name: 'supplier_id', type: 'uuid[]', value: (r) => r.supplierId },
  { name: 'version', type: 'int[]', value: () => 1 },
  { name: 'status', type: 'text[]', value: () => 'ACTIVE' },
  { name: 'company_name', type: 'text[]', value: (r) => r.companyName },
  { name: 'company_ids', type: 'text[]', value: (r) => arrayLiteral([`urn:cmgraph:supplier:${r.supplierId}`]), cast: 'text[]' },
  { name: 'product_description', type: 'text[]', value: (r) => r.productDescription },
  { name: 'product_ids', type: 'text[]', value: (r) => arrayLiteral(r.productIds), cast: 'text[]' },
  { name: 'product_name_company', type: 'text[]', value: (r) => r.productNameCompany },
  { name: 'declared_unit_of_measurement', type: 'text[]', value: (r) => r.unit },
  { name: 'declared_unit_amount', type: 'float8[]', value: () => 1 },
  { name: 'pcf_excluding_biogenic_uptake', type: 'float8[]', value: (r) => r.kgPerUnit },
  { name: 'reference_period_start', type: 'date[]', value: (r) => r.periodStart },
  { name: 'reference_period_end', type: 'date[]', value: (r) => r.periodEnd },
  { name: 'geography_country', type: 'text[]', value: (r) => r.country },
  { name: 'boundary_processes_description', type: 'text[]', value: (r) => r.boundary },
  { name: 'primary_data_share', type: 'float8[]', value: (r) => r.primaryShare },
  { name: 'exempted_emissions_percent', type: 'float8[]', value: () => 0 },
  { name: 'facility_kg_co2e', type: 'float8[]', value: (r) => r.facilityKg },
  { name: 'facility_good_units', type: 'float8[]', value: (r) => r.facilityUnits },
];
