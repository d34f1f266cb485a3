// Inputs and filters for lines and machines.
import { Field, Float, ID, InputType } from 'type-graphql';
import { IsPositive, Length, Matches, Max } from 'class-validator';

const CODE = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
const CODE_MESSAGE = 'code must be 1–32 upper-case letters, digits or dashes';

@InputType()
export class CreateLineInput {
  @Field(() => ID, { description: 'The facility (owned by suppliers) the line stands in.' })
  facilityId!: string;

  @Field()
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field(() => Float, { description: 'Ideal seconds per unit.' })
  @IsPositive({ message: 'idealCycleSeconds must be greater than 0' })
  @Max(86_400)
  idealCycleSeconds!: number;
}

@InputType()
export class CreateMachineInput {
  @Field(() => ID)
  lineId!: string;

  @Field()
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field(() => Float, { description: 'Ideal seconds per unit.' })
  @IsPositive({ message: 'idealCycleSeconds must be greater than 0' })
  @Max(86_400)
  idealCycleSeconds!: number;
}

@InputType()
export class LineFilter {
  @Field(() => ID, { nullable: true })
  facilityId?: string;
}

@InputType()
export class MachineFilter {
  @Field(() => ID, { nullable: true })
  facilityId?: string;

  @Field(() => ID, { nullable: true })
  lineId?: string;
}
