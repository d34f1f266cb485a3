// A shipment line's relations: the PO line it ships against, its product, package and shipment.
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { ShipmentLine } from './shipment-line.entity';
import { ShipmentPackage } from './shipment-package.entity';
import { Shipment } from './shipment.entity';
import { PurchaseOrderLine } from '../purchase-order/purchase-order-line.entity';
import { Product, stub } from '../references/external.reference';

@Resolver(() => ShipmentLine)
export class ShipmentLineResolver {
  @FieldResolver(() => PurchaseOrderLine)
  async purchaseOrderLine(@Root() line: ShipmentLine, @Ctx() ctx: Context): Promise<PurchaseOrderLine> {
    return (await ctx.loaders.purchaseOrderLine.load(line.purchaseOrderLine.id))!;
  }

  @FieldResolver(() => Product)
  product(@Root() line: ShipmentLine): Product {
    return stub(line.productId);
  }

  @FieldResolver(() => ShipmentPackage, { nullable: true })
  package(@Root() line: ShipmentLine, @Ctx() ctx: Context): Promise<ShipmentPackage | null> | null {
    return line.package ? ctx.loaders.shipmentPackage.load(line.package.id) : null;
  }

  @FieldResolver(() => Shipment)
  async shipment(@Root() line: ShipmentLine, @Ctx() ctx: Context): Promise<Shipment> {
    return (await ctx.loaders.shipment.load(line.shipment.id))!;
  }
}
