// What sustainability contributes to SupplierScorecard (issue 6's shared contract): carbon intensity
// and renewable share of the supplier over the period, from one batched statement per request.
import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { isId, parsePeriod } from '@cmgraph/platform';
import type { Context } from '../context';
import { SupplierScorecard } from './supplier-scorecard.reference';
import { scorecardKey, type ScorecardSustainability } from './supplier-scorecard.query';

const NOTHING: ScorecardSustainability = { carbonIntensity: null, renewableShare: null };

/** The figures of one scorecard; a malformed supplier id has none (asking PostgreSQL would fail the uuid cast). */
function figuresOf(scorecard: SupplierScorecard, ctx: Context): Promise<ScorecardSustainability> | ScorecardSustainability {
  const period = parsePeriod(scorecard.period, 'period');
  return isId(scorecard.supplierId) ? ctx.loaders.scorecard.load(scorecardKey(scorecard.supplierId, period)) : NOTHING;
}

@Resolver(() => SupplierScorecard)
export class SupplierScorecardSustainabilityResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'kgCO2e per good unit over the period, as Supplier.co2ePerUnit(from, to): (scope 1 + scope 2 market-based) kgCO2e of the ' +
      "supplier's activity, energy and waste records ÷ good units of its ProductionOutputRecords, every record counted with the " +
      'share of its days inside [from, to); null without output or without emission records.',
  })
  async carbonIntensity(@Root() scorecard: SupplierScorecard, @Ctx() ctx: Context): Promise<number | null> {
    return (await figuresOf(scorecard, ctx)).carbonIntensity;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      "Renewable kWh (SOLAR, WIND, HYDRO) ÷ total kWh of the supplier's energy records over the period, pro rata to their days " +
      'inside [from, to), as Supplier.renewableShare(from, to); null without energy records (or when they total 0 kWh).',
  })
  async renewableShare(@Root() scorecard: SupplierScorecard, @Ctx() ctx: Context): Promise<number | null> {
    return (await figuresOf(scorecard, ctx)).renewableShare;
  }
}
