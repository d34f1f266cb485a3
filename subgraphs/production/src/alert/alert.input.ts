// Inputs and filters for alerts.
import { Field, Float, ID, InputType } from 'type-graphql';
import { IsFinite } from './is-finite.validator';
import { IsOptional, Length } from 'class-validator';
import { AlertCategory, AlertSeverity, AlertSubjectType } from './alert.enums';

@InputType()
export class RaiseAlertInput {
  @Field(() => AlertCategory)
  category!: AlertCategory;

  @Field(() => AlertSeverity)
  severity!: AlertSeverity;

  @Field(() => AlertSubjectType)
  subjectType!: AlertSubjectType;

  @Field(() => ID, { description: 'The id of the entity (of subjectType) the alert concerns; it must exist in its owner.' })
  subjectId!: string;

  @Field()
  @Length(1, 2000)
  message!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  metric?: string;

  @Field(() => Float, { nullable: true })
  @IsFinite()
  value?: number;

  @Field(() => Float, { nullable: true })
  @IsFinite()
  threshold?: number;

  @Field(() => String, { nullable: true, description: 'Unit of value and threshold.' })
  @IsOptional()
  @Length(1, 16)
  unit?: string;

  @Field(() => ID, { nullable: true, description: 'The facility concerned, for subjects not at one facility by themselves (derived for Machine, Line, Facility, Shipment).' })
  facilityId?: string;

  @Field(() => ID, { nullable: true, description: 'The supplier concerned, when the subject does not tell (derived for Machine, Line, Facility, Supplier, Shipment, PurchaseOrder, Lot).' })
  supplierId?: string;
}

@InputType()
export class AlertActionInput {
  @Field(() => ID)
  alertId!: string;

  @Field({ description: 'Who (free text until identity exists).' })
  @Length(1, 200)
  by!: string;
}

@InputType()
export class AlertFilter {
  @Field(() => [AlertCategory], { nullable: true })
  categories?: AlertCategory[];

  @Field(() => AlertSeverity, { nullable: true, description: 'This severity or higher.' })
  minSeverity?: AlertSeverity;

  @Field(() => Boolean, { nullable: true, description: 'true: not resolved yet; false: resolved. On `alertRaised`: the alert as the change left it (false: RESOLVED events only).' })
  open?: boolean;

  @Field(() => ID, { nullable: true })
  facilityId?: string;

  @Field(() => ID, { nullable: true })
  supplierId?: string;

  @Field(() => AlertSubjectType, { nullable: true })
  subjectType?: AlertSubjectType;

  @Field(() => ID, { nullable: true })
  subjectId?: string;
}
