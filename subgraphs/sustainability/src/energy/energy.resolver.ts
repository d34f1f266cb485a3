// Recording energy use (and the budget crossings it causes); an energy record's grid factor.
import { Arg, Ctx, Field, Float, FieldResolver, InputType, Mutation, Resolver, Root, Authorized } from 'type-graphql';
import { Min } from 'class-validator';
import { recordEvent } from '@cmgraph/platform';
import type { Context } from '../context';
import { EnergyRecord } from './energy-record.entity';
import { ELECTRICITY, EnergySource, RENEWABLE } from './energy.enums';
import { requireCertificatesFit, scope2Of } from './scope2';
import { EmissionFactor } from '../factor/emission-factor.entity';
import { ActivityType } from '../factor/emission-factor.enums';
import { emissionsOf, matchFactor } from '../factor/factor-matching';
import { FacilityPeriodInput, facilityFacts } from '../records/facility-record.input';
import { convert, requireDimension } from '../units';
import { yearOf } from '../period';
import { budgetCrossings } from '../budget/budget.crossing';

@InputType()
export class RecordEnergyInput extends FacilityPeriodInput {
  @Field(() => EnergySource) source!: EnergySource;

  @Field(() => Float)
  @Min(0, { message: 'quantity must not be negative' })
  quantity!: number;

  @Field({ description: 'kWh, MWh or GJ (stored in kWh).' })
  unit!: string;

  @Field({ defaultValue: false, description: 'Renewable electricity backed by certificates: market-based scope 2 is zero.' })
  certificates!: boolean;
}

@Resolver(() => EnergyRecord)
export class EnergyRecordResolver {
  @Authorized('SUSTAINABILITY', 'PARTNER')
  @Mutation(() => EnergyRecord, {
    description: 'Fuels (NATURAL_GAS, DIESEL) count toward the energy mix only: their scope 1 is recorded with recordActivity, so nothing counts twice. ' +
      'Writes `emissions.budget_exceeded` for each budget the electricity takes over its limit.',
  })
  async recordEnergy(@Arg('input') input: RecordEnergyInput, @Ctx() ctx: Context): Promise<EnergyRecord> {
    requireDimension(input.unit, 'energy', 'unit');
    requireCertificatesFit(input.source, input.certificates);
    const kwh = convert(input.quantity, input.unit, 'kWh', 'unit');
    const facts = await facilityFacts(ctx, input);
    return ctx.em.transactional(async (em) => {
      const gridFactor = ELECTRICITY.has(input.source)
        ? await matchFactor(em, { activityType: ActivityType.ELECTRICITY_GRID, country: facts.country, year: yearOf(facts.periodStart) }, 'source')
        : null;
      const gridKgPerKwh = gridFactor ? emissionsOf(gridFactor, 1, 'kWh', 'unit').kgCo2e : null;
      const scope2 = scope2Of(input.source, kwh, input.certificates, gridKgPerKwh);
      const record = em.create(EnergyRecord, {
        ...facts, source: input.source, kwh, renewable: RENEWABLE.has(input.source), certificates: input.certificates, gridFactor,
        scope2LocationBasedKg: scope2.locationBasedKg, scope2MarketBasedKg: scope2.marketBasedKg,
      });
      em.persist(record);
      // scope 2 counts market-based in budgets, as in the emissions totals
      const crossings = await budgetCrossings(em, { ...facts, scope: 2, kgCo2e: scope2.marketBasedKg });
      if (crossings.length) await recordEvent(em, ...crossings);
      return record;
    });
  }

  @FieldResolver(() => EmissionFactor, { nullable: true, description: 'The grid factor behind scope 2; null for fuels.' })
  gridFactor(@Root() record: EnergyRecord, @Ctx() ctx: Context): Promise<EmissionFactor | null> | null {
    return record.gridFactor ? ctx.loaders.emissionFactor.load(record.gridFactor.id) : null;
  }
}
