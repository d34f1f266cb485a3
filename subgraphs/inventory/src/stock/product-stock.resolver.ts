// Stock contributed to Product: its levels per location and its total on hand, batched per request.
// Both are brand-internal: a partner's levels list is empty (StockLevel is hidden from partners) and its
// on-hand total is refused rather than summed over nothing.
import { Authorized, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Product } from '../product/product.entity';
import { StockLevel } from './stock-level.entity';
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
    const levels = await ctx.loaders.stockLevelsByProduct.load(product.id);
    return levels.reduce((sum, level) => sum + level.onHand, 0);
  }
}
