// Stock contributed to Product: its levels per location and its total on hand, batched per request.
import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Product } from '../product/product.entity';
import { StockLevel } from './stock-level.entity';

@Resolver(() => Product)
export class ProductStockResolver {
  @FieldResolver(() => [StockLevel], { description: 'One per location that has held the product or has a policy for it.' })
  stockLevels(@Root() product: Product, @Ctx() ctx: Context): Promise<StockLevel[]> {
    return ctx.loaders.stockLevelsByProduct.load(product.id);
  }

  @FieldResolver(() => Float, { description: 'On hand over all locations.' })
  async onHand(@Root() product: Product, @Ctx() ctx: Context): Promise<number> {
    const levels = await ctx.loaders.stockLevelsByProduct.load(product.id);
    return levels.reduce((sum, level) => sum + level.onHand, 0);
  }
}
