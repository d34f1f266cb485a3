// The GraphQL shapes of open-PO delivery risk (definitions in delivery-risk.ts).
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PROGRESS_TOLERANCE } from './delivery-risk';

export enum DeliveryRiskLevel {
  ON_TRACK = 'ON_TRACK',
  AT_RISK = 'AT_RISK',
  LATE = 'LATE',
  UNKNOWN = 'UNKNOWN',
}

const tolerance = `${Math.round(PROGRESS_TOLERANCE * 100)}`;

/** The rules, as every field that applies them describes them. */
export const RISK_RULES =
  'LATE: latestEta is after currentPromisedDate, or there is no ETA, today (UTC) is after the promised date and openQuantity > 0. ' +
  `AT_RISK (only while openQuantity > 0): work-order progress is behind the elapsed share of the work orders' planned window ` +
  `(earliest plannedStart to latest plannedEnd) by more than ${tolerance} percentage points, or a work order's plannedEnd (UTC date) ` +
  'is after the promised date. ON_TRACK: otherwise, when there is an ETA or a work order. UNKNOWN: neither. The worst level that ' +
  'applies wins; without a promised date no date is compared. ABORTED work orders do not count.';

registerEnumType(DeliveryRiskLevel, {
  name: 'DeliveryRiskLevel',
  description: "How likely a PO line's open quantity arrives by its promised date; the rules are on PurchaseOrderLine.deliveryRisk.",
});

@ObjectType({ description: "Progress of the work orders made for a purchase order line (ABORTED ones left out)." })
export class WorkOrderProgress {
  @Field(() => Int)
  workOrders!: number;

  @Field(() => Float, { description: 'Σ quantityPlanned.' })
  quantityPlanned!: number;

  @Field(() => Float, { description: 'Σ quantityGood.' })
  quantityGood!: number;

  @Field(() => Float, { nullable: true, description: 'quantityGood ÷ quantityPlanned; null without work orders.' })
  progress!: number | null;

  @Field(() => Date, { nullable: true, description: 'The earliest planned start; null without work orders.' })
  plannedStart!: Date | null;

  @Field(() => Date, { nullable: true, description: 'The latest planned end; null without work orders.' })
  plannedEnd!: Date | null;
}

@ObjectType({ description: "A PO line's delivery risk and why; the rules are on PurchaseOrderLine.deliveryRisk." })
export class DeliveryRisk {
  @Field(() => DeliveryRiskLevel)
  level!: DeliveryRiskLevel;

  @Field(() => [String], { description: 'Every rule that applies, in words (LATE ones first); empty when ON_TRACK for lack of any.' })
  reasons!: string[];
}
