// Inspection-plan queries, creation (a new version per product and trigger), and a plan's relations.
import { Arg, Args, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Authorized } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { AppError, connectionOf, maybeLoad, PageArgs, paginate, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { InspectionCharacteristic, InspectionPlan } from './inspection-plan.entity';
import { CreateInspectionPlanInput, InspectionPlanFilter } from './plan.input';
import { validatePlan } from './plan.validation';
import { samplingPlanFor } from './sampling';
import { Product } from '../references/contributed.reference';

export const InspectionPlanConnection = connectionOf(InspectionPlan);

@ObjectType({ description: 'The sample a plan asks for at one lot size.' })
class SamplingPlanResult {
  @Field({ description: 'ISO 2859-1 sample-size code letter; "-" for PERCENT sampling.' }) codeLetter!: string;
  @Field(() => Int) sampleSize!: number;
  @Field(() => Int, { description: 'Most defective units in the sample for the lot to pass.' }) acceptanceNumber!: number;
}

@Resolver(() => InspectionPlan)
export class InspectionPlanResolver {
  @Query(() => InspectionPlan, { nullable: true })
  inspectionPlan(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<InspectionPlan | null> {
    return maybeLoad(ctx.loaders.inspectionPlan, id);
  }

  @Query(() => InspectionPlanConnection)
  inspectionPlans(
    @Arg('filter', () => InspectionPlanFilter, { nullable: true }) filter: InspectionPlanFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    const where: FilterQuery<InspectionPlan>[] = [];
    if (filter?.productId) where.push({ productId: requireId(filter.productId, 'filter.productId') });
    if (filter?.trigger) where.push({ trigger: filter.trigger });
    if (filter?.active !== undefined && filter.active !== null) where.push({ active: filter.active });
    return paginate(ctx.em, InspectionPlan, { $and: where }, page);
  }

  @Authorized('QUALITY')
  @Mutation(() => InspectionPlan, {
    description: 'Creates the next version of the plan for a product and trigger; it becomes the active one and the previous version is deactivated.',
  })
  async createInspectionPlan(@Arg('input') input: CreateInspectionPlanInput, @Ctx() ctx: Context): Promise<InspectionPlan> {
    validatePlan(input);
    await ctx.references.requireExisting('Product', [{ id: input.productId, field: 'productId' }]);
    return ctx.em.transactional(async (em) => {
      // Serialises versioning per product and trigger: two concurrent creations get versions n and n+1.
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`plan:${input.productId}:${input.trigger}`]);
      const previous = await em.find(InspectionPlan, { productId: input.productId, trigger: input.trigger }, { orderBy: { version: 'desc' } });
      for (const plan of previous) plan.active = false;
      const plan = em.create(InspectionPlan, {
        name: input.name, productId: input.productId, trigger: input.trigger, version: (previous[0]?.version ?? 0) + 1,
        samplingMethod: input.samplingMethod, aql: input.aql ?? null, samplePercent: input.samplePercent ?? null,
      });
      em.persist(plan);
      for (const c of input.characteristics) {
        em.persist(em.create(InspectionCharacteristic, {
          plan, name: c.name, unit: c.unit, nominal: c.nominal ?? null, lowerLimit: c.lowerLimit ?? null, upperLimit: c.upperLimit ?? null,
        }));
      }
      return plan;
    });
  }

  @FieldResolver(() => Product)
  product(@Root() plan: InspectionPlan): Product {
    return { id: plan.productId };
  }

  @FieldResolver(() => [InspectionCharacteristic])
  characteristics(@Root() plan: InspectionPlan, @Ctx() ctx: Context): Promise<InspectionCharacteristic[]> {
    return ctx.loaders.characteristicsByPlan.load(plan.id);
  }

  @FieldResolver(() => SamplingPlanResult, { description: 'Sample size and acceptance number this plan asks for at `lotSize`.' })
  samplingPlan(@Root() plan: InspectionPlan, @Arg('lotSize', () => Float) lotSize: number): SamplingPlanResult {
    if (!(lotSize > 0)) throw AppError.badInput('lotSize', 'must be greater than 0');
    return samplingPlanFor(plan, lotSize);
  }
}
