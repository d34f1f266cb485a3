// Inputs for locations.
import { Field, ID, InputType } from 'type-graphql';
import { IsISO31661Alpha2, Length, Matches } from 'class-validator';
import { LocationType } from './location.enums';

@InputType()
export class CreateLocationInput {
  @Field()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'code must be 2–32 upper-case letters, digits or dashes' })
  code!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field(() => LocationType)
  type!: LocationType;

  @Field()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code' })
  country!: string;

  @Field(() => ID, { nullable: true, description: 'The supplier facility (CM site) this location is at.' })
  facilityId?: string | null;
}
