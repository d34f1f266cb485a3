// The `emissions` query: a summary over any owner (a facility, a supplier, or everyone) and window.
import { Arg, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { emissionsFromTotals, EmissionsSummary } from './emissions';
import { windowKey } from './window.args';

@InputType()
export class EmissionsFilter {
  @Field(() => ID, { nullable: true, description: 'All facilities of this supplier.' }) supplierId?: string | null;
  @Field(() => ID, { nullable: true }) facilityId?: string | null;
  @Field(() => LocalDateResolver, { description: 'First day, inclusive.' }) from!: string;
  @Field(() => LocalDateResolver, { description: 'Day after the last day (exclusive).' }) to!: string;
}

@Resolver()
export class EmissionsResolver {
  @Query(() => EmissionsSummary, { description: 'Emissions over [from, to) of a facility, a supplier, or (neither given) everyone.' })
  async emissions(@Arg('filter', () => EmissionsFilter) filter: EmissionsFilter, @Ctx() ctx: Context): Promise<EmissionsSummary> {
    if (filter.supplierId) requireId(filter.supplierId, 'filter.supplierId');
    if (filter.facilityId) requireId(filter.facilityId, 'filter.facilityId');
    const key = windowKey(filter, filter);
    return key ? ctx.loaders.emissions.load(key) : emissionsFromTotals({ records: 0, groups: [], primaryKg: 0, outputRecords: 0, goodUnits: 0 });
  }
}
