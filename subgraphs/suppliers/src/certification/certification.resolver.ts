// Certification queries (with the expiring-within filter) and mutations: add and renew, each writing its event.
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { addDays, AppError, connectionOf, PageArgs, paginate, recordEvent, requireId, requireOwnSupplier, today } from '@cmgraph/platform';
import type { Context } from '../context';
import { supplierAndFacility } from '../facility/facility.lookup';
import { Certification } from './certification.entity';
import { AddCertificationInput, CertificationFilter, RenewCertificationInput } from './certification.input';
import { certificationAdded, certificationRenewed } from './certification.events';
import { Supplier } from '../supplier/supplier.entity';
import { Facility } from '../facility/facility.entity';

export const CertificationConnection = connectionOf(Certification);

@Resolver(() => Certification)
export class CertificationResolver {
  @Query(() => CertificationConnection)
  certifications(
    @Arg('filter', () => CertificationFilter, { nullable: true }) filter: CertificationFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return paginate(ctx.em, Certification, certificationWhere(filter ?? {}), page);
  }

  @Authorized('BUYER', 'QUALITY', 'PARTNER')
  @Mutation(() => Certification, { description: 'Writes `certification.added` with the certificate.' })
  async addCertification(@Arg('input') input: AddCertificationInput, @Ctx() ctx: Context): Promise<Certification> {
    requireOwnSupplier(ctx.identity, input.supplierId, 'supplierId');
    const { supplier, facility } = await supplierAndFacility(ctx, input);
    if (input.validUntil < input.validFrom) throw AppError.badInput('validUntil', 'must not be before validFrom');
    const { supplierId: _s, facilityId: _f, ...fields } = input;
    return ctx.em.transactional(async (em) => {
      const certification = em.create(Certification, {
        ...fields, supplier: em.getReference(Supplier, supplier.id), facility: facility ? em.getReference(Facility, facility.id) : null,
      });
      em.persist(certification);
      await recordEvent(em, certificationAdded(certification));
      return certification;
    });
  }

  @Authorized('BUYER', 'QUALITY', 'PARTNER')
  @Mutation(() => Certification, {
    description: 'Extends a certificate\'s validity (writes `certification.renewed`); a renewal expiring within the window is raised as expiring again.',
  })
  renewCertification(@Arg('input') input: RenewCertificationInput, @Ctx() ctx: Context): Promise<Certification> {
    return ctx.em.transactional(async (em) => {
      const id = requireId(input.certificationId, 'certificationId');
      const certification = await em.findOne(Certification, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!certification) throw AppError.notFound('Certification', id, 'certificationId');
      if (input.validUntil <= certification.validUntil) {
        throw AppError.badInput('validUntil', `must be after the current last day of validity, ${certification.validUntil}`);
      }
      const validFrom = input.validFrom ?? certification.validFrom;
      if (input.validUntil < validFrom) throw AppError.badInput('validUntil', 'must not be before validFrom');
      const previousValidUntil = certification.validUntil;
      Object.assign(certification, { validUntil: input.validUntil, validFrom, number: input.number ?? certification.number });
      await recordEvent(em, certificationRenewed(certification, previousValidUntil));
      return certification;
    });
  }

  @FieldResolver(() => Supplier)
  supplier(@Root() certification: Certification, @Ctx() ctx: Context): Promise<Supplier | null> {
    return ctx.loaders.supplier.load(certification.supplier.id);
  }

  @FieldResolver(() => Facility, { nullable: true })
  facility(@Root() certification: Certification, @Ctx() ctx: Context): Promise<Facility | null> | null {
    return certification.facility ? ctx.loaders.facility.load(certification.facility.id) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Valid today.' })
  isValid(@Root() certification: Certification): boolean {
    const now = today();
    return certification.validFrom <= now && now <= certification.validUntil;
  }
}

function certificationWhere(filter: CertificationFilter): FilterQuery<Certification> {
  const where: FilterQuery<Certification>[] = [];
  if (filter.supplierId) where.push({ supplier: requireId(filter.supplierId, 'filter.supplierId') });
  if (filter.standards?.length) where.push({ standard: { $in: filter.standards } });
  if (!filter.includeExpired) where.push({ validUntil: { $gte: today() } });
  if (filter.expiringWithinDays !== undefined && filter.expiringWithinDays !== null) {
    where.push({ validUntil: { $lte: addDays(today(), filter.expiringWithinDays) } });
  }
  return { $and: where };
}
