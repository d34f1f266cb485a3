// What quality contributes to SupplierScorecard (issue 6's shared contract): PPM, first-pass yield, open
// corrective actions and the number of inspections of the supplier's lots in the period.
import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import { isId, parsePeriod } from '@cmgraph/platform';
import type { Context } from '../context';
import { qualityFromTotals } from '../kpi/quality-kpi';
import { SupplierScorecard } from './supplier-scorecard.reference';
import type { ScorecardQuality } from './supplier-scorecard.query';

const NOTHING: ScorecardQuality = {
  ...qualityFromTotals({ firstInspections: 0, firstInspectionsPassed: 0, quantityReceived: 0, quantityRejected: 0 }),
  inspections: 0,
  openCorrectiveActions: 0,
};

/** The figures of one scorecard; a malformed supplier id has none (asking PostgreSQL would fail the uuid cast). */
function qualityOf(scorecard: SupplierScorecard, ctx: Context): Promise<ScorecardQuality> | ScorecardQuality {
  const period = parsePeriod(scorecard.period, 'period');
  return isId(scorecard.supplierId) ? ctx.loaders.scorecardQuality.load({ supplierId: scorecard.supplierId, period }) : NOTHING;
}

@Resolver(() => SupplierScorecard)
export class SupplierScorecardQualityResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Parts per million rejected at incoming inspection, as Supplier.ppm over the period: Σ quantityRejected ÷ Σ lot size × 10⁶ ' +
      'over the first INCOMING inspection of each lot (per plan) inspected in [from, to); null when nothing was received.',
  })
  async ppm(@Root() scorecard: SupplierScorecard, @Ctx() ctx: Context): Promise<number | null> {
    return (await qualityOf(scorecard, ctx)).ppm;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'As Supplier.firstPassYield over the period: first inspections (any trigger) in [from, to) that passed ÷ first inspections; null when there were none.',
  })
  async firstPassYield(@Root() scorecard: SupplierScorecard, @Ctx() ctx: Context): Promise<number | null> {
    return (await qualityOf(scorecard, ctx)).firstPassYield;
  }

  @FieldResolver(() => Int, {
    description: 'Corrective actions (8D) of the supplier open at `to`: opened before `to` and not closed by then (closedAt ≥ `to` counts as open).',
  })
  async openCorrectiveActions(@Root() scorecard: SupplierScorecard, @Ctx() ctx: Context): Promise<number> {
    return (await qualityOf(scorecard, ctx)).openCorrectiveActions;
  }

  @FieldResolver(() => Int, { description: 'Inspections of the supplier\'s lots in [from, to): every trigger, first inspections and re-inspections alike.' })
  async inspections(@Root() scorecard: SupplierScorecard, @Ctx() ctx: Context): Promise<number> {
    return (await qualityOf(scorecard, ctx)).inspections;
  }
}
