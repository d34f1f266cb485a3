// Non-conformance queries and a non-conformance's relations and references.
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { connectionOf, maybeLoad, PageArgs, paginate, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { NonConformance } from './non-conformance.entity';
import { NonConformanceFilter } from './non-conformance.input';
import { Inspection } from '../inspection/inspection.entity';
import { DefectCode } from '../defect/defect-code.entity';
import { Lot, Product, Supplier } from '../references/contributed.reference';
import { stub } from '../references/external.reference';

export const NonConformanceConnection = connectionOf(NonConformance);

@Resolver(() => NonConformance)
export class NonConformanceResolver {
  @Query(() => NonConformance, { nullable: true })
  nonConformance(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<NonConformance | null> {
    return maybeLoad(ctx.loaders.nonConformance, id);
  }

  @Query(() => NonConformanceConnection)
  nonConformances(
    @Arg('filter', () => NonConformanceFilter, { nullable: true }) filter: NonConformanceFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    const where: FilterQuery<NonConformance>[] = [];
    if (filter?.statuses?.length) where.push({ status: { $in: filter.statuses } });
    if (filter?.supplierId) where.push({ supplierId: requireId(filter.supplierId, 'filter.supplierId') });
    if (filter?.severity) where.push({ severity: filter.severity });
    if (filter?.lotId) where.push({ lotId: requireId(filter.lotId, 'filter.lotId') });
    return paginate(ctx.em, NonConformance, { $and: where }, page);
  }

  @FieldResolver(() => Inspection, { nullable: true })
  inspection(@Root() nc: NonConformance, @Ctx() ctx: Context): Promise<Inspection | null> | null {
    return nc.inspection ? ctx.loaders.inspection.load(nc.inspection.id) : null;
  }

  @FieldResolver(() => DefectCode, { nullable: true, description: 'Null until classified (a failed inspection may open it unclassified).' })
  defectCode(@Root() nc: NonConformance, @Ctx() ctx: Context): Promise<DefectCode | null> | null {
    return nc.defectCode ? ctx.loaders.defectCode.load(nc.defectCode.id) : null;
  }

  @FieldResolver(() => Lot)
  lot(@Root() nc: NonConformance): Lot {
    return { id: nc.lotId };
  }

  @FieldResolver(() => Product)
  product(@Root() nc: NonConformance): Product {
    return { id: nc.productId };
  }

  @FieldResolver(() => Supplier, { nullable: true })
  supplier(@Root() nc: NonConformance): Supplier | null {
    return stub(nc.supplierId);
  }
}
