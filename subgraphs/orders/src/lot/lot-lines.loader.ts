// Shipment lines by (product, lot number), for many lots in one statement.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ShipmentLine } from '../shipment/shipment-line.entity';

/** Keys are `<productId>|<lotNumber>`. */
export function shipmentLinesByLotLoader(em: EntityManager): DataLoader<string, ShipmentLine[]> {
  return new DataLoader<string, ShipmentLine[]>(async (keys) => {
    const pairs = keys.map((key) => {
      const bar = key.indexOf('|');
      return { productId: key.slice(0, bar), lotNumber: key.slice(bar + 1) };
    });
    const rows = await em.find(ShipmentLine, { $or: pairs }, { orderBy: { id: 'asc' } });
    const groups = new Map<string, ShipmentLine[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(`${row.productId}|${row.lotNumber}`)?.push(row);
    return keys.map((key) => groups.get(key)!);
  });
}
