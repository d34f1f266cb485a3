// Open purchase-order lines — what is still to be shipped — for delivery-risk views: an entity list in
// stable id order, paged by cursor, with `updatedSince`.
import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { raw, type FilterQuery } from '@mikro-orm/core';
import { connectionOf, PageArgs, paginate, requireId, type Page } from '@cmgraph/platform';
import type { Context } from '../context';
import { PurchaseOrderLine } from './purchase-order-line.entity';
import { LineAckStatus } from './purchase-order.enums';
import { OPEN_ORDER } from './purchase-order.rules';
import { OpenLineFilter } from './open-line.input';

export const PurchaseOrderLineConnection = connectionOf(PurchaseOrderLine);

/** The promise a line stands by now: current, else original, else the requested day (as shipment lateness). */
const NOW_PROMISED = (alias: string) => `coalesce(${alias}.current_promised_date, ${alias}.original_promised_date, ${alias}.requested_date)`;

export function openLineWhere(filter: OpenLineFilter): FilterQuery<PurchaseOrderLine> {
  const where: FilterQuery<PurchaseOrderLine>[] = [
    { purchaseOrder: { status: { $in: [...OPEN_ORDER] } } },
    { ackStatus: { $ne: LineAckStatus.REJECTED } },
    // open quantity (ordered − shipped) > 0, as `openQuantity`
    { [raw((alias) => `${alias}.quantity - ${alias}.quantity_shipped`)]: { $gt: 0 } },
  ];
  const supplierIds = filter.supplierIds?.map((id, i) => requireId(id, `filter.supplierIds[${i}]`));
  if (supplierIds?.length) where.push({ purchaseOrder: { supplierId: { $in: supplierIds } } });
  if (filter.dueBefore) where.push({ [raw((alias) => NOW_PROMISED(alias))]: { $lt: filter.dueBefore } });
  return { $and: where } as FilterQuery<PurchaseOrderLine>;
}

@Resolver(() => PurchaseOrderLine)
export class OpenLineResolver {
  @Query(() => PurchaseOrderLineConnection, {
    description: 'Lines with open quantity (ordered − shipped) > 0 on orders SENT, ACKNOWLEDGED or PARTIALLY_SHIPPED, in id order.',
  })
  openPurchaseOrderLines(
    @Arg('filter', () => OpenLineFilter, { nullable: true }) filter: OpenLineFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<PurchaseOrderLine>> {
    return paginate(ctx.em, PurchaseOrderLine, openLineWhere(filter ?? {}), page);
  }
}
