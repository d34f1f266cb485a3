// Recording waste (and the budget crossings it causes); a waste record's factor.
import { Arg, Ctx, Field, Float, FieldResolver, InputType, Mutation, Resolver, Root, Authorized } from 'type-graphql';
import { Length, Min } from 'class-validator';
import { recordEvent } from '@cmgraph/platform';
import type { Context } from '../context';
import { WasteRecord } from './waste-record.entity';
import { TREATMENT_FACTOR, WasteTreatment } from './waste.enums';
import { EmissionFactor } from '../factor/emission-factor.entity';
import { emissionsOf, matchFactor } from '../factor/factor-matching';
import { FacilityPeriodInput, facilityFacts } from '../records/facility-record.input';
import { convert, requireDimension } from '../units';
import { yearOf } from '../period';
import { budgetCrossings } from '../budget/budget.crossing';

@InputType()
export class RecordWasteInput extends FacilityPeriodInput {
  @Field() @Length(1, 100) wasteType!: string;
  @Field() hazardous!: boolean;

  @Field(() => Float)
  @Min(0, { message: 'quantity must not be negative' })
  quantity!: number;

  @Field({ description: 'kg, t or lb (stored in kg).' })
  unit!: string;

  @Field(() => WasteTreatment) treatment!: WasteTreatment;
}

@Resolver(() => WasteRecord)
export class WasteRecordResolver {
  @Authorized('SUSTAINABILITY', 'PARTNER')
  @Mutation(() => WasteRecord, { description: 'Writes `emissions.budget_exceeded` for each budget the waste\'s emissions take over its limit.' })
  async recordWaste(@Arg('input') input: RecordWasteInput, @Ctx() ctx: Context): Promise<WasteRecord> {
    requireDimension(input.unit, 'mass', 'unit');
    const kg = convert(input.quantity, input.unit, 'kg', 'unit');
    const facts = await facilityFacts(ctx, input);
    return ctx.em.transactional(async (em) => {
      const activityType = TREATMENT_FACTOR[input.treatment];
      const factor = await matchFactor(em, { activityType, country: facts.country, year: yearOf(facts.periodStart) }, 'treatment');
      const { kgCo2e } = emissionsOf(factor, kg, 'kg', 'treatment');
      const record = em.create(WasteRecord, {
        ...facts, wasteType: input.wasteType, hazardous: input.hazardous, kg, treatment: input.treatment, factor, kgCo2e,
      });
      em.persist(record);
      const crossings = await budgetCrossings(em, { ...facts, scope: factor.scope, kgCo2e });
      if (crossings.length) await recordEvent(em, ...crossings);
      return record;
    });
  }

  @FieldResolver(() => EmissionFactor)
  factor(@Root() record: WasteRecord, @Ctx() ctx: Context): Promise<EmissionFactor | null> {
    return ctx.loaders.emissionFactor.load(record.factor.id);
  }
}
