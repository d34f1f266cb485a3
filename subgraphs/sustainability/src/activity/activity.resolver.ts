// Recording activity data (with its event, and budget crossings) and listing it; an activity record's factor.
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { connectionOf, PageArgs, paginate, recordEvent, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { ActivityRecord } from './activity-record.entity';
import { ActivityRecordFilter, RecordActivityInput } from './activity.input';
import { EmissionFactor } from '../factor/emission-factor.entity';
import { emissionsOf, matchFactor } from '../factor/factor-matching';
import { facilityFacts } from '../records/facility-record.input';
import { yearOf } from '../period';
import { activityRecorded } from './activity.events';
import { budgetCrossings } from '../budget/budget.crossing';

export const ActivityRecordConnection = connectionOf(ActivityRecord);

@Resolver(() => ActivityRecord)
export class ActivityRecordResolver {
  @Query(() => ActivityRecordConnection)
  activityRecords(
    @Arg('filter', () => ActivityRecordFilter, { nullable: true }) filter: ActivityRecordFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return paginate(ctx.em, ActivityRecord, activityWhere(filter ?? {}), page);
  }

  @Authorized('SUSTAINABILITY', 'PARTNER')
  @Mutation(() => ActivityRecord, {
    description: "Converts the quantity by the factor of the facility's country (else GLOBAL) for the year the period starts in. " +
      'Writes `activity.recorded`, and `emissions.budget_exceeded` for each budget it takes over its limit.',
  })
  async recordActivity(@Arg('input') input: RecordActivityInput, @Ctx() ctx: Context): Promise<ActivityRecord> {
    // Asked before the transaction opens: no connection is held while suppliers answers.
    const facts = await facilityFacts(ctx, input);
    return ctx.em.transactional(async (em) => {
      const factor = await matchFactor(em, { activityType: input.activityType, country: facts.country, year: yearOf(facts.periodStart) }, 'activityType');
      const { quantityInFactorUnit, kgCo2e } = emissionsOf(factor, input.quantity, input.unit, 'unit');
      const record = em.create(ActivityRecord, {
        ...facts, activityType: input.activityType, quantity: input.quantity, unit: input.unit, quantityInFactorUnit, kgCo2e,
        factor, scope: factor.scope, scope3Category: factor.scope3Category ?? null, dataQuality: input.dataQuality,
      });
      em.persist(record);
      const crossings = await budgetCrossings(em, { ...facts, scope: record.scope, kgCo2e });
      await recordEvent(em, activityRecorded(record), ...crossings);
      return record;
    });
  }

  @FieldResolver(() => EmissionFactor, { description: 'The factor that converted this record.' })
  factor(@Root() record: ActivityRecord, @Ctx() ctx: Context): Promise<EmissionFactor | null> {
    return ctx.loaders.emissionFactor.load(record.factor.id);
  }
}

function activityWhere(filter: ActivityRecordFilter): FilterQuery<ActivityRecord> {
  const where: FilterQuery<ActivityRecord>[] = [];
  if (filter.facilityId) where.push({ facilityId: requireId(filter.facilityId, 'filter.facilityId') });
  if (filter.supplierId) where.push({ supplierId: requireId(filter.supplierId, 'filter.supplierId') });
  if (filter.scope) where.push({ scope: filter.scope });
  if (filter.from) where.push({ periodEnd: { $gt: filter.from } });
  if (filter.to) where.push({ periodStart: { $lt: filter.to } });
  return { $and: where };
}
