// Inputs and filters for shipments (ASNs) and their milestones.
import { Field, Float, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsPositive, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { MilestoneType, ShipmentStatus, TransportMode } from './shipment.enums';
import { IsSscc } from './sscc';

@InputType()
export class ShipmentPackageInput {
  @Field({ description: '18 digits with a valid GS1 check digit.' })
  @IsSscc()
  sscc!: string;

  @Field(() => Float)
  @IsPositive({ message: 'weightKg must be greater than 0' })
  weightKg!: number;
}

@InputType()
export class ShipmentLineInput {
  @Field(() => ID)
  purchaseOrderLineId!: string;

  @Field(() => Float)
  @IsPositive({ message: 'quantity must be greater than 0' })
  quantity!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  lotNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'The package (one of `packages`) this line is packed in.' })
  packageSscc?: string | null;
}

@InputType()
export class CreateShipmentInput {
  @Field({ description: 'Unique ASN number.' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'number must be 2–32 upper-case letters, digits or dashes' })
  number!: string;

  @Field(() => ID) supplierId!: string;
  @Field(() => ID) shipFromFacilityId!: string;
  @Field(() => ID) shipToLocationId!: string;

  @Field()
  @Length(1, 100)
  carrier!: string;

  @Field(() => TransportMode) mode!: TransportMode;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  trackingNumber?: string | null;

  @Field(() => LocalDateResolver) eta!: string;

  @Field(() => Number, { nullable: true, description: 'Planned transport distance in km.' })
  @IsOptional()
  @Min(0)
  @Max(40_075)
  distanceKm?: number | null;

  @Field(() => [ShipmentPackageInput], { defaultValue: [] })
  @ArrayMaxSize(1000)
  @ValidateNested()
  packages!: ShipmentPackageInput[];

  @Field(() => [ShipmentLineInput])
  @ArrayMinSize(1, { message: 'a shipment needs at least one line' })
  @ArrayMaxSize(1000)
  @ValidateNested()
  lines!: ShipmentLineInput[];
}

@InputType()
export class RecordShipmentMilestoneInput {
  @Field(() => ID) shipmentId!: string;
  @Field(() => MilestoneType) type!: MilestoneType;
  @Field() occurredAt!: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  location?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  note?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'A new expected arrival day, when the milestone moves it.' })
  eta?: string | null;
}

@InputType()
export class UpdateShipmentEtaInput {
  @Field(() => ID) shipmentId!: string;

  @Field(() => LocalDateResolver, { description: 'The new expected day of arrival.' })
  eta!: string;

  @Field(() => String, { nullable: true, description: 'Why it moved (e.g. "vessel delayed"); kept on the event.' })
  @IsOptional()
  @Length(1, 500)
  reason?: string | null;
}

@InputType()
export class ShipmentFilter {
  @Field(() => ID, { nullable: true }) supplierId?: string;
  @Field(() => [ShipmentStatus], { nullable: true }) statuses?: ShipmentStatus[];
  @Field(() => ID, { nullable: true, description: 'Shipments with at least one line on this order.' })
  purchaseOrderId?: string;
}
