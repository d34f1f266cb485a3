// `PurchaseOrderLine.workOrderProgress` and `deliveryRisk`: one statement per page of lines (the work
// orders of every line asked about, batched), the rules in delivery-risk.ts.
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isId } from '@cmgraph/platform';
import type { Context } from '../context';
import { PurchaseOrderLine } from './purchase-order-line.reference';
import { DeliveryRisk, DeliveryRiskLevel, WorkOrderProgress } from './delivery-risk.type';
import { deliveryRisk, workOrderProgress, type WorkOrderProgress as Progress } from './delivery-risk';

@Resolver(() => PurchaseOrderLine)
export class PurchaseOrderLineContributionResolver {
  @FieldResolver(() => WorkOrderProgress, { nullable: true })
  async workOrderProgress(@Root() line: PurchaseOrderLine, @Ctx() ctx: Context): Promise<WorkOrderProgress> {
    const { lastNumber: _last, ...figures } = await progressOf(line, ctx);
    return Object.assign(new WorkOrderProgress(), figures);
  }

  @FieldResolver(() => DeliveryRisk, { nullable: true })
  async deliveryRisk(@Root() line: PurchaseOrderLine, @Ctx() ctx: Context): Promise<DeliveryRisk> {
    const facts = {
      promisedDate: line.currentPromisedDate ?? null,
      openQuantity: Number(line.openQuantity ?? 0),
      latestEta: line.latestEta ?? null,
      progress: await progressOf(line, ctx),
    };
    const { level, reasons } = deliveryRisk(facts, new Date());
    return Object.assign(new DeliveryRisk(), { level: DeliveryRiskLevel[level], reasons });
  }
}

async function progressOf(line: PurchaseOrderLine, ctx: Context): Promise<Progress> {
  return workOrderProgress(isId(line.id) ? await ctx.loaders.workOrdersByPurchaseOrderLine.load(line.id) : []);
}
