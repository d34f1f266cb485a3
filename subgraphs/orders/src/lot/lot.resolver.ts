// `Lot.shipmentLines`: every ASN line that shipped this lot (same product, same lot number) — the last
// hop of forward genealogy, from a lot to the shipments that contain it.
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Lot } from './lot.reference';
import { ShipmentLine } from '../shipment/shipment-line.entity';

@Resolver(() => Lot)
export class LotShipmentResolver {
  @Directive('@requires(fields: "lotNumber product { id }")')
  @FieldResolver(() => [ShipmentLine], { description: 'ASN lines that shipped this lot, oldest first.' })
  shipmentLines(@Root() lot: Lot, @Ctx() ctx: Context): Promise<ShipmentLine[]> | ShipmentLine[] {
    if (!lot.lotNumber || !lot.product?.id) return [];
    return ctx.loaders.shipmentLinesByLot.load(`${lot.product.id}|${lot.lotNumber}`);
  }
}
