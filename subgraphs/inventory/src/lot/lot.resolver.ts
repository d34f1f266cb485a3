// Lot queries, status changes, and a lot's product and supplier.
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { addDays, AppError, connectionOf, maybeLoad, mustLoad, PageArgs, paginate, requireId, today } from '@cmgraph/platform';
import type { Context } from '../context';
import { Lot } from './lot.entity';
import { LotFilter, RegisterLotInput, SetLotStatusInput } from './lot.input';
import { canMoveLot } from './lot.rules';
import { Supplier } from './supplier.reference';
import { Product } from '../product/product.entity';

export const LotConnection = connectionOf(Lot);

@Resolver(() => Lot)
export class LotResolver {
  @Query(() => Lot, { nullable: true })
  lot(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Lot | null> {
    return maybeLoad(ctx.loaders.lot, id);
  }

  @Query(() => LotConnection)
  lots(
    @Arg('filter', () => LotFilter, { nullable: true }) filter: LotFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return paginate(ctx.em, Lot, lotWhere(filter ?? {}), page);
  }

  @Mutation(() => Lot, { description: 'Registers a lot made outside a goods receipt (a work order\'s output); AVAILABLE, no stock yet.' })
  async registerLot(@Arg('input') input: RegisterLotInput, @Ctx() ctx: Context): Promise<Lot> {
    const product = await mustLoad(ctx.loaders.product, 'Product', input.productId, 'productId');
    if (input.supplierId) await ctx.references.requireExisting('Supplier', [{ id: input.supplierId, field: 'supplierId' }]);
    if (input.expiresOn && input.manufacturedOn && input.expiresOn < input.manufacturedOn) {
      throw AppError.badInput('expiresOn', 'must not be before manufacturedOn');
    }
    if (await ctx.em.count(Lot, { product, lotNumber: input.lotNumber })) {
      throw AppError.badInput('lotNumber', `lot ${input.lotNumber} already exists for this product`);
    }
    const lot = ctx.em.create(Lot, {
      product, lotNumber: input.lotNumber, supplierId: input.supplierId ?? null,
      manufacturedOn: input.manufacturedOn ?? null, expiresOn: input.expiresOn ?? null,
    });
    await ctx.em.persist(lot).flush();
    return lot;
  }

  @Mutation(() => Lot)
  async setLotStatus(@Arg('input') input: SetLotStatusInput, @Ctx() ctx: Context): Promise<Lot> {
    const lot = await mustLoad(ctx.loaders.lot, 'Lot', input.lotId, 'lotId');
    if (!canMoveLot(lot.status, input.status)) {
      throw AppError.conflict(`a ${lot.status} lot cannot become ${input.status}`, { field: 'status' });
    }
    if (lot.status === input.status) return lot;
    lot.status = input.status;
    lot.statusReason = input.reason;
    await ctx.em.flush();
    return lot;
  }

  @FieldResolver(() => Product)
  product(@Root() lot: Lot, @Ctx() ctx: Context): Promise<Product | null> {
    return ctx.loaders.product.load(lot.product.id);
  }

  @FieldResolver(() => Supplier, { nullable: true, description: 'The supplier (owned by suppliers) that made the lot.' })
  supplier(@Root() lot: Lot): Supplier | null {
    return lot.supplierId ? { id: lot.supplierId } : null;
  }
}

function lotWhere(filter: LotFilter): FilterQuery<Lot> {
  const where: FilterQuery<Lot>[] = [];
  if (filter.productId) where.push({ product: requireId(filter.productId, 'filter.productId') });
  if (filter.statuses?.length) where.push({ status: { $in: filter.statuses } });
  if (filter.expiringWithinDays !== undefined && filter.expiringWithinDays !== null) {
    where.push({ expiresOn: { $gte: today(), $lte: addDays(today(), filter.expiringWithinDays) } });
  }
  return { $and: where };
}
