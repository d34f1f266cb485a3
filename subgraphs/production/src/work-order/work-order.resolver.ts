// Work-order queries and a work order's relations: product, line, facility, PO line, BOM, outputs, consumption.
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { connectionOf, maybeLoad, PageArgs, paginate, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { WorkOrder } from './work-order.entity';
import { WorkOrderOutput } from './work-order-output.entity';
import { MaterialConsumption } from './material-consumption.entity';
import { WorkOrderFilter } from './work-order.input';
import { Line } from '../line/line.entity';
import { BillOfMaterials } from '../bom/bill-of-materials.entity';
import { BOM_READERS, BOM_RULE } from '../bom/bill-of-materials.access';
import { Facility, Location, Lot, Product, PurchaseOrderLine, stub } from '../references/external.reference';

export const WorkOrderConnection = connectionOf(WorkOrder);

@Resolver(() => WorkOrder)
export class WorkOrderResolver {
  @Query(() => WorkOrder, { nullable: true })
  workOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WorkOrder | null> {
    return maybeLoad(ctx.loaders.workOrder, id);
  }

  @Query(() => WorkOrderConnection)
  workOrders(@Arg('filter', () => WorkOrderFilter, { nullable: true }) filter: WorkOrderFilter | null, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return paginate(ctx.em, WorkOrder, workOrderWhere(filter ?? {}), page);
  }

  @FieldResolver(() => Product)
  product(@Root() order: WorkOrder): Product {
    return stub(Product, order.productId);
  }

  @FieldResolver(() => Line)
  async line(@Root() order: WorkOrder, @Ctx() ctx: Context): Promise<Line> {
    return (await ctx.loaders.line.load(order.line.id))!;
  }

  @FieldResolver(() => Facility)
  facility(@Root() order: WorkOrder): Facility {
    return stub(Facility, order.facilityId);
  }

  @FieldResolver(() => PurchaseOrderLine, { nullable: true, description: 'The purchase order line (orders) this order fulfils.' })
  purchaseOrderLine(@Root() order: WorkOrder): PurchaseOrderLine | null {
    return order.purchaseOrderLineId ? stub(PurchaseOrderLine, order.purchaseOrderLineId) : null;
  }

  @Authorized(BOM_READERS)
  @FieldResolver(() => BillOfMaterials, { nullable: true, description: `The BOM version the order was planned with. ${BOM_RULE}` })
  billOfMaterials(@Root() order: WorkOrder, @Ctx() ctx: Context): Promise<BillOfMaterials | null> {
    return ctx.loaders.billOfMaterials.load(order.billOfMaterials.id);
  }

  @FieldResolver(() => [WorkOrderOutput], { description: 'Output reports, oldest first.' })
  outputs(@Root() order: WorkOrder, @Ctx() ctx: Context): Promise<WorkOrderOutput[]> {
    return ctx.loaders.outputsByWorkOrder.load(order.id);
  }

  @FieldResolver(() => [Lot], { description: 'The lots (inventory) the order put out, in order of first report.' })
  async outputLots(@Root() order: WorkOrder, @Ctx() ctx: Context): Promise<Lot[]> {
    const outputs = await ctx.loaders.outputsByWorkOrder.load(order.id);
    return [...new Set(outputs.map((o) => o.lotId))].map((id) => stub(Lot, id));
  }

  @FieldResolver(() => [MaterialConsumption], { description: 'Input lots consumed, oldest first.' })
  consumption(@Root() order: WorkOrder, @Ctx() ctx: Context): Promise<MaterialConsumption[]> {
    return ctx.loaders.consumptionByWorkOrder.load(order.id);
  }
}

@Resolver(() => WorkOrderOutput)
export class WorkOrderOutputResolver {
  @FieldResolver(() => Lot)
  lot(@Root() output: WorkOrderOutput): Lot {
    return stub(Lot, output.lotId);
  }

  @FieldResolver(() => WorkOrder)
  async workOrder(@Root() output: WorkOrderOutput, @Ctx() ctx: Context): Promise<WorkOrder> {
    return (await ctx.loaders.workOrder.load(output.workOrder.id))!;
  }

  @FieldResolver(() => Location, { nullable: true, description: 'The inventory location the report named; null when it named none.' })
  location(@Root() row: { locationId: string | null }): Location | null {
    return row.locationId ? stub(Location, row.locationId) : null;
  }
}

@Resolver(() => MaterialConsumption)
export class MaterialConsumptionResolver {
  @FieldResolver(() => Lot)
  lot(@Root() consumption: MaterialConsumption): Lot {
    return stub(Lot, consumption.lotId);
  }

  @FieldResolver(() => Product)
  product(@Root() consumption: MaterialConsumption): Product {
    return stub(Product, consumption.productId);
  }

  @FieldResolver(() => WorkOrder)
  async workOrder(@Root() consumption: MaterialConsumption, @Ctx() ctx: Context): Promise<WorkOrder> {
    return (await ctx.loaders.workOrder.load(consumption.workOrder.id))!;
  }

  @FieldResolver(() => Location, { nullable: true, description: 'The inventory location the report named; null when it named none.' })
  location(@Root() row: { locationId: string | null }): Location | null {
    return row.locationId ? stub(Location, row.locationId) : null;
  }
}

function workOrderWhere(filter: WorkOrderFilter): FilterQuery<WorkOrder> {
  const where: FilterQuery<WorkOrder>[] = [];
  if (filter.statuses?.length) where.push({ status: { $in: filter.statuses } });
  if (filter.facilityId) where.push({ facilityId: requireId(filter.facilityId, 'filter.facilityId') });
  if (filter.lineId) where.push({ line: requireId(filter.lineId, 'filter.lineId') });
  if (filter.productId) where.push({ productId: requireId(filter.productId, 'filter.productId') });
  if (filter.purchaseOrderLineId) where.push({ purchaseOrderLineId: requireId(filter.purchaseOrderLineId, 'filter.purchaseOrderLineId') });
  if (filter.numberPrefix) where.push({ number: { $like: `${filter.numberPrefix.replace(/[\\%_]/g, '\\$&')}%` } });
  return { $and: where };
}
