// What this subgraph contributes to Facility (owned by suppliers): its lines, machines and OEE.
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Facility } from '../references/external.reference';
import { Line } from '../line/line.entity';
import { Machine } from '../machine/machine.entity';
import { oeeFromTotals } from '../oee/oee';
import { Oee } from '../oee/oee.type';
import { checkedPeriod, PeriodArgs } from '../oee/period.args';

@Resolver(() => Facility)
export class FacilityContributionResolver {
  @FieldResolver(() => [Line], { description: 'Production lines in the facility, in code order.' })
  async lines(@Root() facility: Facility, @Ctx() ctx: Context): Promise<Line[]> {
    return isId(facility.id) ? ctx.loaders.linesByFacility.load(facility.id) : [];
  }

  @FieldResolver(() => [Machine], { description: 'Machines on all lines of the facility, in code order.' })
  async machines(@Root() facility: Facility, @Ctx() ctx: Context): Promise<Machine[]> {
    return isId(facility.id) ? ctx.loaders.machinesByFacility.load(facility.id) : [];
  }

  @FieldResolver(() => Oee, { nullable: true, description: 'OEE over [from, to) of all lines together (their totals summed, then the ratios); null without production. See Oee.' })
  async oee(@Root() facility: Facility, @Args() period: PeriodArgs, @Ctx() ctx: Context): Promise<Oee | null> {
    const checked = checkedPeriod(period);
    if (!isId(facility.id)) return null;
    return oeeFromTotals(await ctx.loaders.oeeTotals.load({ kind: 'FACILITY', id: facility.id, ...checked }));
  }
}
