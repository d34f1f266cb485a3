// Scorecards: `Supplier.scorecard(period)`, `supplierScorecards` (one per supplier, by supplier code),
// their certification standing and their score. Any role may read them; a PARTNER's requests reach its
// own supplier only (the Supplier rows are partner-scoped, references to others refused by the kit).
import { Arg, Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { connectionOf, parsePeriod, requireId, type Page } from '@cmgraph/platform';
import type { Context } from '../context';
import { Supplier } from '../supplier/supplier.entity';
import { CertificationStanding, standingKey } from '../certification/certification-standing';
import { keyAfter, keysetPage, ReportPageArgs } from '../report/report-page';
import { scoreOf, validateWeights, DEFAULT_WEIGHTS, type Score } from './score';
import { ScorecardWeightsInput, SupplierScorecardFilter } from './scorecard.input';
import { SupplierScore, SupplierScorecard } from './scorecard.type';
import { scorecardOf } from './scorecard.reference';

export const SupplierScorecardConnection = connectionOf(SupplierScorecard);

const REQUIRED = 'otif fillRate ppm firstPassYield renewableShare linesDue inspections';

@Resolver(() => SupplierScorecard)
export class SupplierScorecardResolver {
  @Query(() => SupplierScorecardConnection, { description: 'One scorecard per supplier for the period, in supplier code order.' })
  async supplierScorecards(
    @Arg('period', { description: 'YYYY, YYYY-Qn or YYYY-MM.' }) periodText: string,
    @Arg('filter', () => SupplierScorecardFilter, { nullable: true }) filter: SupplierScorecardFilter | null,
    @Args() page: ReportPageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<SupplierScorecard>> {
    const period = parsePeriod(periodText, 'period');
    const where = scorecardSupplierWhere(filter ?? {});
    const after = keyAfter(page);
    const suppliers = await ctx.em.find(Supplier, after === null ? where : { $and: [where, { code: { $gt: after } }] }, {
      orderBy: { code: 'asc' },
      limit: page.first + 1,
    });
    for (const supplier of suppliers) ctx.loaders.supplier.prime(supplier.id, supplier);
    const codes = new Map(suppliers.map((s) => [s.id, s.code]));
    return keysetPage(suppliers.map((s) => scorecardOf(s.id, period)), (card) => codes.get(card.supplierId)!, page.first, () => ctx.em.count(Supplier, where));
  }

  @FieldResolver(() => Supplier)
  supplier(@Root() card: SupplierScorecard, @Ctx() ctx: Context): Promise<Supplier | null> {
    return ctx.loaders.supplier.load(card.supplierId);
  }

  @FieldResolver(() => CertificationStanding, {
    description: 'As of `to` (the day after the period): VALID, EXPIRING (all certificates in force end within 30 days of `to`), EXPIRED or NONE.',
  })
  certificationStatus(@Root() card: SupplierScorecard, @Ctx() ctx: Context): Promise<CertificationStanding> {
    return ctx.loaders.certificationStanding.load(standingKey(card.supplierId, card.to));
  }

  @Directive(`@requires(fields: "${REQUIRED}")`)
  @FieldResolver(() => SupplierScore, {
    nullable: true,
    description:
      'The weighted score (default weights otif 30, fillRate 15, ppm 20, firstPassYield 10, renewableShare 10, certification 15). ' +
      'Components without data are left out and the other weights re-normalised to 100. Null when the period is not scored: ' +
      'no line due and no inspection in it. Weights not each 0..100 or not summing to 100: BAD_USER_INPUT (field `weights`).',
  })
  async score(
    @Root() card: SupplierScorecard,
    @Arg('weights', () => ScorecardWeightsInput, { nullable: true }) weights: ScorecardWeightsInput | null,
    @Ctx() ctx: Context,
  ): Promise<Score | null> {
    const chosen = validateWeights(weights ? { ...weights } : DEFAULT_WEIGHTS);
    // the figures come in the representation the gateway sends (@requires); absent ones count as no data
    const linesDue = card.linesDue ?? 0;
    const inspections = card.inspections ?? 0;
    if (linesDue === 0 && inspections === 0) return null;
    const certification = await ctx.loaders.certificationStanding.load(standingKey(card.supplierId, card.to));
    return scoreOf(
      {
        otif: card.otif ?? null, fillRate: card.fillRate ?? null, ppm: card.ppm ?? null, firstPassYield: card.firstPassYield ?? null,
        renewableShare: card.renewableShare ?? null, linesDue, inspections, certification,
      },
      chosen,
    );
  }
}

@Resolver(() => Supplier)
export class SupplierScorecardFieldResolver {
  @FieldResolver(() => SupplierScorecard, { description: 'The supplier\'s scorecard for a period (YYYY, YYYY-Qn or YYYY-MM).' })
  scorecard(@Root() supplier: Supplier, @Arg('period') periodText: string): SupplierScorecard {
    return scorecardOf(supplier.id, parsePeriod(periodText, 'period'));
  }
}

function scorecardSupplierWhere(filter: SupplierScorecardFilter): FilterQuery<Supplier> {
  const where: FilterQuery<Supplier>[] = [];
  if (filter.supplierIds) where.push({ id: { $in: filter.supplierIds.map((id) => requireId(id, 'filter.supplierIds')) } });
  if (filter.types?.length) where.push({ type: { $in: filter.types } });
  return { $and: where };
}
