// Stock contributed to Product: its levels per location, its total on hand and its days of supply,
// batched per request. All brand-internal: a partner's levels list is empty (StockLevel is hidden from
// partners) and its on-hand total and days of supply are refused rather than computed over nothing.
import { Authorized, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Product } from '../product/product.entity';
import { StockLevel } from './stock-level.entity';
import { daysOfSupply, REPORT_DEMAND_WINDOW_DAYS } from './stock.rules';
import { BRAND_ROLES } from '../access';

@Resolver(() => Product)
export class ProductStockResolver {
  @FieldResolver(() => [StockLevel], { description: 'One per location that has held the product or has a policy for it; none for partners.' })
  stockLevels(@Root() product: Product, @Ctx() ctx: Context): Promise<StockLevel[]> {
    return ctx.loaders.stockLevelsByProduct.load(product.id);
  }

  @Authorized(...BRAND_ROLES)
  @FieldResolver(() => Float, { nullable: true, description: 'On hand over all locations; null with FORBIDDEN for partners (brand stock).' })
  async onHand(@Root() product: Product, @Ctx() ctx: Context): Promise<number> {
    return onHandOf(await ctx.loaders.stockLevelsByProduct.load(product.id));
  }

  @Authorized(...BRAND_ROLES)
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      `onHand (all locations) ÷ average daily demand, demand being the quantity issued or consumed (ISSUE + CONSUME) ` +
      `out of any location during the ${REPORT_DEMAND_WINDOW_DAYS} whole days (UTC) before today, ÷ ${REPORT_DEMAND_WINDOW_DAYS}. ` +
      'Null without demand in that window; 0 when nothing is on hand. Null with FORBIDDEN for partners (brand stock).',
  })
  async daysOfSupply(@Root() product: Product, @Ctx() ctx: Context): Promise<number | null> {
    const [levels, demand] = await Promise.all([
      ctx.loaders.stockLevelsByProduct.load(product.id),
      ctx.loaders.productDemand.load(product.id),
    ]);
    return daysOfSupply(onHandOf(levels), demand, REPORT_DEMAND_WINDOW_DAYS);
  }
}

function onHandOf(levels: StockLevel[]): number {
  return levels.reduce((sum, level) => sum + level.onHand, 0);
}
