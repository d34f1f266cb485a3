// Bills of materials: the versioned recipe query, createBillOfMaterials (a new version supersedes the
// ACTIVE one), a BOM's lines, and Product.billOfMaterials contributed to inventory's Product. Reads are for
// BOM_READERS only: partners get null with FORBIDDEN.
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError, isId, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { BillOfMaterials, BillOfMaterialsLine } from './bill-of-materials.entity';
import { BillOfMaterialsStatus } from './bill-of-materials.enums';
import { CreateBillOfMaterialsInput } from './bill-of-materials.input';
import { Product, stub } from '../references/external.reference';
import { BOM_READERS, BOM_RULE } from './bill-of-materials.access';

@Resolver(() => BillOfMaterials)
export class BillOfMaterialsResolver {
  @Authorized(BOM_READERS)
  @Query(() => BillOfMaterials, { nullable: true, description: `A product's BOM: the given version, or the ACTIVE one. ${BOM_RULE}` })
  billOfMaterials(
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Arg('productId', () => ID) productId: string,
    @Ctx() ctx: Context,
  ): Promise<BillOfMaterials | null> {
    const product = requireId(productId, 'productId');
    return ctx.em.findOne(BillOfMaterials, version ? { productId: product, version } : { productId: product, status: BillOfMaterialsStatus.ACTIVE });
  }

  @Authorized('PLANNER')
  @Mutation(() => BillOfMaterials, { description: 'Writes the next version of a product\'s BOM as ACTIVE; the previous ACTIVE version becomes SUPERSEDED.' })
  async createBillOfMaterials(@Arg('input') input: CreateBillOfMaterialsInput, @Ctx() ctx: Context): Promise<BillOfMaterials> {
    input.lines.forEach((line, i) => {
      if (line.componentProductId === input.productId) throw AppError.badInput(`lines[${i}].componentProductId`, 'a product cannot be its own component');
    });
    await ctx.references.requireExisting('Product', [
      { id: input.productId, field: 'productId' },
      ...input.lines.map((line, i) => ({ id: line.componentProductId, field: `lines[${i}].componentProductId` })),
    ]);
    try {
      return await ctx.em.transactional(async (em) => {
        // Locking the product's versions serialises writers; the unique (product, version) catches the first-ever race.
        const versions = await em.find(BillOfMaterials, { productId: input.productId }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { version: 'desc' } });
        for (const previous of versions) previous.status = BillOfMaterialsStatus.SUPERSEDED;
        await em.flush();
        const bom = em.create(BillOfMaterials, { productId: input.productId, version: (versions[0]?.version ?? 0) + 1 });
        em.persist(bom);
        for (const line of input.lines) em.persist(em.create(BillOfMaterialsLine, { ...line, billOfMaterials: bom }));
        return bom;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw AppError.conflict('another version of this bill of materials was written at the same time', { field: 'productId' });
      throw error;
    }
  }

  @FieldResolver(() => Product)
  product(@Root() bom: BillOfMaterials): Product {
    return stub(Product, bom.productId);
  }

  @FieldResolver(() => [BillOfMaterialsLine])
  lines(@Root() bom: BillOfMaterials, @Ctx() ctx: Context): Promise<BillOfMaterialsLine[]> {
    return ctx.loaders.bomLinesByBillOfMaterials.load(bom.id);
  }
}

@Resolver(() => BillOfMaterialsLine)
export class BillOfMaterialsLineResolver {
  @FieldResolver(() => Product)
  component(@Root() line: BillOfMaterialsLine): Product {
    return stub(Product, line.componentProductId);
  }
}

@Resolver(() => Product)
export class ProductContributionResolver {
  @Authorized(BOM_READERS)
  @FieldResolver(() => BillOfMaterials, { nullable: true, description: `The ACTIVE bill of materials (production); null when the product has none. ${BOM_RULE}` })
  async billOfMaterials(@Root() product: Product, @Ctx() ctx: Context): Promise<BillOfMaterials | null> {
    if (!isId(product.id)) return null;
    return (await ctx.loaders.activeBillOfMaterialsByProduct.load(product.id))[0] ?? null;
  }
}
