// Purchase-order list filters as ORM conditions, shared by `purchaseOrders` and `Supplier.purchaseOrders`.
import type { FilterQuery } from '@mikro-orm/core';
import { addDays, AppError, requireId } from '@cmgraph/platform';
import { PurchaseOrder } from './purchase-order.entity';
import type { PurchaseOrderFilter } from './purchase-order.input';

export function purchaseOrderWhere(filter: PurchaseOrderFilter, field = 'filter'): FilterQuery<PurchaseOrder> {
  const where: FilterQuery<PurchaseOrder>[] = [];
  if (filter.supplierId) where.push({ supplierId: requireId(filter.supplierId, `${field}.supplierId`) });
  if (filter.statuses?.length) where.push({ status: { $in: filter.statuses } });
  if (filter.orderedFrom && filter.orderedTo && filter.orderedTo < filter.orderedFrom) {
    throw AppError.badInput(`${field}.orderedTo`, 'must not be before orderedFrom');
  }
  // Whole UTC days, inclusive at both ends.
  if (filter.orderedFrom) where.push({ orderedAt: { $gte: new Date(`${filter.orderedFrom}T00:00:00Z`) } });
  if (filter.orderedTo) where.push({ orderedAt: { $lt: new Date(`${addDays(filter.orderedTo, 1)}T00:00:00Z`) } });
  return { $and: where };
}
