// What orders contributes to SupplierScorecard: delivery performance and acknowledgement latency over the
// scorecard's period (definitions in scorecard-kpi.ts), every field of every scorecard of a request
// from one batched statement.
import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { SupplierScorecard } from './supplier-scorecard.reference';
import type { ScorecardFigures } from './supplier-scorecard.query';

function figures(card: SupplierScorecard, ctx: Context): Promise<ScorecardFigures> {
  return ctx.loaders.scorecard.load({ supplierId: card.supplierId, period: card.period });
}

@Resolver(() => SupplierScorecard)
export class SupplierScorecardResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: 'On-time-in-full rate of the lines promised in the period (Supplier.deliveryPerformance over the period, ' +
      'window 3 days early / 0 late); null when no line is due.',
  })
  async otif(@Root() card: SupplierScorecard, @Ctx() ctx: Context): Promise<number | null> {
    return (await figures(card, ctx)).onTimeInFullRate;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Fill rate of the lines promised in the period; null when no line is due.' })
  async fillRate(@Root() card: SupplierScorecard, @Ctx() ctx: Context): Promise<number | null> {
    return (await figures(card, ctx)).fillRate;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Mean days between promised date and delivery-in-full over the due lines delivered late; ' +
      '0 when none was late; null when no due line has been delivered in full.',
  })
  async averageDaysLate(@Root() card: SupplierScorecard, @Ctx() ctx: Context): Promise<number | null> {
    return (await figures(card, ctx)).averageDaysLate;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Mean hours from sentAt to acknowledgedAt over the orders sent in the period (UTC) and acknowledged; null when none.',
  })
  async acknowledgementLatencyHours(@Root() card: SupplierScorecard, @Ctx() ctx: Context): Promise<number | null> {
    return (await figures(card, ctx)).acknowledgementLatencyHours;
  }

  @FieldResolver(() => Int, { description: 'Lines promised in the period: not rejected, order sent and not cancelled.' })
  async linesDue(@Root() card: SupplierScorecard, @Ctx() ctx: Context): Promise<number> {
    return (await figures(card, ctx)).linesDue;
  }
}
