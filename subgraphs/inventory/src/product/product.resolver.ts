// Product queries and creation.
import { Arg, Args, Ctx, ID, Mutation, Query, Resolver, Authorized } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError, connectionOf, maybeLoad, PageArgs, paginate } from '@cmgraph/platform';
import type { Context } from '../context';
import { Product } from './product.entity';
import { CreateProductInput, ProductFilter } from './product.input';

export const ProductConnection = connectionOf(Product);

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => Product, { nullable: true })
  product(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Product | null> {
    return maybeLoad(ctx.loaders.product, id);
  }

  @Query(() => Product, { nullable: true })
  productBySku(@Arg('sku') sku: string, @Ctx() ctx: Context): Promise<Product | null> {
    return ctx.loaders.productBySku.load(sku);
  }

  @Query(() => ProductConnection)
  products(
    @Arg('filter', () => ProductFilter, { nullable: true }) filter: ProductFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return paginate(ctx.em, Product, productWhere(filter ?? {}), page);
  }

  @Authorized('PLANNER')
  @Mutation(() => Product)
  async createProduct(@Arg('input') input: CreateProductInput, @Ctx() ctx: Context): Promise<Product> {
    try {
      return await ctx.em.transactional(async (em) => {
        if (await em.count(Product, { sku: input.sku })) throw duplicate('sku', input.sku);
        if (input.gtin && (await em.count(Product, { gtin: input.gtin }))) throw duplicate('gtin', input.gtin);
        const product = em.create(Product, { ...input, gtin: input.gtin ?? null });
        em.persist(product);
        return product;
      });
    } catch (error) {
      // Two concurrent creations both pass the count; the unique index decides, and the loser gets the same answer.
      if (error instanceof UniqueConstraintViolationException) {
        throw duplicate(/gtin/.test(error.message) ? 'gtin' : 'sku', /gtin/.test(error.message) ? input.gtin! : input.sku);
      }
      throw error;
    }
  }
}

function duplicate(field: 'sku' | 'gtin', value: string): AppError {
  return AppError.badInput(field, `a product with ${field} ${value} already exists`);
}

function productWhere(filter: ProductFilter): FilterQuery<Product> {
  const where: FilterQuery<Product>[] = [];
  if (filter.tracking) where.push({ tracking: filter.tracking });
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[%_\\]/g, '\\$&')}%`;
    where.push({ $or: [{ sku: { $ilike: pattern } }, { name: { $ilike: pattern } }, { gtin: { $ilike: pattern } }] });
  }
  return { $and: where };
}
