// Facility queries and mutations; a facility's supplier.
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { connectionOf, maybeLoad, mustLoad, PageArgs, paginate, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Facility } from './facility.entity';
import { AddFacilityInput, FacilityFilter } from './facility.input';
import { Supplier } from '../supplier/supplier.entity';

export const FacilityConnection = connectionOf(Facility);

@Resolver(() => Facility)
export class FacilityResolver {
  @Query(() => Facility, { nullable: true })
  facility(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Facility | null> {
    return maybeLoad(ctx.loaders.facility, id);
  }

  @Query(() => FacilityConnection)
  facilities(
    @Arg('filter', () => FacilityFilter, { nullable: true }) filter: FacilityFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return paginate(ctx.em, Facility, facilityWhere(filter ?? {}), page);
  }

  @Authorized('BUYER')
  @Mutation(() => Facility)
  async addFacility(@Arg('input') input: AddFacilityInput, @Ctx() ctx: Context): Promise<Facility> {
    const supplier = await mustLoad(ctx.loaders.supplier, 'Supplier', input.supplierId, 'supplierId');
    const { supplierId: _, ...fields } = input;
    const facility = ctx.em.create(Facility, { ...fields, country: input.country.toUpperCase(), supplier });
    await ctx.em.persist(facility).flush();
    return facility;
  }

  @FieldResolver(() => Supplier)
  supplier(@Root() facility: Facility, @Ctx() ctx: Context): Promise<Supplier | null> {
    return ctx.loaders.supplier.load(facility.supplier.id);
  }
}

function facilityWhere(filter: FacilityFilter): FilterQuery<Facility> {
  const where: FilterQuery<Facility>[] = [];
  if (filter.supplierId) where.push({ supplier: requireId(filter.supplierId, 'filter.supplierId') });
  if (filter.nearshore !== undefined && filter.nearshore !== null) where.push({ nearshore: filter.nearshore });
  if (filter.region) where.push({ region: filter.region });
  if (filter.capability) where.push({ capabilities: { $contains: [filter.capability] } });
  return { $and: where };
}
