// Emission factor queries and the mutation that adds one.
import { Arg, Args, Ctx, Mutation, Query, Resolver, Authorized } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { AppError, connectionOf, PageArgs, paginate, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { EmissionFactor } from './emission-factor.entity';
import { CreateEmissionFactorInput, EmissionFactorFilter } from './emission-factor.input';
import { dimensionOf } from '../units';

export const EmissionFactorConnection = connectionOf(EmissionFactor);

@Resolver(() => EmissionFactor)
export class EmissionFactorResolver {
  @Query(() => EmissionFactorConnection)
  emissionFactors(
    @Arg('filter', () => EmissionFactorFilter, { nullable: true }) filter: EmissionFactorFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return paginate(ctx.em, EmissionFactor, factorWhere(filter ?? {}), page);
  }

  @Authorized('SUSTAINABILITY')
  @Mutation(() => EmissionFactor, { description: 'Adds a factor; one per activity type, region and year.' })
  createEmissionFactor(@Arg('input') input: CreateEmissionFactorInput, @Ctx() ctx: Context): Promise<EmissionFactor> {
    dimensionOf(input.unit, 'unit');
    if (input.scope === 3 && !input.scope3Category) throw AppError.badInput('scope3Category', 'a scope 3 factor needs its category (1–15)');
    if (input.scope !== 3 && input.scope3Category) throw AppError.badInput('scope3Category', 'only scope 3 factors have a category');
    return ctx.em.transactional(async (em) => {
      const taken = await em.count(EmissionFactor, { activityType: input.activityType, region: input.region, year: input.year });
      if (taken) {
        throw AppError.conflict(`a ${input.activityType} factor for ${input.region} in ${input.year} exists already`, { field: 'activityType' });
      }
      const factor = em.create(EmissionFactor, { ...input, scope3Category: input.scope3Category ?? null });
      em.persist(factor);
      return factor;
    });
  }
}

function factorWhere(filter: EmissionFactorFilter): FilterQuery<EmissionFactor> {
  const where: FilterQuery<EmissionFactor>[] = [];
  if (filter.activityType) where.push({ activityType: filter.activityType });
  if (filter.region) where.push({ region: filter.region.toUpperCase() });
  if (filter.year) where.push({ year: filter.year });
  if (filter.source) where.push({ source: filter.source });
  if (filter.ids?.length) where.push({ id: { $in: filter.ids.map((id, i) => requireId(id, `filter.ids[${i}]`)) } });
  return { $and: where };
}
