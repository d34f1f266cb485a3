// What quality contributes to Product: PPM and first-pass yield of its lots.
import { Args, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Product } from '../references/contributed.reference';
import { QualityPerformance } from '../kpi/quality-kpi';
import { PeriodArgs } from '../kpi/period.args';
import { qualityOf } from './supplier.resolver';

@Resolver(() => Product)
export class ProductQualityResolver {
  @FieldResolver(() => QualityPerformance, { description: 'PPM and first-pass yield of this product\'s lots, over inspections in [from, to].' })
  qualityPerformance(@Root() product: Product, @Args() period: PeriodArgs, @Ctx() ctx: Context): Promise<QualityPerformance> {
    return qualityOf('PRODUCT', product.id, period, ctx);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Σ quantityRejected ÷ Σ lot size × 10⁶ over first INCOMING inspections of this product in [from, to]; null when nothing was received.',
  })
  async ppm(@Root() product: Product, @Args() period: PeriodArgs, @Ctx() ctx: Context): Promise<number | null> {
    return (await qualityOf('PRODUCT', product.id, period, ctx)).ppm;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'First inspections of this product in [from, to] that passed ÷ first inspections; null when none.' })
  async firstPassYield(@Root() product: Product, @Args() period: PeriodArgs, @Ctx() ctx: Context): Promise<number | null> {
    return (await qualityOf('PRODUCT', product.id, period, ctx)).firstPassYield;
  }
}
