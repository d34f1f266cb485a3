// Sourcing assignments, and `Product.sourcing` with its single-source flag.
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root, Authorized } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { LockMode } from '@mikro-orm/core';
import { AppError, mustLoad, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { SourcingAssignment, SourcingRole } from './sourcing.entity';
import { Product } from './product.reference';
import { Supplier } from '../supplier/supplier.entity';
import { SupplierStatus } from '../supplier/supplier.enums';
import { INTERNAL_ROLES } from '../access/internal-roles';

@InputType()
export class AssignSourcingInput {
  @Field(() => ID) productId!: string;
  @Field(() => ID) supplierId!: string;
  @Field(() => SourcingRole) role!: SourcingRole;
  @Field() @Min(0.01) @Max(100) sharePercent!: number;
}

@ObjectType({ description: 'Who makes a product, and whether it depends on one source.' })
export class ProductSourcing {
  @Field(() => [SourcingAssignment], { description: 'Largest share first.' })
  assignments!: SourcingAssignment[];

  @Field({ description: 'True when at most one non-blocked supplier is assigned.' })
  singleSource!: boolean;

  @Field(() => Supplier, { nullable: true, description: 'The PRIMARY supplier, if any.' })
  primarySupplier?: Supplier | null;
}

@Resolver(() => SourcingAssignment)
export class SourcingAssignmentResolver {
  @Authorized('BUYER')
  @Mutation(() => SourcingAssignment, { description: 'Creates or updates the assignment of a product to a supplier.' })
  async assignSourcing(@Arg('input') input: AssignSourcingInput, @Ctx() ctx: Context): Promise<SourcingAssignment> {
    const productId = requireId(input.productId, 'productId');
    const supplier = await mustLoad(ctx.loaders.supplier, 'Supplier', input.supplierId, 'supplierId');
    return ctx.em.transactional(async (em) => {
      const existing = await em.find(SourcingAssignment, { productId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const others = existing.filter((a) => a.supplier.id !== supplier.id);
      const total = others.reduce((sum, a) => sum + a.sharePercent, 0) + input.sharePercent;
      if (total > 100.0001) throw AppError.badInput('sharePercent', `shares for the product would total ${total}%`);
      if (input.role === SourcingRole.PRIMARY && others.some((a) => a.role === SourcingRole.PRIMARY)) {
        throw AppError.badInput('role', 'the product already has a PRIMARY supplier');
      }
      const assignment = existing.find((a) => a.supplier.id === supplier.id) ?? em.create(SourcingAssignment, { productId, supplier, role: input.role, sharePercent: input.sharePercent });
      Object.assign(assignment, { role: input.role, sharePercent: input.sharePercent });
      em.persist(assignment);
      return assignment;
    });
  }

  @FieldResolver(() => Supplier)
  supplier(@Root() assignment: SourcingAssignment, @Ctx() ctx: Context): Promise<Supplier | null> {
    return ctx.loaders.supplier.load(assignment.supplier.id);
  }

  @FieldResolver(() => Product)
  product(@Root() assignment: SourcingAssignment): Product {
    return { id: assignment.productId };
  }
}

@Resolver(() => Product)
export class ProductSourcingResolver {
  // who else makes a product, and whether the brand depends on one source, is the brand's own risk view
  @Authorized(INTERNAL_ROLES)
  @FieldResolver(() => ProductSourcing, {
    nullable: true,
    description: 'Null with FORBIDDEN for PARTNER callers: the sourcing split names other suppliers.',
  })
  async sourcing(@Root() product: Product, @Ctx() ctx: Context): Promise<ProductSourcing> {
    const assignments = await ctx.loaders.sourcingByProduct.load(product.id);
    const suppliers = await ctx.loaders.supplier.loadMany(assignments.map((a) => a.supplier.id));
    const active = suppliers.filter((s) => s instanceof Supplier && s.status !== SupplierStatus.BLOCKED);
    const primary = assignments.find((a) => a.role === SourcingRole.PRIMARY);
    return {
      assignments,
      singleSource: active.length <= 1,
      primarySupplier: primary ? await ctx.loaders.supplier.load(primary.supplier.id) : null,
    };
  }
}
