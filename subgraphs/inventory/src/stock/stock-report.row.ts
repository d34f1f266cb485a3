// One row of the stock report: a product at a location, its stock, policy and days of supply.
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { connectionOf } from '@cmgraph/platform';
import { REPORT_DEMAND_WINDOW_DAYS } from './stock.rules';

@ObjectType({ description: 'Stock of one product at one location (one stock level), with its policy and days of supply.' })
export class StockReportRow {
  @Field({ description: '`<productId>|<locationId>`: unique, and the order of the report.' })
  key!: string;

  @Field(() => ID)
  productId!: string;

  @Field(() => ID)
  locationId!: string;

  @Field(() => Float, { description: 'Physically at the location.' })
  onHand!: number;

  @Field(() => Float, { description: 'Promised to orders or work orders but not yet issued.' })
  reserved!: number;

  @Field(() => Float, { description: 'onHand − reserved.' })
  available!: number;

  @Field(() => Float)
  safetyStock!: number;

  @Field(() => Float, { description: '0 when no reorder point is set.' })
  reorderPoint!: number;

  @Field({ description: 'A reorder point is set (> 0) and available ≤ reorderPoint.' })
  belowReorderPoint!: boolean;

  @Field(() => Float, {
    description: `Quantity issued or consumed (ISSUE + CONSUME) out of this location during the ${REPORT_DEMAND_WINDOW_DAYS} whole days (UTC) before today, ÷ ${REPORT_DEMAND_WINDOW_DAYS}; 0 without demand.`,
  })
  averageDailyDemand!: number;

  @Field(() => Float, { nullable: true, description: 'onHand ÷ averageDailyDemand; null without demand, 0 when nothing is on hand.' })
  daysOfSupply!: number | null;

  @Field({ description: 'When the stock level last changed (a movement or a policy): what `updatedSince` compares.' })
  updatedAt!: Date;
}

export const StockReportRowConnection = connectionOf(StockReportRow);
