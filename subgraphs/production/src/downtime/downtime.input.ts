// Inputs and filters for downtime reasons and events.
import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { DowntimeCategory } from './downtime.enums';

@InputType()
export class CreateDowntimeReasonInput {
  @Field()
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,31}$/, { message: 'code must be 1–32 upper-case letters, digits, dashes or underscores' })
  code!: string;

  @Field()
  @Length(1, 200)
  description!: string;

  @Field(() => DowntimeCategory)
  category!: DowntimeCategory;

  @Field()
  planned!: boolean;
}

@InputType()
export class RecordDowntimeInput {
  @Field(() => ID)
  machineId!: string;

  @Field({ description: 'A DowntimeReason code.' })
  reasonCode!: string;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Exclusive end; omit while the machine is still down.' })
  endedAt?: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 1000)
  note?: string;
}

@InputType()
export class DowntimeEventFilter {
  @Field(() => ID, { nullable: true })
  machineId?: string;

  @Field(() => ID, { nullable: true })
  facilityId?: string;

  @Field(() => Boolean, { nullable: true })
  planned?: boolean;

  @Field(() => Date, { nullable: true, description: 'Stops still going on at or after this instant.' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Stops that started before this instant.' })
  to?: Date;
}
