// The data room access log, for ADMIN only: newest first, filtered by document, subject, supplier,
// actions and a time window.
import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { connectionOf, decodeCursor, encodeCursor, requireId, type Page } from '@cmgraph/platform';
import type { Context } from '../context';
import { DataRoomAccess } from './data-room-access.entity';
import { AccessLogPageArgs, DataRoomAccessFilter } from './data-room.input';

export const DataRoomAccessConnection = connectionOf(DataRoomAccess);

@Resolver(() => DataRoomAccess)
export class DataRoomAccessResolver {
  // no roles named: ADMIN only
  @Authorized()
  @Query(() => DataRoomAccessConnection, { description: 'ADMIN only. Newest first (ids are time-ordered UUIDv7).' })
  async dataRoomAccessLog(
    @Arg('filter', () => DataRoomAccessFilter, { nullable: true }) filter: DataRoomAccessFilter | null,
    @Args() page: AccessLogPageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<DataRoomAccess>> {
    const where = accessWhere(filter ?? {});
    const paged = page.after ? { $and: [where, { id: { $lt: requireId(decodeCursor(page.after), 'after') } }] } : where;
    const rows = await ctx.em.find(DataRoomAccess, paged, { orderBy: { id: 'desc' }, limit: page.first + 1 });
    const nodes = rows.slice(0, page.first);
    const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
    return {
      nodes, edges,
      pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null },
      countTotal: () => ctx.em.count(DataRoomAccess, where),
    };
  }
}

function accessWhere(filter: DataRoomAccessFilter): FilterQuery<DataRoomAccess> {
  const where: FilterQuery<DataRoomAccess>[] = [];
  if (filter.documentId) where.push({ documentId: requireId(filter.documentId, 'filter.documentId') });
  if (filter.subject) where.push({ subject: filter.subject });
  if (filter.supplierId) where.push({ supplierId: requireId(filter.supplierId, 'filter.supplierId') });
  if (filter.actions?.length) where.push({ action: { $in: filter.actions } });
  if (filter.from) where.push({ at: { $gte: filter.from } });
  if (filter.to) where.push({ at: { $lt: filter.to } });
  return { $and: where };
}
