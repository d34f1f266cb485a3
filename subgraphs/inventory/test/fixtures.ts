// Small builders for inventory tests: products, locations and movements through the gateway.
import type { Stack } from '@cmgraph/testkit';

let serial = 0;

export async function createProduct(stack: Stack, input: Record<string, unknown> = {}): Promise<{ id: string; sku: string }> {
  serial++;
  const result = await stack.gateway(`mutation($input: CreateProductInput!) { createProduct(input: $input) { id sku } }`, {
    input: { sku: `P-${serial}`, name: `Product ${serial}`, uom: 'EA', tracking: 'NONE', ...input },
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data.createProduct;
}

export async function createLocation(stack: Stack, input: Record<string, unknown> = {}): Promise<{ id: string }> {
  serial++;
  const result = await stack.gateway(`mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }`, {
    input: { code: `LOC-${serial}`, name: `Location ${serial}`, type: 'WAREHOUSE', country: 'US', ...input },
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data.createLocation;
}

export const RECORD_MOVEMENT = `mutation($input: RecordStockMovementInput!) {
  recordStockMovement(input: $input) { id type quantity fromLocation { id } toLocation { id } }
}`;

/** Records a movement and fails the test on an error. */
export async function move(stack: Stack, input: Record<string, unknown>): Promise<{ id: string }> {
  const result = await stack.gateway(RECORD_MOVEMENT, { input });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data.recordStockMovement;
}

export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString();
}
