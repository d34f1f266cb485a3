// Inputs and filters for work orders, their status changes, and what is reported against them.
import { Field, Float, ID, InputType } from 'type-graphql';
import { IsOptional, IsPositive, Length, Matches, Min } from 'class-validator';
import { WorkOrderStatus } from './work-order.enums';

@InputType()
export class CreateWorkOrderInput {
  @Field({ description: 'Unique number, e.g. "WO-0000123".' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'number must be 2–32 upper-case letters, digits or dashes' })
  number!: string;

  @Field(() => ID, { description: 'The product (owned by inventory) to make; it needs an ACTIVE bill of materials.' })
  productId!: string;

  @Field(() => ID)
  lineId!: string;

  @Field(() => Float, { description: "In the product's unit of measure (`uom`)." })
  @IsPositive({ message: 'quantityPlanned must be greater than 0' })
  quantityPlanned!: number;

  @Field({ description: "The product's unit of measure, e.g. EA." })
  @Matches(/^[A-Z0-9]{1,10}$/, { message: 'uom must be 1–10 upper-case letters or digits' })
  uom!: string;

  @Field()
  plannedStart!: Date;

  @Field()
  plannedEnd!: Date;

  @Field(() => ID, { nullable: true, description: 'The purchase order line (owned by orders) this order fulfils.' })
  purchaseOrderLineId?: string;
}

@InputType()
export class SetWorkOrderStatusInput {
  @Field(() => ID)
  workOrderId!: string;

  @Field(() => WorkOrderStatus)
  status!: WorkOrderStatus;

  @Field(() => Date, { nullable: true, description: 'When it happened on the floor (default now): stamps actualStart / actualEnd.' })
  at?: Date;
}

@InputType()
export class ReportWorkOrderOutputInput {
  @Field(() => ID)
  workOrderId!: string;

  @Field(() => ID, { description: "The output lot (owned by inventory, e.g. from registerLot), of the work order's product." })
  lotId!: string;

  @Field(() => Float, { description: "In the work order's uom." })
  @Min(0, { message: 'goodQuantity must not be negative' })
  goodQuantity!: number;

  @Field(() => Float, { defaultValue: 0 })
  @Min(0, { message: 'scrapQuantity must not be negative' })
  scrapQuantity: number = 0;

  @Field(() => ID, { nullable: true, description: "The inventory Location the stock moves at (at the work order's facility); without it the event leaves the location to inventory (null) and carries the facility and line." })
  locationId?: string;
}

@InputType()
export class RecordConsumptionInput {
  @Field(() => ID)
  workOrderId!: string;

  @Field(() => ID, { description: "The input lot (owned by inventory); its product must be on the work order's BOM." })
  lotId!: string;

  @Field(() => Float, { description: "In the BOM line's uom for that component." })
  @IsPositive({ message: 'quantity must be greater than 0' })
  quantity!: number;

  @Field(() => ID, { nullable: true, description: "The inventory Location the stock moves at (at the work order's facility); without it the event leaves the location to inventory (null) and carries the facility and line." })
  locationId?: string;
}

@InputType()
export class WorkOrderFilter {
  @Field(() => [WorkOrderStatus], { nullable: true })
  statuses?: WorkOrderStatus[];

  @Field(() => ID, { nullable: true })
  facilityId?: string;

  @Field(() => ID, { nullable: true })
  lineId?: string;

  @Field(() => ID, { nullable: true })
  productId?: string;

  @Field(() => ID, { nullable: true })
  purchaseOrderLineId?: string;

  @Field(() => String, { nullable: true, description: 'Number starts with this text.' })
  @IsOptional()
  @Length(1, 32)
  numberPrefix?: string;
}
