// Facts picked from a stack's seeded world (`stack.seed(...)`), for tests that act on it.
import type { Stack } from './stack';

/** The first in-transit shipment (by number) of each of `count` suppliers: partners with events to come. */
export async function inTransitShipmentsOfSuppliers(stack: Stack, count: number): Promise<{ supplier: string; shipment: string }[]> {
  const rows = await stack.subgraphs.orders!.server.orm.em.fork().execute<{ id: string; supplier_id: string }[]>(
    `select distinct on (supplier_id) id, supplier_id from shipment where status = 'IN_TRANSIT' order by supplier_id, number`,
  );
  if (rows.length < count) throw new Error(`the seeded world has in-transit shipments of ${rows.length} suppliers, not ${count}`);
  return rows.slice(0, count).map((row) => ({ supplier: row.supplier_id, shipment: row.id }));
}
