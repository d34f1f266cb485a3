// What this subgraph contributes to Lot (owned by inventory): the work order that made it, those that
// consumed it, and its genealogy in both directions at any depth.
import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { AppError, isId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Lot, stub } from '../references/external.reference';
import { WorkOrder } from '../work-order/work-order.entity';
import type { LotLinkRow } from './genealogy.query';

/** The deepest walk genealogy answers (work-order steps). */
export const DEPTH_CAP = 50;

@ObjectType({ description: 'A lot reached from another through work orders, and how far away it is.' })
export class LotLink {
  @Field(() => Lot)
  lot!: Lot;

  @Field(() => Int, { description: '1 = direct input (ancestors) or direct output (descendants); the shortest path counts.' })
  depth!: number;

  @Field(() => WorkOrder, { description: 'The work order of the last step: it consumed (ancestors) or produced (descendants) `lot`.' })
  workOrder!: WorkOrder;
}

@Resolver(() => Lot)
export class LotContributionResolver {
  @FieldResolver(() => WorkOrder, { nullable: true, description: 'The work order whose output this lot is (production); null for a purchased lot.' })
  async producedBy(@Root() lot: Lot, @Ctx() ctx: Context): Promise<WorkOrder | null> {
    if (!isId(lot.id)) return null;
    const [output] = await ctx.loaders.outputsByLot.load(lot.id);
    return output ? ctx.loaders.workOrder.load(output.workOrder.id) : null;
  }

  @FieldResolver(() => [WorkOrder], { description: 'Work orders that consumed this lot (production).' })
  async consumedIn(@Root() lot: Lot, @Ctx() ctx: Context): Promise<WorkOrder[]> {
    if (!isId(lot.id)) return [];
    const rows = await ctx.loaders.consumptionByLot.load(lot.id);
    const orders = await ctx.loaders.workOrder.loadMany([...new Set(rows.map((r) => r.workOrder.id))]);
    return orders.filter((o): o is WorkOrder => o instanceof WorkOrder);
  }

  @FieldResolver(() => [LotLink], { description: 'Lots that went into this one, transitively, up to maxDepth work-order steps (nearest first).' })
  ancestors(@Root() lot: Lot, @Arg('maxDepth', () => Int, { defaultValue: 10 }) maxDepth: number, @Ctx() ctx: Context): Promise<LotLink[]> {
    return walk(ctx, ctx.loaders.ancestors, lot, maxDepth);
  }

  @FieldResolver(() => [LotLink], { description: 'Lots made from this one, transitively, up to maxDepth work-order steps (nearest first).' })
  descendants(@Root() lot: Lot, @Arg('maxDepth', () => Int, { defaultValue: 10 }) maxDepth: number, @Ctx() ctx: Context): Promise<LotLink[]> {
    return walk(ctx, ctx.loaders.descendants, lot, maxDepth);
  }
}

async function walk(ctx: Context, loader: Context['loaders']['ancestors'], lot: Lot, maxDepth: number): Promise<LotLink[]> {
  if (maxDepth < 1 || maxDepth > DEPTH_CAP) throw AppError.badInput('maxDepth', `must be 1 to ${DEPTH_CAP}`);
  if (!isId(lot.id)) return [];
  const links: LotLinkRow[] = await loader.load({ lotId: lot.id, maxDepth });
  const orders = await ctx.loaders.workOrder.loadMany(links.map((l) => l.workOrderId));
  return links.map((link, i) => ({ lot: stub(Lot, link.lotId), depth: link.depth, workOrder: orders[i] as WorkOrder }));
}
