// Product footprints: publishing, deprecating, listing; their PACT shape; and `Product.footprint`.
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { AppError, connectionOf, isId, PageArgs, paginate, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { ProductFootprint } from './product-footprint.entity';
import { FootprintStatus } from './footprint.enums';
import { moveFootprint } from './footprint.rules';
import { CarbonFootprint, carbonFootprint, PACT_SPEC_VERSION, pactFootprint } from './footprint.pact';
import { ProductFootprintFilter, PublishProductFootprintInput } from './footprint.input';
import { publishFootprint } from './footprint.publish';
import { Facility, Product, Supplier } from '../references/external.reference';

export const ProductFootprintConnection = connectionOf(ProductFootprint);

@Resolver(() => ProductFootprint)
export class ProductFootprintResolver {
  @Query(() => ProductFootprintConnection)
  productFootprints(
    @Arg('filter', () => ProductFootprintFilter, { nullable: true }) filter: ProductFootprintFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return paginate(ctx.em, ProductFootprint, footprintWhere(filter ?? {}), page);
  }

  @Authorized('SUSTAINABILITY')
  @Mutation(() => ProductFootprint, {
    description: "Computes and stores the product's footprint from the facility's records over the period; deprecates the previous version.",
  })
  publishProductFootprint(@Arg('input') input: PublishProductFootprintInput, @Ctx() ctx: Context): Promise<ProductFootprint> {
    return publishFootprint(ctx.em, ctx.references, input);
  }

  @Authorized('SUSTAINABILITY')
  @Mutation(() => ProductFootprint, { description: 'Withdraws an Active footprint without a successor.' })
  deprecateProductFootprint(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ProductFootprint> {
    return ctx.em.transactional(async (em) => {
      const footprint = await em.findOne(ProductFootprint, { id: requireId(id, 'id') }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!footprint) throw AppError.notFound('ProductFootprint', id, 'id');
      moveFootprint(footprint, FootprintStatus.DEPRECATED);
      return footprint;
    });
  }

  @FieldResolver(() => String, { description: 'PACT specification version of this shape.' })
  specVersion(): string {
    return PACT_SPEC_VERSION;
  }

  @FieldResolver(() => Date, { description: 'When this version was published.' })
  created(@Root() footprint: ProductFootprint): Date {
    return footprint.createdAt;
  }

  @FieldResolver(() => CarbonFootprint)
  pcf(@Root() footprint: ProductFootprint): CarbonFootprint {
    return carbonFootprint(footprint);
  }

  @FieldResolver(() => String, { description: 'The footprint in the exact PACT v3 wire format (JSON text).' })
  pactJson(@Root() footprint: ProductFootprint): string {
    return JSON.stringify(pactFootprint(footprint));
  }

  @FieldResolver(() => Product)
  product(@Root() footprint: ProductFootprint): Product {
    return { id: footprint.productId };
  }

  @FieldResolver(() => Facility)
  facility(@Root() footprint: ProductFootprint): Facility {
    return { id: footprint.facilityId };
  }

  @FieldResolver(() => Supplier)
  supplier(@Root() footprint: ProductFootprint): Supplier {
    return { id: footprint.supplierId };
  }
}

@Resolver(() => Product)
export class ProductFootprintContributionResolver {
  @FieldResolver(() => ProductFootprint, { nullable: true, description: 'The Active (latest) published footprint of the product.' })
  async footprint(@Root() product: Product, @Ctx() ctx: Context): Promise<ProductFootprint | null> {
    // A malformed id cannot have footprints; asking PostgreSQL would only fail the uuid cast.
    if (!isId(product.id)) return null;
    const [active] = await ctx.loaders.activeFootprintsByProduct.load(product.id);
    return active ?? null;
  }
}

function footprintWhere(filter: ProductFootprintFilter): FilterQuery<ProductFootprint> {
  const where: FilterQuery<ProductFootprint>[] = [];
  if (filter.productId) where.push({ productId: requireId(filter.productId, 'filter.productId') });
  if (filter.supplierId) where.push({ supplierId: requireId(filter.supplierId, 'filter.supplierId') });
  if (filter.statuses?.length) where.push({ status: { $in: filter.statuses } });
  return { $and: where };
}
