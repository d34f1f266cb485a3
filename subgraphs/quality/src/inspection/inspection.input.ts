// Inputs and filters for inspections.
import { Field, Float, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Min, ValidateNested } from 'class-validator';
import { InspectionResult } from './inspection.enums';
import { InspectionTrigger } from '../plan/plan.enums';
import { NonConformanceSeverity } from '../non-conformance/non-conformance.enums';

@InputType()
export class ReadingInput {
  @Field({ description: 'The name of one of the plan\'s characteristics.' })
  characteristic!: string;

  @Field(() => Float)
  value!: number;

  @Field({ description: 'Unit of `value`; converted exactly to the characteristic\'s unit, or refused.' })
  unit!: string;
}

@InputType({ description: 'Exactly one of receiptId, shipmentId (INCOMING plans) or workOrderId (IN_PROCESS and FINAL plans).' })
export class RecordInspectionInput {
  @Field(() => ID)
  planId!: string;

  @Field(() => ID)
  lotId!: string;

  @Field(() => ID, { nullable: true, description: 'The goods receipt (owned by inventory) the lot arrived with.' })
  receiptId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The shipment (owned by orders) the lot arrived with.' })
  shipmentId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The work order (owned by production) that made the lot.' })
  workOrderId?: string | null;

  @Field(() => Float, { description: 'Units in the lot, in the product\'s unit of measure.' })
  @Min(1, { message: 'lotSize must be at least 1' })
  lotSize!: number;

  @Field(() => Float, { description: 'At least the plan\'s sample size for this lot size.' })
  @Min(0)
  quantityInspected!: number;

  @Field(() => Float, { description: 'Defective units found; at most quantityInspected.' })
  @Min(0)
  quantityRejected!: number;

  @Field(() => [ReadingInput], { description: 'At least one reading per characteristic of the plan.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested()
  readings!: ReadingInput[];

  @Field(() => Date, { nullable: true, description: 'Default now.' })
  inspectedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Defect code for the non-conformance a failure opens.' })
  @IsOptional()
  @Length(1, 20)
  defectCode?: string | null;

  @Field(() => NonConformanceSeverity, { nullable: true, description: 'Severity of the non-conformance a failure opens; default MAJOR.' })
  severity?: NonConformanceSeverity | null;
}

@InputType()
export class InspectionFilter {
  @Field(() => ID, { nullable: true }) supplierId?: string;
  @Field(() => ID, { nullable: true }) lotId?: string;
  @Field(() => InspectionResult, { nullable: true }) result?: InspectionResult;
  @Field(() => InspectionTrigger, { nullable: true }) trigger?: InspectionTrigger;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Inspected on or after this day (UTC).' }) from?: string;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Inspected on or before this day (UTC).' }) to?: string;
}
