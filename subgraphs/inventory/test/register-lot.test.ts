// Lots made outside a goods receipt (a work order's output at a CM) are registered in inventory.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';

let stack: Stack;
let productId: string;
let supplierId: string;
beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory']);
  productId = dataOf(await stack.gateway(`mutation { createProduct(input: { sku: "FG-1", name: "Finished", uom: EA, tracking: LOT }) { id } }`)).createProduct.id;
  supplierId = dataOf(await stack.gateway(`mutation { createSupplier(input: { code: "CM-0009", name: "CM", type: CM, country: "MX" }) { id } }`)).createSupplier.id;
});
afterAll(async () => stack?.stop());

const register = (input: Record<string, unknown>) =>
  stack.gateway(`mutation($input: RegisterLotInput!) { registerLot(input: $input) { lotNumber status supplier { id } product { sku } } }`, { input });

describe('registerLot', () => {
  it('registers an AVAILABLE lot of a product made by a supplier', async () => {
    const { registerLot } = dataOf(await register({ productId, lotNumber: 'FG-0001', supplierId, manufacturedOn: '2026-03-01' }));
    expect(registerLot).toEqual({ lotNumber: 'FG-0001', status: 'AVAILABLE', supplier: { id: supplierId }, product: { sku: 'FG-1' } });
  });

  it('refuses a lot number the product already has, an unknown supplier and an unknown product, naming the field', async () => {
    expect((await register({ productId, lotNumber: 'FG-0001' })).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'lotNumber' } });
    expect((await register({ productId, lotNumber: 'FG-0002', supplierId: productId })).errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'supplierId' } });
    expect((await register({ productId: supplierId, lotNumber: 'FG-0003' })).errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'productId' } });
    const lots = dataOf(await stack.gateway(`{ lots { totalCount } }`));
    expect(lots.lots.totalCount).toBe(1);
  });
});
