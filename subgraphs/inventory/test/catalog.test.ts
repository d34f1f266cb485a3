// Products and locations: creation, validation and lookup through the gateway.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newId } from '@cmgraph/platform';
import { startEntitiesStub, startStack, type EntitiesStub, type Stack } from '@cmgraph/testkit';



let stack: Stack;
let suppliers: EntitiesStub;
beforeAll(async () => {
  suppliers = await startEntitiesStub();
  stack = await startStack(['inventory'], { peers: { suppliers: suppliers.url } });
});
afterAll(async () => {
  await stack?.stop();
  await suppliers?.close();
});

const CREATE_PRODUCT = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id sku gtin name uom tracking } }`;

describe('products', () => {
  it('creates a product and finds it by id, by sku and in the filtered list', async () => {
    const created = await stack.gateway(CREATE_PRODUCT, {
      input: { sku: 'HSG-100', gtin: '4006381333931', name: 'Aluminium housing', uom: 'EA', tracking: 'LOT' },
    });
    expect(created.errors).toBeUndefined();
    const product = created.data.createProduct;
    expect(product).toMatchObject({ sku: 'HSG-100', gtin: '4006381333931', uom: 'EA', tracking: 'LOT' });

    const found = await stack.gateway(`query($id: ID!) { product(id: $id) { sku } productBySku(sku: "HSG-100") { id } }`, { id: product.id });
    expect(found.data).toEqual({ product: { sku: 'HSG-100' }, productBySku: { id: product.id } });

    const listed = await stack.gateway(`{ products(filter: { search: "housing", tracking: LOT }) { totalCount nodes { sku } } }`);
    expect(listed.data.products).toEqual({ totalCount: 1, nodes: [{ sku: 'HSG-100' }] });
  });

  it('refuses a duplicate sku with BAD_USER_INPUT naming the sku field', async () => {
    const input = { sku: 'DUP-1', name: 'First', uom: 'KG' };
    expect((await stack.gateway(CREATE_PRODUCT, { input })).errors).toBeUndefined();
    const again = await stack.gateway(CREATE_PRODUCT, { input: { ...input, name: 'Second' } });
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'sku' } });
  });

  it('refuses a GTIN whose GS1 check digit is wrong', async () => {
    const result = await stack.gateway(CREATE_PRODUCT, { input: { sku: 'GTIN-BAD', gtin: '4006381333932', name: 'X', uom: 'EA' } });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'gtin' } });
    const none = await stack.gateway(`{ productBySku(sku: "GTIN-BAD") { id } }`);
    expect(none.data.productBySku).toBeNull();
  });

  it('accepts GTIN-8, GTIN-12 and GTIN-14 with valid check digits', async () => {
    for (const [i, gtin] of ['96385074', '036000291452', '10614141000415'].entries()) {
      const result = await stack.gateway(CREATE_PRODUCT, { input: { sku: `GTIN-OK-${i}`, gtin, name: 'X', uom: 'EA' } });
      expect(result.errors).toBeUndefined();
    }
  });

  it('resolves a malformed product id to null instead of an error', async () => {
    const result = await stack.gateway(`{ product(id: "not-an-id") { id } }`);
    expect(result).toEqual({ data: { product: null } });
  });
});

describe('locations', () => {
  it('creates a location with an upper-cased country and lists it', async () => {
    const created = await stack.gateway(
      `mutation { createLocation(input: { code: "DC-01", name: "Dallas DC", type: DISTRIBUTION_CENTER, country: "us" }) { id code type country facility { id } } }`,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createLocation).toMatchObject({ code: 'DC-01', type: 'DISTRIBUTION_CENTER', country: 'US', facility: null });
    const listed = await stack.gateway(`{ locations(first: 10) { totalCount nodes { code } } }`);
    expect(listed.data.locations).toEqual({ totalCount: 1, nodes: [{ code: 'DC-01' }] });
  });

  it('refuses a duplicate location code naming the code field', async () => {
    const again = await stack.gateway(
      `mutation { createLocation(input: { code: "DC-01", name: "Other", type: WAREHOUSE, country: "DE" }) { id } }`,
    );
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'code' } });
  });

  it('refuses a country that is not an ISO alpha-2 code', async () => {
    const result = await stack.gateway(
      `mutation { createLocation(input: { code: "WH-9", name: "X", type: WAREHOUSE, country: "Germany" }) { id } }`,
    );
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'country' } });
  });

  it('links a location to a supplier facility only when suppliers knows that facility', async () => {
    const facilityId = newId();
    suppliers.known.add(facilityId);
    const CREATE = `mutation($input: CreateLocationInput!) { createLocation(input: $input) { facility { id } } }`;
    const base = { name: 'CM store', type: 'PLANT', country: 'MX' };
    const linked = await stack.gateway(CREATE, { input: { ...base, code: 'CM-STORE-1', facilityId } });
    expect(linked.data.createLocation).toEqual({ facility: { id: facilityId } });
    const unknown = await stack.gateway(CREATE, { input: { ...base, code: 'CM-STORE-2', facilityId: newId() } });
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'facilityId' } });
  });
});
