// Inputs and filters for stock movements, levels and policies.
import { Field, Float, ID, InputType } from 'type-graphql';
import { IsOptional, Length, Min } from 'class-validator';
import { ManualMovementType, StockMovementType } from './stock.enums';

@InputType({ description: 'Which location fields apply depends on the type: see ManualMovementType.' })
export class RecordStockMovementInput {
  @Field(() => ManualMovementType)
  type!: ManualMovementType;

  @Field(() => ID)
  productId!: string;

  @Field(() => ID, { nullable: true, description: 'Required for lot-tracked products.' })
  lotId?: string | null;

  @Field(() => ID, { nullable: true, description: 'ISSUE and TRANSFER: where the stock leaves.' })
  fromLocationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'TRANSFER: where the stock arrives.' })
  toLocationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'ADJUST: the location whose count is corrected.' })
  locationId?: string | null;

  @Field(() => Float, { description: 'ISSUE, TRANSFER: the quantity, > 0. ADJUST: the signed correction (+ gain, − loss), ≠ 0.' })
  quantity!: number;

  @Field(() => Date, { nullable: true, description: 'When the goods moved; default now; never in the future.' })
  occurredAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  reference?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for ADJUST.' })
  @IsOptional()
  @Length(1, 500)
  reason?: string | null;
}

@InputType()
export class SetStockPolicyInput {
  @Field(() => ID) productId!: string;
  @Field(() => ID) locationId!: string;
  @Field(() => Float) @Min(0) safetyStock!: number;
  @Field(() => Float, { description: 'Must not be below safetyStock.' }) @Min(0) reorderPoint!: number;
}

@InputType()
export class StockMovementFilter {
  @Field(() => ID, { nullable: true }) productId?: string;
  @Field(() => ID, { nullable: true }) lotId?: string;
  @Field(() => ID, { nullable: true, description: 'Movements into or out of this location.' }) locationId?: string;
  @Field(() => [StockMovementType], { nullable: true }) types?: StockMovementType[];
  @Field(() => Date, { nullable: true, description: 'occurredAt ≥ this.' }) occurredFrom?: Date;
  @Field(() => Date, { nullable: true, description: 'occurredAt < this.' }) occurredBefore?: Date;
}

@InputType()
export class StockLevelFilter {
  @Field(() => ID, { nullable: true }) productId?: string;
  @Field(() => ID, { nullable: true }) locationId?: string;
}
