// The `emissions` query: a summary over any owner (a facility, a supplier, or everyone) and window. A
// partner's answer counts its own records only: "everyone" is its own supplier, another supplier is
// refused, and a facility counts only its records that carry the partner's supplier (the statement is scoped).
import { Arg, Ctx, Field, ID, InputType, Query, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { requireId, requireOwnSupplier } from '@cmgraph/platform';
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
  @Query(() => EmissionsSummary, {
    description: 'Emissions over [from, to) of a facility, a supplier, or (neither given) everyone. ' +
      "A PARTNER's figures count its own supplier's records only; another supplierId is FORBIDDEN.",
  })
  async emissions(@Arg('filter', () => EmissionsFilter) filter: EmissionsFilter, @Ctx() ctx: Context): Promise<EmissionsSummary> {
    if (filter.supplierId) {
      requireId(filter.supplierId, 'filter.supplierId');
      requireOwnSupplier(ctx.identity, filter.supplierId, 'filter.supplierId');
    }
    if (filter.facilityId) requireId(filter.facilityId, 'filter.facilityId');
    const key = windowKey(filter, filter);
    return key ? ctx.loaders.emissions.load(key) : emissionsFromTotals({ records: 0, groups: [], primaryKg: 0, outputRecords: 0, goodUnits: 0 });
  }
}
