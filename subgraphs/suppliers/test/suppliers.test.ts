import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '@cmgraph/testkit';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(['suppliers']);
});
afterAll(async () => stack?.stop());

describe('suppliers subgraph', () => {
  it('creates a supplier and lists it through the gateway', async () => {
    const created = await stack.gateway(
      `mutation { createSupplier(input: { code: "CM-0001", name: "Acme Assembly", type: CM, country: "mx" }) { id code country status } }`,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createSupplier).toMatchObject({ code: 'CM-0001', country: 'MX', status: 'PROSPECT' });
    const listed = await stack.gateway(`{ suppliers(first: 10) { totalCount nodes { code } pageInfo { hasNextPage } } }`);
    expect(listed.data.suppliers).toEqual({ totalCount: 1, nodes: [{ code: 'CM-0001' }], pageInfo: { hasNextPage: false } });
  });

  it('rejects a malformed country with a coded error naming the field', async () => {
    const result = await stack.gateway(
      `mutation { createSupplier(input: { code: "CM-0002", name: "X", type: CM, country: "Mexico" }) { id } }`,
    );
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'country' } });
  });
});
