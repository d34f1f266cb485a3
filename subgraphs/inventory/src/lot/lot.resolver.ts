// Lot queries, registration and status changes (each one transaction with its event), and a lot's
// product and supplier.
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  addDays, AppError, connectionOf, maybeLoad, mustLoad, PageArgs, paginate, partnerScope, recordEvent, requireId, requireOwnSupplier, today,
} from '@cmgraph/platform';
import type { Context } from '../context';
import { Lot } from './lot.entity';
import { LotFilter, RegisterLotInput, SetLotStatusInput } from './lot.input';
import { changeLotStatus, lockLot } from './lot.status';
import { lotRegistered } from './lot.events';
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

  @Authorized('PLANNER', 'QUALITY', 'PARTNER')
  @Mutation(() => Lot, {
    description: 'Registers a lot made outside a goods receipt (a work order\'s output); AVAILABLE, no stock yet. ' +
      'A partner registers lots of its own supplier only (the default supplier for it).',
  })
  async registerLot(@Arg('input') input: RegisterLotInput, @Ctx() ctx: Context): Promise<Lot> {
    // A partner registers the lots it makes: for its own supplier (the default), never another's.
    const supplierId = input.supplierId ?? partnerScope(ctx.identity);
    requireOwnSupplier(ctx.identity, supplierId, 'supplierId');
    const product = await mustLoad(ctx.loaders.product, 'Product', input.productId, 'productId');
    if (supplierId) await ctx.references.requireExisting('Supplier', [{ id: supplierId, field: 'supplierId' }]);
    if (input.expiresOn && input.manufacturedOn && input.expiresOn < input.manufacturedOn) {
      throw AppError.badInput('expiresOn', 'must not be before manufacturedOn');
    }
    const taken = () => AppError.badInput('lotNumber', `lot ${input.lotNumber} already exists for this product`);
    try {
      return await ctx.em.transactional(async (em) => {
        if (await em.count(Lot, { product, lotNumber: input.lotNumber })) throw taken();
        const lot = em.create(Lot, {
          product, lotNumber: input.lotNumber, supplierId: supplierId ?? null,
          manufacturedOn: input.manufacturedOn ?? null, expiresOn: input.expiresOn ?? null,
        });
        em.persist(lot);
        await recordEvent(em, lotRegistered(lot, 'REGISTERED'));
        return lot;
      });
    } catch (error) {
      // Two concurrent registrations both pass the count; the unique index decides.
      if (error instanceof UniqueConstraintViolationException) throw taken();
      throw error;
    }
  }

  @Authorized('QUALITY')
  @Mutation(() => Lot, { description: 'Moves a lot along its lifecycle (see LotStatus); its current status again is a no-op.' })
  async setLotStatus(@Arg('input') input: SetLotStatusInput, @Ctx() ctx: Context): Promise<Lot> {
    const lotId = requireId(input.lotId, 'lotId');
    return ctx.em.transactional(async (em) => {
      const lot = await lockLot(em, { id: lotId });
      if (!lot) throw AppError.notFound('Lot', lotId, 'lotId');
      const event = changeLotStatus(lot, input.status, input.reason);
      if (event) await recordEvent(em, event);
      return lot;
    });
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
