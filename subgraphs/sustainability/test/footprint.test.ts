// Publishing a product footprint: figures from the facility's records allocated by good units, the PACT
// v3 shape (GraphQL and wire JSON), versions that deprecate their predecessor, and the status rules.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '@cmgraph/testkit';
import { addFacility, createFactors, createProduct, createSupplier, FEB, JAN, ok, recordActivity, recordEnergy, recordOutput, rowCounts, STACK } from './fixtures';

let stack: Stack;
let supplierId: string;
let facilityId: string;
let productId: string;
beforeAll(async () => {
  stack = await startStack(STACK);
  await createFactors(stack);
  supplierId = await createSupplier(stack);
  facilityId = await addFacility(stack, supplierId, 'MX');
  productId = await createProduct(stack, '00614141000012');
  // 2000 kWh grid × 0.4 = 800 kg (primary) + 400 kg steel × 1.5 = 600 kg (secondary) = 1400 kg over 700 units = 2 kg each.
  await recordEnergy(stack, { facilityId, ...JAN, source: 'GRID', quantity: 2000, unit: 'kWh' });
  await recordActivity(stack, { facilityId, ...FEB, activityType: 'PURCHASED_STEEL', quantity: 400, unit: 'kg', dataQuality: 'SECONDARY' });
  await recordOutput(stack, { facilityId, ...JAN, goodUnits: 300, productId });
  await recordOutput(stack, { facilityId, ...FEB, goodUnits: 400 });
});
afterAll(async () => stack?.stop());

const PUBLISH = `mutation($input: PublishProductFootprintInput!) { publishProductFootprint(input: $input) {
  id specVersion version status companyName companyIds productIds productNameCompany productDescription kgCo2ePerUnit
  pcf { declaredUnitOfMeasurement declaredUnitAmount pCfExcludingBiogenicUptake referencePeriodStart referencePeriodEnd
        geographyCountry boundaryProcessesDescription primaryDataShare exemptedEmissionsPercent ipccCharacterizationFactors }
  pactJson created
} }`;
const publish = async () => ok(await stack.gateway(PUBLISH, { input: { productId, facilityId, periodStart: '2026-01-01', periodEnd: '2026-03-01' } })).publishProductFootprint;

describe('product footprints', () => {
  let first: any;

  it('publishes kgCO2e per unit in the PACT v3 shape', async () => {
    first = await publish();
    expect(first).toMatchObject({
      specVersion: '3.0.0', version: 1, status: 'ACTIVE', companyName: expect.stringMatching(/^Contract Maker/),
      companyIds: [`urn:cmgraph:supplier:${supplierId}`], productIds: [`urn:cmgraph:product:${productId}`, 'urn:gtin:00614141000012'],
      productNameCompany: expect.stringMatching(/^Sensor module/), kgCo2ePerUnit: 2,
      pcf: {
        declaredUnitOfMeasurement: 'piece', declaredUnitAmount: 1, pCfExcludingBiogenicUptake: 2,
        referencePeriodStart: '2026-01-01T00:00:00.000Z', referencePeriodEnd: '2026-03-01T00:00:00.000Z', geographyCountry: 'MX',
        exemptedEmissionsPercent: 0, ipccCharacterizationFactors: ['AR6'],
      },
    });
    expect(first.pcf.primaryDataShare).toBeCloseTo((800 / 1400) * 100, 10);
  });

  it('serialises the exact PACT wire format: decimals as strings, UTC times, Active status', async () => {
    const wire = JSON.parse(first.pactJson);
    expect(wire).toEqual({
      id: first.id, specVersion: '3.0.0', version: 1, created: first.created, status: 'Active',
      companyName: first.companyName, companyIds: first.companyIds, productDescription: first.productDescription,
      productIds: first.productIds, productNameCompany: first.productNameCompany,
      pcf: {
        declaredUnitOfMeasurement: 'piece', declaredUnitAmount: '1', pCfExcludingBiogenicUptake: '2',
        referencePeriodStart: '2026-01-01T00:00:00Z', referencePeriodEnd: '2026-03-01T00:00:00Z', geographyCountry: 'MX',
        boundaryProcessesDescription: first.pcf.boundaryProcessesDescription, primaryDataShare: 57.14,
        exemptedEmissionsPercent: 0, ipccCharacterizationFactors: ['AR6'],
      },
    });
  });

  it('deprecates the previous version when a new one is published; Product.footprint is the Active one', async () => {
    const second = await publish();
    expect(second).toMatchObject({ version: 2, status: 'ACTIVE' });
    const query = `query($id: ID!) { product(id: $id) { sku footprint { id version status } }
      productFootprints(filter: { productId: "${productId}" }) { nodes { version status pactJson } } }`;
    const data = ok(await stack.gateway(query, { id: productId }));
    expect(data.product.footprint).toEqual({ id: second.id, version: 2, status: 'ACTIVE' });
    expect(data.productFootprints.nodes.map((n: any) => [n.version, n.status, JSON.parse(n.pactJson).status])).toEqual([
      [1, 'DEPRECATED', 'Deprecated'], [2, 'ACTIVE', 'Active'],
    ]);
  });

  it('refuses to deprecate a deprecated footprint with CONFLICT naming status', async () => {
    const result = await stack.gateway(`mutation($id: ID!) { deprecateProductFootprint(id: $id) { id } }`, { id: first.id });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'status' } });
  });

  it('refuses a period without output or records, writing nothing', async () => {
    const before = await rowCounts(stack);
    const result = await stack.gateway(PUBLISH, { input: { productId, facilityId, periodStart: '2025-01-01', periodEnd: '2025-03-01' } });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'periodStart' } });
    expect(await rowCounts(stack)).toEqual(before);
  });
});
