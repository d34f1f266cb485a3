// What this subgraph contributes to Facility (owned by suppliers): its energy, waste, water and
// emissions over a window, each from one batched statement per request.
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Facility } from '../references/external.reference';
import { EnergySummary, energyFromTotals } from '../kpi/energy';
import { WasteSummary, wasteFromTotals } from '../kpi/waste';
import { WaterSummary, waterFromTotals } from '../kpi/water';
import { EmissionsSummary, emissionsFromTotals } from '../kpi/emissions';
import { WindowArgs, windowKey } from '../kpi/window.args';

@Resolver(() => Facility)
export class FacilityContributionResolver {
  @FieldResolver(() => EnergySummary, { description: 'Energy used in [from, to); see EnergySummary for the definitions.' })
  energy(@Root() facility: Facility, @Args() window: WindowArgs, @Ctx() ctx: Context): Promise<EnergySummary> | EnergySummary {
    const key = windowKey({ facilityId: facility.id }, window);
    return key ? ctx.loaders.energy.load(key) : energyFromTotals({ records: 0, kwh: 0, renewableKwh: 0, locationKg: 0, marketKg: 0 });
  }

  @FieldResolver(() => WasteSummary, { description: 'Waste in [from, to); see WasteSummary for the definitions.' })
  waste(@Root() facility: Facility, @Args() window: WindowArgs, @Ctx() ctx: Context): Promise<WasteSummary> | WasteSummary {
    const key = windowKey({ facilityId: facility.id }, window);
    return key ? ctx.loaders.waste.load(key) : wasteFromTotals([]);
  }

  @FieldResolver(() => WaterSummary, { description: 'Water balance in [from, to); see WaterSummary for the definitions.' })
  water(@Root() facility: Facility, @Args() window: WindowArgs, @Ctx() ctx: Context): Promise<WaterSummary> | WaterSummary {
    const key = windowKey({ facilityId: facility.id }, window);
    return key ? ctx.loaders.water.load(key) : waterFromTotals({ records: 0, withdrawalM3: 0, dischargeM3: 0, recycledM3: 0 });
  }

  @FieldResolver(() => EmissionsSummary, { description: 'Emissions in [from, to) by scope and category.' })
  emissions(@Root() facility: Facility, @Args() window: WindowArgs, @Ctx() ctx: Context): Promise<EmissionsSummary> | EmissionsSummary {
    const key = windowKey({ facilityId: facility.id }, window);
    return key ? ctx.loaders.emissions.load(key) : emissionsFromTotals({ records: 0, groups: [], primaryKg: 0, outputRecords: 0, goodUnits: 0 });
  }
}
