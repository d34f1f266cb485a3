// `Supplier.purchaseOrders` for many suppliers at once: one ranked statement returns the first page of
// every supplier asked about with the same arguments (a window function per supplier), and one grouped
// count serves `totalCount`, so a list of suppliers costs the same statements as one supplier.
// Both are query-builder SQL, which the partner filter does not reach: they add the scope themselves.
import DataLoader from 'dataloader';
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager, QBFilterQuery } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor, partnerScopeOf, type Page, type PageArgs } from '@cmgraph/platform';
import { PurchaseOrder } from '../purchase-order/purchase-order.entity';
import { purchaseOrderWhere } from '../purchase-order/purchase-order.filter';
import type { SupplierPurchaseOrderFilter } from '../purchase-order/purchase-order.input';

export interface SupplierOrdersKey {
  supplierId: string;
  filter: SupplierPurchaseOrderFilter;
  page: PageArgs;
}

/** Keys that differ only by supplier share one statement. */
function argsSignature(key: SupplierOrdersKey, withCursor = true): string {
  const { first, after, updatedSince } = key.page;
  return JSON.stringify([key.filter, updatedSince ?? null, ...(withCursor ? [first, after ?? null] : [])]);
}

/** The key's conditions for these suppliers — only the partner's own when `em` is a partner's. */
function scopedWhere(em: EntityManager, key: SupplierOrdersKey, supplierIds: string[]): FilterQuery<PurchaseOrder>[] {
  const where: FilterQuery<PurchaseOrder>[] = [purchaseOrderWhere(key.filter), { supplierId: { $in: supplierIds } }];
  const partner = partnerScopeOf(em);
  if (partner !== null) where.push({ supplierId: partner });
  if (key.page.updatedSince) where.push({ updatedAt: { $gte: key.page.updatedSince } });
  return where;
}

/** The same conditions `em.find` takes, in the query builder's (wider) filter type. */
const forBuilder = (where: FilterQuery<PurchaseOrder>[]) => ({ $and: where }) as QBFilterQuery<PurchaseOrder, 'p'>;

function byArgs(keys: readonly SupplierOrdersKey[], withCursor: boolean): Map<string, SupplierOrdersKey[]> {
  const groups = new Map<string, SupplierOrdersKey[]>();
  for (const key of keys) {
    const signature = argsSignature(key, withCursor);
    groups.set(signature, [...(groups.get(signature) ?? []), key]);
  }
  return groups;
}

export function supplierOrderPageLoader(em: EntityManager) {
  return new DataLoader<SupplierOrdersKey, Omit<Page<PurchaseOrder>, 'countTotal'>, string>(
    async (keys) => {
      const pages = new Map<string, PurchaseOrder[]>();
      for (const [signature, group] of byArgs(keys, true)) {
        const sample = group[0]!;
        const where = scopedWhere(em, sample, group.map((k) => k.supplierId));
        if (sample.page.after) where.push({ id: { $gt: decodeCursor(sample.page.after) } });
        const ranked = em
          .createQueryBuilder(PurchaseOrder, 'p')
          .select(['p.*', raw('row_number() over (partition by p.supplier_id order by p.id) as page_rank')])
          .where(forBuilder(where));
        const { sql, params } = ranked.toQuery();
        const rows = await em.execute<Record<string, unknown>[]>(
          `select * from (${sql}) ranked where page_rank <= ? order by supplier_id, id`,
          [...params, sample.page.first + 1],
        );
        for (const row of rows) {
          const { page_rank: _rank, ...columns } = row;
          const order = em.map(PurchaseOrder, columns as never);
          const id = `${signature}|${order.supplierId}`;
          pages.set(id, [...(pages.get(id) ?? []), order]);
        }
      }
      return keys.map((key) => {
        const rows = pages.get(`${argsSignature(key)}|${key.supplierId}`) ?? [];
        const nodes = rows.slice(0, key.page.first);
        const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
        return { nodes, edges, pageInfo: { hasNextPage: rows.length > key.page.first, endCursor: edges.at(-1)?.cursor ?? null } };
      });
    },
    { maxBatchSize: 1000, cacheKeyFn: (key) => `${argsSignature(key)}|${key.supplierId}` },
  );
}

export function supplierOrderCountLoader(em: EntityManager) {
  return new DataLoader<SupplierOrdersKey, number, string>(
    async (keys) => {
      const counts = new Map<string, number>();
      for (const [signature, group] of byArgs(keys, false)) {
        const rows = await em
          .createQueryBuilder(PurchaseOrder, 'p')
          .select(['p.supplierId', raw('count(*)::int as total')])
          .where(forBuilder(scopedWhere(em, group[0]!, group.map((k) => k.supplierId))))
          .groupBy('p.supplierId')
          .execute<{ supplierId: string; total: number }[]>('all');
        for (const row of rows) counts.set(`${signature}|${row.supplierId}`, row.total);
      }
      return keys.map((key) => counts.get(`${argsSignature(key, false)}|${key.supplierId}`) ?? 0);
    },
    { maxBatchSize: 1000, cacheKeyFn: (key) => `${argsSignature(key, false)}|${key.supplierId}` },
  );
}
