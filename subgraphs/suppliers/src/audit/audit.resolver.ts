// Recording supplier audits, each with its `audit.recorded` event.
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver, Authorized } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Length, Max, Min } from 'class-validator';
import { recordEvent } from '@cmgraph/platform';
import type { Context } from '../context';
import { supplierAndFacility } from '../facility/facility.lookup';
import { Audit, AuditKind } from './audit.entity';
import { auditRecorded } from './audit.events';
import { Supplier } from '../supplier/supplier.entity';
import { Facility } from '../facility/facility.entity';

@InputType()
export class RecordAuditInput {
  @Field(() => ID) supplierId!: string;
  @Field(() => ID, { nullable: true }) facilityId?: string;
  @Field(() => AuditKind) kind!: AuditKind;
  @Field(() => LocalDateResolver) auditDate!: string;
  @Field() @Length(1, 200) auditor!: string;
  @Field(() => Int) @Min(0) majorFindings!: number;
  @Field(() => Int) @Min(0) minorFindings!: number;
  @Field() @Min(0) @Max(100) score!: number;
}

@Resolver(() => Audit)
export class AuditResolver {
  @Authorized('BUYER', 'QUALITY')
  @Mutation(() => Audit, { description: 'Writes `audit.recorded` with the score and findings.' })
  async recordAudit(@Arg('input') input: RecordAuditInput, @Ctx() ctx: Context): Promise<Audit> {
    const { supplier, facility } = await supplierAndFacility(ctx, input);
    const { supplierId: _s, facilityId: _f, ...fields } = input;
    return ctx.em.transactional(async (em) => {
      const audit = em.create(Audit, {
        ...fields, supplier: em.getReference(Supplier, supplier.id), facility: facility ? em.getReference(Facility, facility.id) : null,
      });
      em.persist(audit);
      await recordEvent(em, auditRecorded(audit));
      return audit;
    });
  }
}
