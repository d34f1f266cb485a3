// What this subgraph contributes to Supplier (owned by suppliers): carbon intensity, renewable share
// and emissions over all its facilities, from the records' supplier as suppliers reported it.
import { Arg, Args, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Supplier } from '../references/external.reference';
import { carbonIntensity, EmissionsSummary, emissionsFromTotals } from '../kpi/emissions';
import type { EnergySummary } from '../kpi/energy';
import { WindowArgs, windowKey } from '../kpi/window.args';

const NO_EMISSIONS = emissionsFromTotals({ records: 0, groups: [], primaryKg: 0, outputRecords: 0, goodUnits: 0 });

@Resolver(() => Supplier)
export class SupplierContributionResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Carbon intensity in [from, to): (scope 1 + scope 2 market-based [+ scope 3 when includeScope3]) kgCO2e ÷ good units ' +
      'produced, over all its facilities; null when no output or no emission record.',
  })
  async co2ePerUnit(
    @Root() supplier: Supplier,
    @Args() window: WindowArgs,
    @Arg('includeScope3', { defaultValue: false }) includeScope3: boolean,
    @Ctx() ctx: Context,
  ): Promise<number | null> {
    return carbonIntensity(await emissionsOf(supplier, window, ctx), includeScope3);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Renewable kWh ÷ total kWh in [from, to) over all its facilities; null when no energy.' })
  async renewableShare(@Root() supplier: Supplier, @Args() window: WindowArgs, @Ctx() ctx: Context): Promise<number | null> {
    const key = windowKey({ supplierId: supplier.id }, window);
    const energy: EnergySummary | null = key ? await ctx.loaders.energy.load(key) : null;
    return energy?.renewableShare ?? null;
  }

  @FieldResolver(() => EmissionsSummary, { description: 'Emissions in [from, to) over all its facilities.' })
  emissions(@Root() supplier: Supplier, @Args() window: WindowArgs, @Ctx() ctx: Context): Promise<EmissionsSummary> {
    return emissionsOf(supplier, window, ctx);
  }
}

async function emissionsOf(supplier: Supplier, window: WindowArgs, ctx: Context): Promise<EmissionsSummary> {
  const key = windowKey({ supplierId: supplier.id }, window);
  return key ? ctx.loaders.emissions.load(key) : NO_EMISSIONS;
}
