// Inputs and filters for activity records.
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Max, Min } from 'class-validator';
import { FacilityPeriodInput } from '../records/facility-record.input';
import { ActivityType } from '../factor/emission-factor.enums';
import { DataQuality } from './activity.enums';

@InputType()
export class RecordActivityInput extends FacilityPeriodInput {
  @Field(() => ActivityType) activityType!: ActivityType;

  @Field(() => Float)
  @Min(0, { message: 'quantity must not be negative' })
  quantity!: number;

  @Field({ description: "Any unit of the factor's dimension: MWh for a kWh factor, t for a kg factor…" })
  unit!: string;

  @Field(() => DataQuality, { defaultValue: DataQuality.PRIMARY })
  dataQuality!: DataQuality;
}

@InputType()
export class ActivityRecordFilter {
  @Field(() => ID, { nullable: true }) facilityId?: string;
  @Field(() => ID, { nullable: true }) supplierId?: string;
  @Field(() => Int, { nullable: true }) @Min(1) @Max(3) scope?: number;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Records whose period ends after this day.' })
  from?: string;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Records whose period starts before this day.' })
  to?: string;
}
