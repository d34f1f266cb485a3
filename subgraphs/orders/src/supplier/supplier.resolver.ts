// What this subgraph contributes to Supplier: its purchase orders and its delivery performance.
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Max, Min } from 'class-validator';
import { AppError, isId, PageArgs, type Page } from '@cmgraph/platform';
import type { Context } from '../context';
import { Supplier } from './supplier.reference';
import { DeliveryPerformance, performanceFromTotals } from './delivery-performance';
import { PurchaseOrderConnection } from '../purchase-order/purchase-order.resolver';
import { SupplierPurchaseOrderFilter } from '../purchase-order/purchase-order.input';
import type { PurchaseOrder } from '../purchase-order/purchase-order.entity';

@ArgsType()
class PeriodArgs {
  @Field(() => LocalDateResolver, { description: 'First day of the period (promised dates), inclusive.' })
  from!: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the period, inclusive.' })
  to!: string;
}

@ArgsType()
class PerformanceArgs extends PeriodArgs {
  @Field(() => Int, { defaultValue: 3, description: 'Days before the promised date a completing delivery still counts as on time.' })
  @Min(0)
  @Max(365)
  daysEarly: number = 3;

  @Field(() => Int, { defaultValue: 0, description: 'Days after the promised date a completing delivery still counts as on time.' })
  @Min(0)
  @Max(365)
  daysLate: number = 0;
}

@Resolver(() => Supplier)
export class SupplierContributionResolver {
  @FieldResolver(() => PurchaseOrderConnection, { description: "The supplier's purchase orders, oldest first." })
  async purchaseOrders(
    @Root() supplier: Supplier,
    @Arg('filter', () => SupplierPurchaseOrderFilter, { nullable: true }) filter: SupplierPurchaseOrderFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<PurchaseOrder>> {
    const key = { supplierId: supplier.id, filter: { ...filter }, page };
    // A malformed id cannot have orders here; asking PostgreSQL would only fail the uuid cast.
    if (!isId(supplier.id)) {
      return { nodes: [], edges: [], pageInfo: { hasNextPage: false, endCursor: null }, countTotal: async () => 0 };
    }
    const found = await ctx.loaders.supplierOrderPage.load(key);
    return { ...found, countTotal: () => ctx.loaders.supplierOrderCount.load(key) };
  }

  @FieldResolver(() => DeliveryPerformance, {
    description: 'OTIF and fill rate over the lines promised in [from, to]; see DeliveryPerformance for the definitions.',
  })
  deliveryPerformance(@Root() supplier: Supplier, @Args() args: PerformanceArgs, @Ctx() ctx: Context): Promise<DeliveryPerformance> {
    return performance(supplier, args, ctx);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'deliveryPerformance(from, to).onTimeInFullRate with the default window (3 days early, 0 late).' })
  async onTimeInFullRate(@Root() supplier: Supplier, @Args() period: PeriodArgs, @Ctx() ctx: Context): Promise<number | null> {
    return (await performance(supplier, { ...period, daysEarly: 3, daysLate: 0 }, ctx)).onTimeInFullRate;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'deliveryPerformance(from, to).fillRate.' })
  async fillRate(@Root() supplier: Supplier, @Args() period: PeriodArgs, @Ctx() ctx: Context): Promise<number | null> {
    return (await performance(supplier, { ...period, daysEarly: 3, daysLate: 0 }, ctx)).fillRate;
  }
}

async function performance(supplier: Supplier, args: PerformanceArgs, ctx: Context): Promise<DeliveryPerformance> {
  if (args.to < args.from) throw AppError.badInput('to', 'must not be before from');
  // A malformed id cannot have orders here; asking PostgreSQL would only fail the uuid cast.
  if (!isId(supplier.id)) return performanceFromTotals({ linesDue: 0, linesOnTimeInFull: 0, quantityOrdered: 0, quantityDelivered: 0 });
  return ctx.loaders.deliveryPerformance.load({ supplierId: supplier.id, from: args.from, to: args.to, daysEarly: args.daysEarly, daysLate: args.daysLate });
}
