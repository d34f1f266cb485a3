// Recording production output (until production events feed it).
import { Arg, Ctx, Field, Float, ID, InputType, Mutation, Resolver, Authorized } from 'type-graphql';
import { Min } from 'class-validator';
import type { Context } from '../context';
import { ProductionOutputRecord } from './production-output.entity';
import { FacilityPeriodInput, facilityFacts } from '../records/facility-record.input';

@InputType()
export class RecordProductionOutputInput extends FacilityPeriodInput {
  @Field(() => ID, { nullable: true, description: 'The product made, when the output is of one product.' })
  productId?: string | null;

  @Field(() => Float)
  @Min(0, { message: 'goodUnits must not be negative' })
  goodUnits!: number;
}

@Resolver(() => ProductionOutputRecord)
export class ProductionOutputResolver {
  @Authorized('SUSTAINABILITY', 'PLANNER', 'PARTNER')
  @Mutation(() => ProductionOutputRecord, {
    description: 'Records good units produced; a stand-in until production events record them.',
  })
  async recordProductionOutput(@Arg('input') input: RecordProductionOutputInput, @Ctx() ctx: Context): Promise<ProductionOutputRecord> {
    const facts = await facilityFacts(ctx, input);
    if (input.productId) await ctx.references.requireExisting('Product', [{ id: input.productId, field: 'productId' }]);
    return ctx.em.transactional(async (em) => {
      const record = em.create(ProductionOutputRecord, { ...facts, productId: input.productId ?? null, goodUnits: input.goodUnits });
      em.persist(record);
      return record;
    });
  }
}
