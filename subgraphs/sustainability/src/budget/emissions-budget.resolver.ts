// Emissions budgets: set one (create, or change the limit of the one set for the same owner, period and
// scopes), list them, and each budget's live actual emissions. Setting re-evaluates the budget at once:
// a limit already exceeded raises `emissions.budget_exceeded` (once), a limit raised above the actual
// re-arms it.
import { Arg, Args, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { AppError, connectionOf, maybeLoad, PageArgs, paginate, recordEvent, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { EmissionsBudget } from './emissions-budget.entity';
import { EmissionsBudgetFilter, SetEmissionsBudgetInput } from './emissions-budget.input';
import { actualKgOf, actualOf, budgetWindow } from './budget.actual';
import { crossing } from './budget.crossing';
import { requirePeriod } from '../period';
import { Facility, Supplier } from '../references/external.reference';

export const EmissionsBudgetConnection = connectionOf(EmissionsBudget);

const ALL_SCOPES = [1, 2, 3];

@Resolver(() => EmissionsBudget)
export class EmissionsBudgetResolver {
  @Query(() => EmissionsBudget, { nullable: true })
  emissionsBudget(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<EmissionsBudget | null> {
    return maybeLoad(ctx.loaders.emissionsBudget, id);
  }

  @Query(() => EmissionsBudgetConnection)
  emissionsBudgets(
    @Arg('filter', () => EmissionsBudgetFilter, { nullable: true }) filter: EmissionsBudgetFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    const where: FilterQuery<EmissionsBudget>[] = [];
    if (filter?.supplierId) where.push({ supplierId: requireId(filter.supplierId, 'filter.supplierId') });
    if (filter?.facilityId) where.push({ facilityId: requireId(filter.facilityId, 'filter.facilityId') });
    if (filter?.exceeded === true) where.push({ exceededAt: { $ne: null } });
    if (filter?.exceeded === false) where.push({ exceededAt: null });
    return paginate(ctx.em, EmissionsBudget, { $and: where }, page);
  }

  @Authorized('SUSTAINABILITY')
  @Mutation(() => EmissionsBudget, {
    description: 'Sets a budget; recording activity, energy or waste that takes the actual over it writes `emissions.budget_exceeded`, once.',
  })
  async setEmissionsBudget(@Arg('input') input: SetEmissionsBudgetInput, @Ctx() ctx: Context): Promise<EmissionsBudget> {
    requirePeriod(input.periodStart, input.periodEnd);
    const scopes = [...new Set(input.scopes ?? ALL_SCOPES)].sort();
    const owner = await budgetOwner(input, ctx);
    return ctx.em.transactional(async (em) => {
      // one budget per owner, period and scopes: concurrent setters of the same one queue here
      const key = [owner.supplierId, owner.facilityId, input.periodStart, input.periodEnd, scopes.join(',')].join('|');
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`emissions-budget:${key}`]);
      const existing = await em.findOne(
        EmissionsBudget,
        { supplierId: owner.supplierId, facilityId: owner.facilityId, periodStart: input.periodStart, periodEnd: input.periodEnd, scopes: { $eq: scopes } },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      const budget = existing ?? em.create(EmissionsBudget, { ...owner, periodStart: input.periodStart, periodEnd: input.periodEnd, scopes, budgetKg: input.budgetKg });
      budget.budgetKg = input.budgetKg;
      em.persist(budget);
      const [actualKg] = await actualKgOf(em, [budget]);
      // within the new limit: re-armed, a later crossing raises again; still over an exceeded one: nothing new
      if (!(actualKg! > budget.budgetKg)) budget.exceededAt = null;
      const exceeded = crossing(budget, actualKg!);
      if (exceeded) await recordEvent(em, exceeded);
      return budget;
    });
  }

  @FieldResolver(() => Float, { description: 'kgCO2e recorded so far over the period and counted scopes, as the `emissions` query computes it.' })
  async actualKg(@Root() budget: EmissionsBudget, @Ctx() ctx: Context): Promise<number> {
    return actualOf(await ctx.loaders.emissions.load(budgetWindow(budget)), budget.scopes);
  }

  @FieldResolver(() => Supplier)
  supplier(@Root() budget: EmissionsBudget): Supplier {
    return { id: budget.supplierId };
  }

  @FieldResolver(() => Facility, { nullable: true })
  facility(@Root() budget: EmissionsBudget): Facility | null {
    return budget.facilityId ? { id: budget.facilityId } : null;
  }
}

/** The budget's owner, checked with suppliers: a facility (and its supplier) or a supplier. */
async function budgetOwner(input: SetEmissionsBudgetInput, ctx: Context): Promise<{ supplierId: string; facilityId: string | null }> {
  if (input.facilityId) {
    const [facility] = await ctx.references.fetchExisting<{ supplier: { id: string } }>('Facility', [{ id: input.facilityId, field: 'facilityId' }], 'supplier { id }');
    if (input.supplierId && input.supplierId !== facility!.supplier.id) throw AppError.badInput('facilityId', 'the facility belongs to another supplier');
    return { supplierId: facility!.supplier.id, facilityId: input.facilityId };
  }
  if (!input.supplierId) throw AppError.badInput('supplierId', 'give a supplierId, a facilityId, or both');
  await ctx.references.requireExisting('Supplier', [{ id: input.supplierId, field: 'supplierId' }]);
  return { supplierId: input.supplierId, facilityId: null };
}
