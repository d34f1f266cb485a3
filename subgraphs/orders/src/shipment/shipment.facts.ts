// What a shipment's events need to know beyond the shipment row, read inside the mutation's
// transaction: its lines, the orders they ship against, and the days those lines were promised for.
import type { EntityManager } from '@mikro-orm/postgresql';
import { PurchaseOrderLine } from '../purchase-order/purchase-order-line.entity';
import { ShipmentLine } from './shipment-line.entity';
import type { Shipment } from './shipment.entity';
import { promiseOf, type LinePromise } from './shipment.lateness';

export function shipmentLinesOf(em: EntityManager, shipment: Shipment): Promise<ShipmentLine[]> {
  return em.find(ShipmentLine, { shipment }, { orderBy: { id: 'asc' } });
}

/** The distinct orders a shipment's lines ship against, in a stable order. */
export function purchaseOrderIdsOf(lines: readonly { purchaseOrder: { id: string } }[]): string[] {
  return [...new Set(lines.map((line) => line.purchaseOrder.id))].sort();
}

/** The promises of the PO lines shipped (read without a lock: only lateness is judged from them). */
export async function promisesOf(em: EntityManager, lines: readonly ShipmentLine[]): Promise<LinePromise[]> {
  const ids = [...new Set(lines.map((line) => line.purchaseOrderLine.id))];
  if (!ids.length) return [];
  const poLines = await em.find(PurchaseOrderLine, { id: { $in: ids } });
  return poLines.map(promiseOf);
}
