// Recording supplier audits.
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Length, Max, Min } from 'class-validator';
import type { Context } from '../context';
import { supplierAndFacility } from '../facility/facility.lookup';
import { Audit, AuditKind } from './audit.entity';

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
  @Mutation(() => Audit)
  async recordAudit(@Arg('input') input: RecordAuditInput, @Ctx() ctx: Context): Promise<Audit> {
    const { supplier, facility } = await supplierAndFacility(ctx, input);
    const { supplierId: _s, facilityId: _f, ...fields } = input;
    const audit = ctx.em.create(Audit, { ...fields, supplier, facility });
    await ctx.em.persist(audit).flush();
    return audit;
  }
}
