// Inputs for emissions budgets: whose (a facility, a supplier, or a facility named with its supplier),
// the period, the scopes counted and the limit.
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Max, Min } from 'class-validator';

@InputType({ description: 'Sets the budget of an owner, period and scopes: creates it, or changes the limit of the one already set.' })
export class SetEmissionsBudgetInput {
  @Field(() => ID, { nullable: true, description: 'All facilities of this supplier (or, with facilityId, the facility\'s supplier).' })
  supplierId?: string | null;

  @Field(() => ID, { nullable: true, description: 'One facility only.' })
  facilityId?: string | null;

  @Field(() => LocalDateResolver, { description: 'First day, inclusive.' })
  periodStart!: string;

  @Field(() => LocalDateResolver, { description: 'Day after the last day (exclusive): 2027-01-01 for the year 2026.' })
  periodEnd!: string;

  @Field(() => [Int], { nullable: true, description: 'GHG scopes counted (1, 2, 3); default all three.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'scopes must name at least one scope; omit it for all three' })
  @ArrayMaxSize(3)
  @Min(1, { each: true, message: 'scopes must be 1, 2 or 3' })
  @Max(3, { each: true, message: 'scopes must be 1, 2 or 3' })
  scopes?: number[] | null;

  @Field(() => Float, { description: 'kgCO2e.' })
  @Min(0, { message: 'budgetKg must not be negative' })
  budgetKg!: number;
}

@InputType()
export class EmissionsBudgetFilter {
  @Field(() => ID, { nullable: true, description: 'Budgets of this supplier, its facilities\' included.' }) supplierId?: string | null;
  @Field(() => ID, { nullable: true }) facilityId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: only budgets exceeded; false: only those within their limit.' }) exceeded?: boolean | null;
}
