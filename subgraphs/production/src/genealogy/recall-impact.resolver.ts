// `recallImpact`: what a recall of one lot reaches — the lot and every lot made from it, transitively
// (the genealogy walk), and every work order that consumed or produced one of them. Shipments and the
// sites that received them come through federation (orders: Lot.shipmentLines; inventory:
// Shipment.receipt). A partner's walk steps only through its own work orders, as genealogy does.
import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Lot, stub } from '../references/external.reference';
import { WorkOrder } from '../work-order/work-order.entity';
import { DEPTH_CAP } from './lot.resolver';

@ObjectType({ description: 'Everything a recall of `rootLot` reaches in production.' })
export class RecallImpact {
  @Field(() => Lot)
  rootLot!: Lot;

  @Field(() => [Lot], {
    description: `The root lot first, then every lot made from it, transitively (up to ${DEPTH_CAP} work-order steps), nearest first.`,
  })
  lots!: Lot[];

  @Field(() => [WorkOrder], { description: 'Every work order that consumed or produced one of `lots` (the root lot\'s maker included), in number order.' })
  workOrders!: WorkOrder[];
}

@Resolver(() => RecallImpact)
export class RecallImpactResolver {
  @Query(() => RecallImpact, {
    description:
      'From a lot, every affected lot and work order. The lot must exist for the caller (inventory is asked): NOT_FOUND otherwise, ' +
      'also for a partner naming another CM\'s lot. A partner\'s walk steps through its own work orders only.',
  })
  async recallImpact(@Arg('lotId', () => ID) lotId: string, @Ctx() ctx: Context): Promise<RecallImpact> {
    requireId(lotId, 'lotId');
    await ctx.references.requireExisting('Lot', [{ id: lotId, field: 'lotId' }]);
    const descendants = await ctx.loaders.descendants.load({ lotId, maxDepth: DEPTH_CAP });
    const lotIds = [lotId, ...descendants.map((d) => d.lotId).filter((id) => id !== lotId)];
    const [outputs, consumption] = await Promise.all([ctx.loaders.outputsByLot.loadMany(lotIds), ctx.loaders.consumptionByLot.loadMany(lotIds)]);
    const orderIds = new Set<string>();
    for (const rows of [...outputs, ...consumption]) {
      if (rows instanceof Error) throw rows;
      for (const row of rows) orderIds.add(row.workOrder.id);
    }
    const orders = (await ctx.loaders.workOrder.loadMany([...orderIds])).filter((o): o is WorkOrder => o instanceof WorkOrder);
    return Object.assign(new RecallImpact(), {
      rootLot: stub(Lot, lotId),
      lots: lotIds.map((id) => stub(Lot, id)),
      workOrders: orders.sort((a, b) => a.number.localeCompare(b.number)),
    });
  }
}
