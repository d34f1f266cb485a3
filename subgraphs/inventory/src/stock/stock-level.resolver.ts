// Stock levels: listing, replenishment policy, and the computed fields (available, days of supply).
import { Arg, Args, Ctx, FieldResolver, Float, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { AppError, connectionOf, mustLoad, newId, PageArgs, paginate, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Product } from '../product/product.entity';
import { Location } from '../location/location.entity';
import { StockLevel } from './stock-level.entity';
import { SetStockPolicyInput, StockLevelFilter } from './stock.input';
import { demandKey } from './demand.loader';
import { daysOfSupply, DEMAND_WINDOW_DAYS } from './stock.rules';
import { requireBrandScope } from '../access';

export const StockLevelConnection = connectionOf(StockLevel);

@Resolver(() => StockLevel)
export class StockLevelResolver {
  @Query(() => StockLevelConnection, { description: 'Brand-internal: empty for partners.' })
  stockLevels(
    @Arg('filter', () => StockLevelFilter, { nullable: true }) filter: StockLevelFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    const where: FilterQuery<StockLevel>[] = [];
    if (filter?.productId) where.push({ product: requireId(filter.productId, 'filter.productId') });
    if (filter?.locationId) where.push({ location: requireId(filter.locationId, 'filter.locationId') });
    return paginate(ctx.em, StockLevel, { $and: where }, page);
  }

  @Authorized('PLANNER', 'BUYER')
  @Mutation(() => StockLevel, { description: 'Sets safety stock and reorder point for a product at a location.' })
  async setStockPolicy(@Arg('input') input: SetStockPolicyInput, @Ctx() ctx: Context): Promise<StockLevel> {
    const product = await mustLoad(ctx.loaders.product, 'Product', input.productId, 'productId');
    const location = await mustLoad(ctx.loaders.location, 'Location', input.locationId, 'locationId');
    if (input.reorderPoint < input.safetyStock) throw AppError.badInput('reorderPoint', 'must not be below safetyStock');
    // An upsert rather than load-then-save: the ledger may create the same row concurrently. Raw SQL is
    // unscoped, which is right: only brand roles may set a policy (a partner never reaches this).
    requireBrandScope(ctx.em, 'a stock policy');
    await ctx.em.execute(
      `insert into stock_level (id, created_at, updated_at, product_id, location_id, on_hand, reserved, in_transit, safety_stock, reorder_point)
       values (?, now(), now(), ?, ?, 0, 0, 0, ?, ?)
       on conflict (product_id, location_id) do update
       set safety_stock = excluded.safety_stock, reorder_point = excluded.reorder_point, updated_at = now()`,
      [newId(), product.id, location.id, input.safetyStock, input.reorderPoint],
      'run',
    );
    return ctx.em.findOneOrFail(StockLevel, { product, location }, { refresh: true });
  }

  @FieldResolver(() => Product)
  product(@Root() level: StockLevel, @Ctx() ctx: Context): Promise<Product | null> {
    return ctx.loaders.product.load(level.product.id);
  }

  @FieldResolver(() => Location)
  location(@Root() level: StockLevel, @Ctx() ctx: Context): Promise<Location | null> {
    return ctx.loaders.location.load(level.location.id);
  }

  @FieldResolver(() => Float, { description: 'onHand − reserved.' })
  available(@Root() level: StockLevel): number {
    return level.onHand - level.reserved;
  }

  @FieldResolver(() => Boolean, { description: 'True when available stock is at or below the reorder point (and a reorder point is set).' })
  belowReorderPoint(@Root() level: StockLevel): boolean {
    return level.reorderPoint > 0 && level.onHand - level.reserved <= level.reorderPoint;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: `onHand ÷ average daily demand (ISSUE + CONSUME from this location) over the last ${DEMAND_WINDOW_DAYS} days; null without demand.`,
  })
  async daysOfSupply(@Root() level: StockLevel, @Ctx() ctx: Context): Promise<number | null> {
    const demand = await ctx.loaders.recentDemand.load(demandKey(level.product.id, level.location.id));
    return daysOfSupply(level.onHand, demand);
  }
}
