// Inputs and filters for receiving shipments.
import { Field, Float, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Min, ValidateNested } from 'class-validator';

@InputType()
export class ReceiptLineInput {
  @Field(() => ID) productId!: string;

  @Field(() => String, { nullable: true, description: 'Required for lot-tracked products; a new number creates the lot.' })
  @IsOptional()
  @Length(1, 100)
  lotNumber?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Expiry of a new lot.' })
  expiresOn?: string | null;

  @Field(() => Float, { nullable: true }) @IsOptional() @Min(0) expectedQuantity?: number | null;
  @Field(() => Float) @Min(0) receivedQuantity!: number;
  @Field(() => Float) @Min(0) acceptedQuantity!: number;
  @Field(() => Float) @Min(0) rejectedQuantity!: number;

  @Field(() => ID, { nullable: true, description: 'The ASN line (owned by orders) received.' })
  shipmentLineId?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 1000) note?: string | null;
}

@InputType()
export class ReceiveShipmentInput {
  @Field(() => ID) shipmentId!: string;
  @Field(() => ID) locationId!: string;
  @Field(() => Date, { nullable: true, description: 'Default now.' }) receivedAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'The supplier (owned by suppliers) that shipped the goods: recorded on the receipt (its partner may see it) and on the lots it creates.' })
  supplierId?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 1000) note?: string | null;

  @Field(() => [ReceiptLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested()
  lines!: ReceiptLineInput[];
}

@InputType()
export class ReceiptFilter {
  @Field(() => ID, { nullable: true }) shipmentId?: string;
  @Field(() => ID, { nullable: true }) locationId?: string;
}
