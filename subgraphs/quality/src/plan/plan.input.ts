// Inputs and filters for inspection plans.
import { Field, Float, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { InspectionTrigger, SamplingMethod } from './plan.enums';

@InputType()
export class CharacteristicInput {
  @Field()
  @Length(1, 100)
  name!: string;

  @Field(() => Float, { nullable: true })
  nominal?: number | null;

  @Field(() => Float, { nullable: true, description: 'At least one of lowerLimit and upperLimit is required.' })
  lowerLimit?: number | null;

  @Field(() => Float, { nullable: true })
  upperLimit?: number | null;

  @Field({ description: 'MM, CM, M, UM, IN, G, KG, MG, UG, LB, V, MV, OHM, KOHM, MOHM, NM, NCM, DEG.' })
  unit!: string;
}

@InputType()
export class CreateInspectionPlanInput {
  @Field(() => ID)
  productId!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field(() => InspectionTrigger)
  trigger!: InspectionTrigger;

  @Field(() => SamplingMethod)
  samplingMethod!: SamplingMethod;

  @Field(() => Float, { nullable: true, description: 'Required for AQL sampling: 0.65, 1.0, 1.5, 2.5, 4.0 or 6.5.' })
  aql?: number | null;

  @Field(() => Float, { nullable: true, description: 'Required for PERCENT sampling: more than 0, at most 100.' })
  @IsOptional()
  @Min(0.01)
  @Max(100)
  samplePercent?: number | null;

  @Field(() => [CharacteristicInput])
  @ArrayMinSize(1, { message: 'a plan needs at least one characteristic' })
  @ArrayMaxSize(50)
  @ValidateNested()
  characteristics!: CharacteristicInput[];
}

@InputType()
export class InspectionPlanFilter {
  @Field(() => ID, { nullable: true })
  productId?: string;

  @Field(() => InspectionTrigger, { nullable: true })
  trigger?: InspectionTrigger;

  @Field({ nullable: true, description: 'true = active versions only.' })
  active?: boolean;
}
