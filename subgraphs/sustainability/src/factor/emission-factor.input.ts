// Inputs and filters for emission factors.
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { ActivityType, GwpSet } from './emission-factor.enums';

@InputType()
export class CreateEmissionFactorInput {
  @Field({ description: 'e.g. "DEFRA 2025".' })
  @Length(1, 100)
  source!: string;

  @Field(() => ActivityType) activityType!: ActivityType;

  @Field({ description: 'ISO 3166-1 alpha-2 country code or GLOBAL.' })
  @Matches(/^([A-Z]{2}|GLOBAL)$/, { message: 'region must be an upper-case ISO 3166-1 alpha-2 code or GLOBAL' })
  region!: string;

  @Field(() => Int)
  @Min(1990)
  @Max(2100)
  year!: number;

  @Field(() => Float)
  @Min(0, { message: 'kgCo2ePerUnit must not be negative' })
  kgCo2ePerUnit!: number;

  @Field({ description: 'kWh, MWh, GJ, kg, t, lb, L, m3, km, mi or tkm.' })
  unit!: string;

  @Field(() => Int)
  @Min(1)
  @Max(3)
  scope!: number;

  @Field(() => Int, { nullable: true, description: 'Required for scope 3, refused otherwise.' })
  @IsOptional()
  @Min(1)
  @Max(15)
  scope3Category?: number | null;

  @Field(() => GwpSet, { defaultValue: GwpSet.AR6 })
  gwpSet!: GwpSet;
}

@InputType()
export class EmissionFactorFilter {
  @Field(() => ActivityType, { nullable: true }) activityType?: ActivityType;
  @Field({ nullable: true }) region?: string;
  @Field(() => Int, { nullable: true }) year?: number;
  @Field({ nullable: true }) source?: string;
  @Field(() => [ID], { nullable: true }) ids?: string[];
}
