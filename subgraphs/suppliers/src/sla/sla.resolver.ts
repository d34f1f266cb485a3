// Setting a supplier's SLA targets (one SLA per supplier; setting replaces the targets).
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver, Authorized } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { mustLoad } from '@cmgraph/platform';
import type { Context } from '../context';
import { Sla } from './sla.entity';

@InputType()
export class SetSlaInput {
  @Field(() => ID) supplierId!: string;
  @Field() @Min(0) @Max(1) otifTarget!: number;
  @Field() @Min(0) ppmTarget!: number;
  @Field(() => Int) @Min(0) maxChangeoverMinutes!: number;
  @Field(() => Int) @Min(0) maxResponseHours!: number;
}

@Resolver(() => Sla)
export class SlaResolver {
  @Authorized('BUYER')
  @Mutation(() => Sla)
  async setSla(@Arg('input') input: SetSlaInput, @Ctx() ctx: Context): Promise<Sla> {
    const supplier = await mustLoad(ctx.loaders.supplier, 'Supplier', input.supplierId, 'supplierId');
    const { supplierId: _, ...targets } = input;
    const sla = (await ctx.loaders.slaBySupplier.load(supplier.id)) ?? ctx.em.create(Sla, { supplier, ...targets });
    Object.assign(sla, targets);
    await ctx.em.persist(sla).flush();
    return sla;
  }
}
