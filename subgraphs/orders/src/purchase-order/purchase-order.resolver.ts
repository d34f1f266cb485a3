// Purchase-order queries and the order's relations: its lines, shipments, supplier and ship-to location.
import { Arg, Args, Authorized, Ctx, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql';
import { connectionOf, maybeLoad, PageArgs, paginate } from '@cmgraph/platform';
import type { Context } from '../context';
import { PurchaseOrder } from './purchase-order.entity';
import { PRICE_READERS, PurchaseOrderLine } from './purchase-order-line.entity';
import { PurchaseOrderFilter } from './purchase-order.input';
import { purchaseOrderWhere } from './purchase-order.filter';
import { LineAckStatus } from './purchase-order.enums';
import { Shipment } from '../shipment/shipment.entity';
import { Supplier } from '../supplier/supplier.reference';
import { Location, stub } from '../references/external.reference';
import { roundQuantity } from '../quantity';

export const PurchaseOrderConnection = connectionOf(PurchaseOrder);

@Resolver(() => PurchaseOrder)
export class PurchaseOrderResolver {
  @Query(() => PurchaseOrder, { nullable: true })
  purchaseOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PurchaseOrder | null> {
    return maybeLoad(ctx.loaders.purchaseOrder, id);
  }

  @Query(() => PurchaseOrder, { nullable: true })
  purchaseOrderByNumber(@Arg('number') number: string, @Ctx() ctx: Context): Promise<PurchaseOrder | null> {
    return ctx.em.findOne(PurchaseOrder, { number });
  }

  @Query(() => PurchaseOrderConnection)
  purchaseOrders(
    @Arg('filter', () => PurchaseOrderFilter, { nullable: true }) filter: PurchaseOrderFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return paginate(ctx.em, PurchaseOrder, purchaseOrderWhere(filter ?? {}), page);
  }

  @FieldResolver(() => [PurchaseOrderLine], { description: 'In line-number order.' })
  lines(@Root() order: PurchaseOrder, @Ctx() ctx: Context): Promise<PurchaseOrderLine[]> {
    return ctx.loaders.linesByPurchaseOrder.load(order.id);
  }

  @FieldResolver(() => [Shipment], { description: 'Shipments with at least one line on this order, oldest first.' })
  async shipments(@Root() order: PurchaseOrder, @Ctx() ctx: Context): Promise<Shipment[]> {
    const lines = await ctx.loaders.shipmentLinesByPurchaseOrder.load(order.id);
    const ids = [...new Set(lines.map((line) => line.shipment.id))].sort();
    const shipments = await ctx.loaders.shipment.loadMany(ids);
    return shipments.filter((s): s is Shipment => s instanceof Shipment);
  }

  @Authorized(...PRICE_READERS)
  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Σ quantity × unit price over the lines not rejected, in `currency`. ' +
      'Null with FORBIDDEN for callers without BUYER, PLANNER, ANALYST or PARTNER.',
  })
  async totalAmount(@Root() order: PurchaseOrder, @Ctx() ctx: Context): Promise<number> {
    const lines = await ctx.loaders.linesByPurchaseOrder.load(order.id);
    const live = lines.filter((line) => line.ackStatus !== LineAckStatus.REJECTED);
    return Math.round(live.reduce((sum, line) => sum + roundQuantity(line.quantity * line.unitPrice), 0) * 100) / 100;
  }

  @FieldResolver(() => Supplier)
  supplier(@Root() order: PurchaseOrder): Supplier {
    return stub(order.supplierId);
  }

  @FieldResolver(() => Location)
  shipTo(@Root() order: PurchaseOrder): Location {
    return stub(order.shipToLocationId);
  }
}
