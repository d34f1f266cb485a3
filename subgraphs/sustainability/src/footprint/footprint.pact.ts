// The PACT v3 shape of a stored footprint: the GraphQL object and the exact wire JSON (where PACT
// writes decimals as strings and times as RFC 3339 UTC). Pure, so the shape is tested without a database.
import { Field, Float, ObjectType } from 'type-graphql';
import { PACT_STATUS } from './footprint.enums';
import type { ProductFootprint } from './product-footprint.entity';

export const PACT_SPEC_VERSION = '3.0.0';

@ObjectType({ description: 'PACT CarbonFootprint: the figures of a product footprint.' })
export class CarbonFootprint {
  @Field({ description: 'PACT unit name: "piece", "kilogram", "liter", "cubic meter", "square meter"…' }) declaredUnitOfMeasurement!: string;
  @Field(() => Float) declaredUnitAmount!: number;
  @Field(() => Float, { description: 'kgCO2e per declaredUnitAmount of the product, biogenic uptake excluded.' }) pCfExcludingBiogenicUptake!: number;
  @Field() referencePeriodStart!: Date;
  @Field({ description: 'Exclusive.' }) referencePeriodEnd!: Date;
  @Field() geographyCountry!: string;
  @Field() boundaryProcessesDescription!: string;
  @Field(() => Float, { nullable: true, description: 'Percent (0–100) of the footprint from primary data.' }) primaryDataShare!: number | null;
  @Field(() => Float) exemptedEmissionsPercent!: number;
  @Field(() => [String]) ipccCharacterizationFactors!: string[];
}

const midnight = (day: string) => new Date(`${day}T00:00:00Z`);

export function carbonFootprint(row: ProductFootprint): CarbonFootprint {
  return {
    declaredUnitOfMeasurement: row.declaredUnitOfMeasurement,
    declaredUnitAmount: row.declaredUnitAmount,
    pCfExcludingBiogenicUptake: row.pcfExcludingBiogenicUptake,
    referencePeriodStart: midnight(row.referencePeriodStart),
    referencePeriodEnd: midnight(row.referencePeriodEnd),
    geographyCountry: row.geographyCountry,
    boundaryProcessesDescription: row.boundaryProcessesDescription,
    primaryDataShare: row.primaryDataShare ?? null,
    exemptedEmissionsPercent: row.exemptedEmissionsPercent,
    ipccCharacterizationFactors: ['AR6'],
  };
}

/** PACT decimals are strings; six decimals keep grams of a kilogram without float noise. */
function decimal(value: number): string {
  return String(Number(value.toFixed(6)));
}

/** The footprint as PACT v3 JSON, field for field. */
export function pactFootprint(row: ProductFootprint): Record<string, unknown> {
  const pcf = carbonFootprint(row);
  return {
    id: row.id,
    specVersion: PACT_SPEC_VERSION,
    version: row.version,
    created: row.createdAt.toISOString(),
    status: PACT_STATUS[row.status],
    companyName: row.companyName,
    companyIds: row.companyIds,
    productDescription: row.productDescription,
    productIds: row.productIds,
    productNameCompany: row.productNameCompany,
    pcf: {
      declaredUnitOfMeasurement: pcf.declaredUnitOfMeasurement,
      declaredUnitAmount: decimal(pcf.declaredUnitAmount),
      pCfExcludingBiogenicUptake: decimal(pcf.pCfExcludingBiogenicUptake),
      referencePeriodStart: pcf.referencePeriodStart.toISOString().replace('.000Z', 'Z'),
      referencePeriodEnd: pcf.referencePeriodEnd.toISOString().replace('.000Z', 'Z'),
      geographyCountry: pcf.geographyCountry,
      boundaryProcessesDescription: pcf.boundaryProcessesDescription,
      ...(pcf.primaryDataShare === null ? {} : { primaryDataShare: Number(pcf.primaryDataShare.toFixed(2)) }),
      exemptedEmissionsPercent: pcf.exemptedEmissionsPercent,
      ipccCharacterizationFactors: pcf.ipccCharacterizationFactors,
    },
  };
}

/** PACT unit names for the inventory units of measure a product can be counted in; anything counted is a piece. */
const PACT_UNITS: Record<string, string> = { KG: 'kilogram', L: 'liter', M3: 'cubic meter', M2: 'square meter' };

export function pactUnit(uom: string): string {
  return PACT_UNITS[uom] ?? 'piece';
}
