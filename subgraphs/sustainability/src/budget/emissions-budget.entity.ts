// An emissions budget: at most `budgetKg` kgCO2e for a facility (or all facilities of a supplier) over a
// period [periodStart, periodEnd), counting some GHG scopes or all three. The budget remembers when it
// was exceeded, so `emissions.budget_exceeded` is raised once, at the write that crossed it.
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { ArrayType } from '@mikro-orm/core';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A cap on kgCO2e over [periodStart, periodEnd) for a facility, or for every facility of a supplier.' })
@Entity()
@PartnerScoped() // a partner sees the budgets set for it (or its facilities) only
@Index({ properties: ['facilityId', 'periodStart'] })
@Index({ properties: ['supplierId', 'periodStart'] })
export class EmissionsBudget extends OwnedEntity<'facilityId' | 'exceededAt'> {
  /** The supplier (owned by suppliers): the facility's when the budget is a facility's; exposed as `supplier`. */
  @Property({ type: 'uuid' })
  supplierId!: string;

  /** The facility (owned by suppliers) when the budget is one site's; null for all of the supplier's; exposed as `facility`. */
  @Property({ type: 'uuid', nullable: true })
  facilityId: string | null = null;

  @Field(() => LocalDateResolver, { description: 'First day of the period, inclusive.' })
  @Property({ type: 'date' })
  periodStart!: string;

  @Field(() => LocalDateResolver, { description: 'Day after the last day of the period (exclusive).' })
  @Property({ type: 'date' })
  periodEnd!: string;

  @Field(() => [Int], { description: 'The GHG scopes counted, ascending: [1, 2, 3] for all. Scope 2 counts market-based.' })
  @Property({ type: new ArrayType<number>((value) => Number(value)), columnType: 'smallint[]' })
  scopes!: number[];

  @Field(() => Float, { description: 'The most kgCO2e the period may emit over the counted scopes.' })
  @Property({ type: 'double' })
  budgetKg!: number;

  @Field(() => Date, { nullable: true, description: 'When a write first took the actual emissions over the budget; null while within it.' })
  @Property({ type: 'timestamptz', nullable: true })
  exceededAt: Date | null = null;
}
