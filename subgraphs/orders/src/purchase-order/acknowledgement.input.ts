// Input for the supplier's acknowledgement of a purchase order, line by line.
import { Field, Float, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsPositive, ValidateNested } from 'class-validator';
import { LineAckStatus } from './purchase-order.enums';

@InputType()
export class LineAcknowledgementInput {
  @Field(() => ID)
  lineId!: string;

  @Field(() => LineAckStatus)
  status!: LineAckStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Required for ACCEPTED and DATE_CHANGED.' })
  promisedDate?: string | null;

  @Field(() => Float, { nullable: true, description: 'The quantity the supplier confirms, when it names one.' })
  @IsOptional()
  @IsPositive({ message: 'quantity must be greater than 0' })
  quantity?: number | null;
}

@InputType()
export class AcknowledgePurchaseOrderInput {
  @Field(() => ID)
  purchaseOrderId!: string;

  @Field(() => [LineAcknowledgementInput], { description: 'Answers for some or all lines; lines not named keep theirs.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested()
  lines!: LineAcknowledgementInput[];
}
