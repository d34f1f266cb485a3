// Arguments of the stock report: which products and locations, and whether only those to replenish.
import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize } from 'class-validator';

@InputType({ description: 'All given conditions hold together; an empty or absent list does not filter.' })
export class StockReportFilter {
  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(1000)
  locationIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(1000)
  productIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only rows at or below their reorder point (one is set and available ≤ it); false: only the others.',
  })
  belowReorderPoint?: boolean | null;
}
