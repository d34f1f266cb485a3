// What quality contributes to Supplier: PPM, first-pass yield and the open non-conformances.
import { Args, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { isId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Supplier } from '../references/contributed.reference';
import { QualityPerformance, qualityFromTotals } from '../kpi/quality-kpi';
import { checkPeriod, PeriodArgs } from '../kpi/period.args';
import { NonConformance } from '../non-conformance/non-conformance.entity';

const NOTHING = qualityFromTotals({ firstInspections: 0, firstInspectionsPassed: 0, quantityReceived: 0, quantityRejected: 0 });

/** A KPI of a supplier or product; a malformed id has no inspections (asking PostgreSQL would fail the uuid cast). */
export async function qualityOf(scope: 'SUPPLIER' | 'PRODUCT', id: string, period: PeriodArgs, ctx: Context): Promise<QualityPerformance> {
  checkPeriod(period);
  return isId(id) ? ctx.loaders.qualityPerformance.load({ scope, id, from: period.from, to: period.to }) : NOTHING;
}

@Resolver(() => Supplier)
export class SupplierQualityResolver {
  @FieldResolver(() => QualityPerformance, { description: 'PPM and first-pass yield of the lots this supplier made, over inspections in [from, to].' })
  qualityPerformance(@Root() supplier: Supplier, @Args() period: PeriodArgs, @Ctx() ctx: Context): Promise<QualityPerformance> {
    return qualityOf('SUPPLIER', supplier.id, period, ctx);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Parts per million rejected at incoming inspection: Σ quantityRejected ÷ Σ lot size × 10⁶ over first INCOMING inspections in [from, to]; null when nothing was received.',
  })
  async ppm(@Root() supplier: Supplier, @Args() period: PeriodArgs, @Ctx() ctx: Context): Promise<number | null> {
    return (await qualityOf('SUPPLIER', supplier.id, period, ctx)).ppm;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'First inspections (any trigger) in [from, to] that passed ÷ first inspections; null when there were none.',
  })
  async firstPassYield(@Root() supplier: Supplier, @Args() period: PeriodArgs, @Ctx() ctx: Context): Promise<number | null> {
    return (await qualityOf('SUPPLIER', supplier.id, period, ctx)).firstPassYield;
  }

  @FieldResolver(() => [NonConformance], { description: 'Non-conformances of this supplier not yet CLOSED, oldest first.' })
  openNonConformances(@Root() supplier: Supplier, @Ctx() ctx: Context): Promise<NonConformance[]> | NonConformance[] {
    return isId(supplier.id) ? ctx.loaders.openNonConformancesBySupplier.load(supplier.id) : [];
  }

  @FieldResolver(() => Int, { description: 'How many non-conformances of this supplier are not yet CLOSED.' })
  async openNonConformanceCount(@Root() supplier: Supplier, @Ctx() ctx: Context): Promise<number> {
    return isId(supplier.id) ? (await ctx.loaders.openNonConformancesBySupplier.load(supplier.id)).length : 0;
  }
}
