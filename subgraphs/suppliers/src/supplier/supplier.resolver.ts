// Supplier queries and mutations, and the supplier's relations within this subgraph.
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { AppError, connectionOf, maybeLoad, PageArgs, paginate, recordEvent, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Supplier } from './supplier.entity';
import { CreateSupplierInput, SupplierFilter, SupplierStatusInput } from './supplier.input';
import { canMoveSupplier } from './supplier.rules';
import { supplierStatusChanged } from './supplier.events';
import { Facility } from '../facility/facility.entity';
import { Certification } from '../certification/certification.entity';
import { Audit } from '../audit/audit.entity';
import { Sla } from '../sla/sla.entity';

export const SupplierConnection = connectionOf(Supplier);

@Resolver(() => Supplier)
export class SupplierResolver {
  @Query(() => Supplier, { nullable: true })
  supplier(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Supplier | null> {
    return maybeLoad(ctx.loaders.supplier, id);
  }

  @Query(() => SupplierConnection)
  suppliers(
    @Arg('filter', () => SupplierFilter, { nullable: true }) filter: SupplierFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return paginate(ctx.em, Supplier, supplierWhere(filter ?? {}), page);
  }

  @Authorized('BUYER')
  @Mutation(() => Supplier)
  async createSupplier(@Arg('input') input: CreateSupplierInput, @Ctx() ctx: Context): Promise<Supplier> {
    return ctx.em.transactional(async (em) => {
      if (await em.count(Supplier, { code: input.code })) {
        throw AppError.badInput('code', `supplier code ${input.code} is already taken`);
      }
      const supplier = em.create(Supplier, { ...input, country: input.country.toUpperCase() });
      em.persist(supplier);
      return supplier;
    });
  }

  @Authorized('BUYER')
  @Mutation(() => Supplier, { description: 'Moves a supplier along its lifecycle; writes `supplier.status_changed`.' })
  setSupplierStatus(@Arg('input') input: SupplierStatusInput, @Ctx() ctx: Context): Promise<Supplier> {
    return ctx.em.transactional(async (em) => {
      const id = requireId(input.supplierId, 'supplierId');
      // locked: two concurrent moves of one supplier queue, so each event's `from` is the status it really left
      const supplier = await em.findOne(Supplier, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!supplier) throw AppError.notFound('Supplier', id, 'supplierId');
      if (!canMoveSupplier(supplier.status, input.status)) {
        throw AppError.conflict(`a ${supplier.status} supplier cannot become ${input.status}`, { field: 'status' });
      }
      const from = supplier.status;
      supplier.status = input.status;
      await recordEvent(em, supplierStatusChanged(supplier, from));
      return supplier;
    });
  }

  @FieldResolver(() => [Facility])
  facilities(@Root() supplier: Supplier, @Ctx() ctx: Context): Promise<Facility[]> {
    return ctx.loaders.facilitiesBySupplier.load(supplier.id);
  }

  @FieldResolver(() => [Certification])
  certifications(@Root() supplier: Supplier, @Ctx() ctx: Context): Promise<Certification[]> {
    return ctx.loaders.certificationsBySupplier.load(supplier.id);
  }

  @FieldResolver(() => [Audit], { description: 'Most recent first.' })
  audits(@Root() supplier: Supplier, @Ctx() ctx: Context): Promise<Audit[]> {
    return ctx.loaders.auditsBySupplier.load(supplier.id);
  }

  @FieldResolver(() => Sla, { nullable: true })
  sla(@Root() supplier: Supplier, @Ctx() ctx: Context): Promise<Sla | null> {
    return ctx.loaders.slaBySupplier.load(supplier.id);
  }
}

function supplierWhere(filter: SupplierFilter): FilterQuery<Supplier> {
  const where: FilterQuery<Supplier>[] = [];
  if (filter.types?.length) where.push({ type: { $in: filter.types } });
  if (filter.statuses?.length) where.push({ status: { $in: filter.statuses } });
  if (filter.riskTiers?.length) where.push({ riskTier: { $in: filter.riskTiers } });
  if (filter.country) where.push({ country: filter.country.toUpperCase() });
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[%_\\]/g, '\\$&')}%`;
    where.push({ $or: [{ code: { $ilike: pattern } }, { name: { $ilike: pattern } }] });
  }
  return { $and: where };
}
