// Inputs and filters for purchase orders.
import { Field, Float, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import {
  ArrayMaxSize, ArrayMinSize, IsISO4217CurrencyCode, IsPositive, Matches, Min, ValidateNested,
} from 'class-validator';
import { Incoterms, PurchaseOrderStatus } from './purchase-order.enums';

@InputType()
export class PurchaseOrderLineInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => Float)
  @IsPositive({ message: 'quantity must be greater than 0' })
  quantity!: number;

  @Field({ description: 'Unit of measure, e.g. EA, KG, M.' })
  @Matches(/^[A-Z0-9]{1,10}$/, { message: 'uom must be 1–10 upper-case letters or digits' })
  uom!: string;

  @Field(() => Float)
  @Min(0, { message: 'unitPrice must not be negative' })
  unitPrice!: number;

  @Field(() => LocalDateResolver)
  requestedDate!: string;
}

@InputType()
export class CreatePurchaseOrderInput {
  @Field({ description: 'Unique PO number, e.g. "PO-0000123".' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'number must be 2–32 upper-case letters, digits or dashes' })
  number!: string;

  @Field(() => ID)
  supplierId!: string;

  @Field(() => ID)
  shipToLocationId!: string;

  @Field(() => Incoterms)
  incoterms!: Incoterms;

  @Field({ description: 'ISO 4217 code, e.g. USD, EUR.' })
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code' })
  currency!: string;

  @Field(() => [PurchaseOrderLineInput])
  @ArrayMinSize(1, { message: 'an order needs at least one line' })
  @ArrayMaxSize(1000)
  @ValidateNested()
  lines!: PurchaseOrderLineInput[];
}

/** The filters a supplier's own order list offers (`Supplier.purchaseOrders`). */
@InputType()
export class SupplierPurchaseOrderFilter {
  @Field(() => [PurchaseOrderStatus], { nullable: true })
  statuses?: PurchaseOrderStatus[];

  @Field(() => LocalDateResolver, { nullable: true, description: 'Ordered on or after this day (UTC).' })
  orderedFrom?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Ordered on or before this day (UTC).' })
  orderedTo?: string;
}

@InputType()
export class PurchaseOrderFilter extends SupplierPurchaseOrderFilter {
  @Field(() => ID, { nullable: true })
  supplierId?: string;
}
