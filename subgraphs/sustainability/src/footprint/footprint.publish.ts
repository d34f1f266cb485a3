// Publishing a footprint: the facility's emissions (scopes 1, 2 market-based and 3) over the period
// divided by all its good units in the period — every unit carries the same share, whatever the
// product — stored as a new version that deprecates the product's previous one, in one transaction.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, type ReferenceChecker } from '@cmgraph/platform';
import { ProductFootprint } from './product-footprint.entity';
import { FootprintStatus } from './footprint.enums';
import { moveFootprint } from './footprint.rules';
import { pactUnit } from './footprint.pact';
import type { PublishProductFootprintInput } from './footprint.input';
import { requirePeriod } from '../period';
import { emissionsLoader } from '../kpi/emissions.query';

export const BOUNDARY =
  'Cradle-to-gate at the manufacturing facility: fuels burnt on site (scope 1), purchased electricity ' +
  '(scope 2, market-based), purchased materials, freight and waste recorded for the facility (scope 3), ' +
  'allocated to products by good units produced in the reference period.';

interface ProductFacts { name: string; sku: string; gtin: string | null; uom: string }
interface FacilityFacts { country: string; supplier: { id: string; name: string } }

export async function publishFootprint(em: EntityManager, references: ReferenceChecker, input: PublishProductFootprintInput): Promise<ProductFootprint> {
  requirePeriod(input.periodStart, input.periodEnd);
  // Facts from the owners are asked before the transaction opens: no connection waits on them.
  const [product] = await references.fetchExisting<ProductFacts>('Product', [{ id: input.productId, field: 'productId' }], 'name sku gtin uom');
  const [facility] = await references.fetchExisting<FacilityFacts>('Facility', [{ id: input.facilityId, field: 'facilityId' }], 'country supplier { id name }');
  return em.transactional(async (tx) => {
    const emissions = await emissionsLoader(tx).load({ supplierId: null, facilityId: input.facilityId, from: input.periodStart, to: input.periodEnd });
    if (!emissions.recordCount) throw AppError.badInput('periodStart', 'no emission records of the facility overlap the period');
    if (!emissions.goodUnits) throw AppError.badInput('periodStart', 'no good units of the facility were recorded in the period');
    const previous = await tx.find(ProductFootprint, { productId: input.productId }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { version: 'desc' } });
    for (const footprint of previous.filter((f) => f.status === FootprintStatus.ACTIVE)) moveFootprint(footprint, FootprintStatus.DEPRECATED);
    const footprint = tx.create(ProductFootprint, {
      productId: input.productId, facilityId: input.facilityId, supplierId: facility!.supplier.id,
      version: (previous[0]?.version ?? 0) + 1,
      companyName: facility!.supplier.name, companyIds: [`urn:cmgraph:supplier:${facility!.supplier.id}`],
      productDescription: `${product!.name} (${product!.sku})`,
      productIds: [`urn:cmgraph:product:${input.productId}`, ...(product!.gtin ? [`urn:gtin:${product!.gtin}`] : [])],
      productNameCompany: product!.name,
      declaredUnitOfMeasurement: pactUnit(product!.uom), declaredUnitAmount: 1,
      pcfExcludingBiogenicUptake: emissions.totalKgCO2e! / emissions.goodUnits,
      referencePeriodStart: input.periodStart, referencePeriodEnd: input.periodEnd, geographyCountry: facility!.country,
      boundaryProcessesDescription: BOUNDARY,
      primaryDataShare: emissions.primaryDataShare === null ? null : emissions.primaryDataShare * 100,
      exemptedEmissionsPercent: 0,
      facilityKgCo2e: emissions.totalKgCO2e!, facilityGoodUnits: emissions.goodUnits,
    });
    tx.persist(footprint);
    return footprint;
  });
}
