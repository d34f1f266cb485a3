// Parties for the report tests, with suppliers played by a stub: these tests need only supplier and
// facility ids that orders' reference checks accept, and they must not depend on the composition of
// every subgraph that contributes to the suppliers' entities (the scorecard's @external fields).
import { newId } from '@cmgraph/platform';
import type { EntitiesStub, Stack } from '@cmgraph/testkit';
import { mutate, type Parties } from './fixtures';

let serial = 0;

/** A supplier known to the stub with `facilities` facilities, a warehouse and `products` products (inventory). */
export async function stubParties(stack: Stack, suppliers: EntitiesStub, products = 2, facilities = 1): Promise<Parties & { facilityIds: string[] }> {
  const n = ++serial;
  const supplierId = newId();
  const facilityIds = Array.from({ length: facilities }, () => newId());
  for (const id of [supplierId, ...facilityIds]) suppliers.known.add(id);
  const { createLocation } = await mutate(stack, `mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }`, {
    code: `RPT-DC-${n}`, name: `Report warehouse ${n}`, type: 'WAREHOUSE', country: 'US',
  });
  const productIds: string[] = [];
  for (let i = 0; i < products; i++) {
    const { createProduct } = await mutate(stack, `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`, {
      sku: `RPT-${n}-${i}`, name: `Report part ${n}-${i}`, uom: 'EA', tracking: 'LOT',
    });
    productIds.push(createProduct.id);
  }
  return { supplierId, facilityId: facilityIds[0]!, facilityIds, locationId: createLocation.id, productIds };
}

/** Pins an order's sentAt / acknowledgedAt (the mutations stamp "now"; a fixture needs known times). */
export async function pinOrderTimes(stack: Stack, orderId: string, sentAt: string, acknowledgedAt: string | null): Promise<void> {
  await stack.subgraphs.orders!.server.orm.em.getConnection().execute(
    'update purchase_order set sent_at = ?, acknowledged_at = ? where id = ?', [sentAt, acknowledgedAt, orderId],
  );
}
