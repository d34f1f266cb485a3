// Recording a facility's water balance.
import { Arg, Ctx, Field, Float, InputType, Mutation, Resolver, Authorized } from 'type-graphql';
import { Min } from 'class-validator';
import { AppError } from '@cmgraph/platform';
import type { Context } from '../context';
import { WaterRecord } from './water-record.entity';
import { FacilityPeriodInput, facilityFacts } from '../records/facility-record.input';
import { convert, requireDimension } from '../units';

@InputType()
export class RecordWaterInput extends FacilityPeriodInput {
  @Field(() => Float) @Min(0, { message: 'withdrawal must not be negative' }) withdrawal!: number;
  @Field(() => Float) @Min(0, { message: 'discharge must not be negative' }) discharge!: number;
  @Field(() => Float, { defaultValue: 0 }) @Min(0, { message: 'recycled must not be negative' }) recycled!: number;
  @Field({ defaultValue: 'm3', description: 'm3 or L for all three volumes (stored in m3).' }) unit!: string;
}

@Resolver(() => WaterRecord)
export class WaterRecordResolver {
  @Authorized('SUSTAINABILITY', 'PARTNER')
  @Mutation(() => WaterRecord)
  async recordWater(@Arg('input') input: RecordWaterInput, @Ctx() ctx: Context): Promise<WaterRecord> {
    requireDimension(input.unit, 'volume', 'unit');
    // Consumption (withdrawal − discharge) must not come out negative.
    if (input.discharge > input.withdrawal) throw AppError.badInput('discharge', 'must not exceed withdrawal');
    const m3 = (value: number) => convert(value, input.unit, 'm3', 'unit');
    const facts = await facilityFacts(ctx, input);
    return ctx.em.transactional(async (em) => {
      const record = em.create(WaterRecord, {
        ...facts, withdrawalM3: m3(input.withdrawal), dischargeM3: m3(input.discharge), recycledM3: m3(input.recycled),
      });
      em.persist(record);
      return record;
    });
  }
}
