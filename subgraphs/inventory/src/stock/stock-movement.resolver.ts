// The stock ledger: recording hand-made movements (with their events, in one transaction), listing
// movements, and their relations.
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { connectionOf, PageArgs, paginate, recordEvent, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Product } from '../product/product.entity';
import { Location } from '../location/location.entity';
import { Lot } from '../lot/lot.entity';
import { StockMovement } from './stock-movement.entity';
import { RecordStockMovementInput, StockMovementFilter } from './stock.input';
import { manualDraft } from './stock-movement.draft';
import { bookMovements } from './stock.ledger';
import { relatedOrForbidden } from '../access';

export const StockMovementConnection = connectionOf(StockMovement);

@Resolver(() => StockMovement)
export class StockMovementResolver {
  @Query(() => StockMovementConnection, { description: 'The ledger, oldest booking first. For a partner: the movements of its own lots.' })
  stockMovements(
    @Arg('filter', () => StockMovementFilter, { nullable: true }) filter: StockMovementFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return paginate(ctx.em, StockMovement, movementWhere(filter ?? {}), page);
  }

  @Authorized('PLANNER')
  @Mutation(() => StockMovement, {
    description: 'Books an ISSUE, TRANSFER or ADJUST and updates stock levels in the same transaction. ' +
      'Taking more than is on hand fails with INSUFFICIENT_STOCK.',
  })
  async recordStockMovement(@Arg('input') input: RecordStockMovementInput, @Ctx() ctx: Context): Promise<StockMovement> {
    const draft = await manualDraft(input, ctx);
    const [movement] = await ctx.em.transactional(async (em) => {
      const booking = await bookMovements(em, [draft]);
      await recordEvent(em, ...booking.events);
      return booking.movements;
    });
    return movement!;
  }

  @FieldResolver(() => Product)
  product(@Root() movement: StockMovement, @Ctx() ctx: Context): Promise<Product | null> {
    return ctx.loaders.product.load(movement.product.id);
  }

  @FieldResolver(() => Lot, { nullable: true })
  lot(@Root() movement: StockMovement, @Ctx() ctx: Context): Promise<Lot | null> | null {
    return movement.lot ? ctx.loaders.lot.load(movement.lot.id) : null;
  }

  @FieldResolver(() => Location, { nullable: true, description: "Null when the type has none; null with FORBIDDEN for a partner when it is another CM's plant." })
  fromLocation(@Root() movement: StockMovement, @Ctx() ctx: Context): Promise<Location | null> | null {
    const id = movement.fromLocation?.id;
    return id ? relatedOrForbidden(ctx.identity, ctx.loaders.location.load(id), 'Location', id) : null;
  }

  @FieldResolver(() => Location, { nullable: true, description: "Null when the type has none; null with FORBIDDEN for a partner when it is another CM's plant." })
  toLocation(@Root() movement: StockMovement, @Ctx() ctx: Context): Promise<Location | null> | null {
    const id = movement.toLocation?.id;
    return id ? relatedOrForbidden(ctx.identity, ctx.loaders.location.load(id), 'Location', id) : null;
  }
}

function movementWhere(filter: StockMovementFilter): FilterQuery<StockMovement> {
  const where: FilterQuery<StockMovement>[] = [];
  if (filter.productId) where.push({ product: requireId(filter.productId, 'filter.productId') });
  if (filter.lotId) where.push({ lot: requireId(filter.lotId, 'filter.lotId') });
  if (filter.locationId) {
    const location = requireId(filter.locationId, 'filter.locationId');
    where.push({ $or: [{ fromLocation: location }, { toLocation: location }] });
  }
  if (filter.types?.length) where.push({ type: { $in: filter.types } });
  if (filter.occurredFrom) where.push({ occurredAt: { $gte: filter.occurredFrom } });
  if (filter.occurredBefore) where.push({ occurredAt: { $lt: filter.occurredBefore } });
  return { $and: where };
}
