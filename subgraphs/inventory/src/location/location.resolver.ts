// Location queries and creation; a location's facility (a suppliers-owned entity, by reference).
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError, connectionOf, maybeLoad, PageArgs, paginate } from '@cmgraph/platform';
import type { Context } from '../context';
import { Location } from './location.entity';
import { CreateLocationInput } from './location.input';
import { Facility } from './facility.reference';

export const LocationConnection = connectionOf(Location);

@Resolver(() => Location)
export class LocationResolver {
  @Query(() => Location, { nullable: true })
  location(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Location | null> {
    return maybeLoad(ctx.loaders.location, id);
  }

  @Query(() => LocationConnection, { description: "For a partner: the brand's locations and those at its own facilities." })
  locations(@Args() page: PageArgs, @Ctx() ctx: Context) {
    return paginate(ctx.em, Location, {}, page);
  }

  @Authorized('PLANNER')
  @Mutation(() => Location)
  async createLocation(@Arg('input') input: CreateLocationInput, @Ctx() ctx: Context): Promise<Location> {
    // The facility's supplier is kept on the location: it decides which partner may see it.
    const [facility] = input.facilityId
      ? await ctx.references.fetchExisting<{ supplier?: { id: string } | null }>('Facility', [{ id: input.facilityId, field: 'facilityId' }], 'supplier { id }')
      : [null];
    const taken = () => AppError.badInput('code', `location code ${input.code} is already taken`);
    try {
      return await ctx.em.transactional(async (em) => {
        if (await em.count(Location, { code: input.code })) throw taken();
        const location = em.create(Location, {
          ...input, country: input.country.toUpperCase(), facilityId: input.facilityId ?? null, supplierId: facility?.supplier?.id ?? null,
        });
        em.persist(location);
        return location;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw taken();
      throw error;
    }
  }

  @FieldResolver(() => Facility, { nullable: true, description: 'The supplier site (owned by suppliers) this location is at.' })
  facility(@Root() location: Location): Facility | null {
    return location.facilityId ? { id: location.facilityId } : null;
  }
}
