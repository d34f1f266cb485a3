// Inputs and filters for facilities.
import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsISO31661Alpha2, Length } from 'class-validator';

@InputType()
export class AddFacilityInput {
  @Field(() => ID)
  supplierId!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code' })
  country!: string;

  @Field()
  @Length(1, 100)
  region!: string;

  @Field()
  nearshore!: boolean;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  @Length(1, 100, { each: true })
  capabilities!: string[];
}

@InputType()
export class FacilityFilter {
  @Field(() => ID, { nullable: true })
  supplierId?: string;

  @Field({ nullable: true })
  nearshore?: boolean;

  @Field({ nullable: true })
  region?: string;

  @Field({ nullable: true, description: 'Facilities offering this capability.' })
  capability?: string;
}
