// Corrective-action queries and an action's steps, non-conformances, supplier and overdue flag.
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { connectionOf, maybeLoad, PageArgs, paginate, requireId, today } from '@cmgraph/platform';
import type { Context } from '../context';
import { CorrectiveAction, CorrectiveActionStep } from './corrective-action.entity';
import { CorrectiveActionStatus } from './corrective-action.enums';
import { CorrectiveActionFilter } from './corrective-action.input';
import { isOverdue } from './corrective-action.rules';
import { NonConformance } from '../non-conformance/non-conformance.entity';
import { Supplier } from '../references/contributed.reference';

export const CorrectiveActionConnection = connectionOf(CorrectiveAction);

@Resolver(() => CorrectiveAction)
export class CorrectiveActionResolver {
  @Query(() => CorrectiveAction, { nullable: true })
  correctiveAction(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CorrectiveAction | null> {
    return maybeLoad(ctx.loaders.correctiveAction, id);
  }

  @Query(() => CorrectiveActionConnection)
  correctiveActions(
    @Arg('filter', () => CorrectiveActionFilter, { nullable: true }) filter: CorrectiveActionFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    const where: FilterQuery<CorrectiveAction>[] = [];
    if (filter?.statuses?.length) where.push({ status: { $in: filter.statuses } });
    if (filter?.supplierId) where.push({ supplierId: requireId(filter.supplierId, 'filter.supplierId') });
    // The same predicate as isOverdue, as a condition.
    const overdue: FilterQuery<CorrectiveAction> = { dueDate: { $lt: today() }, status: { $ne: CorrectiveActionStatus.CLOSED } };
    if (filter?.overdue === true) where.push(overdue);
    if (filter?.overdue === false) where.push({ $not: overdue });
    return paginate(ctx.em, CorrectiveAction, { $and: where }, page);
  }

  @FieldResolver({ description: 'The due date has passed (UTC) and the action is not closed.' })
  overdue(@Root() action: CorrectiveAction): boolean {
    return isOverdue(action, today());
  }

  @FieldResolver(() => [CorrectiveActionStep], { description: 'D1 to D8, in order.' })
  steps(@Root() action: CorrectiveAction, @Ctx() ctx: Context): Promise<CorrectiveActionStep[]> {
    return ctx.loaders.stepsByCorrectiveAction.load(action.id);
  }

  @FieldResolver(() => [NonConformance])
  async nonConformances(@Root() action: CorrectiveAction, @Ctx() ctx: Context): Promise<NonConformance[]> {
    const links = await ctx.loaders.nonConformanceLinksByCorrectiveAction.load(action.id);
    const found = await ctx.loaders.nonConformance.loadMany(links.map((link) => link.nonConformance.id));
    return found.filter((nc): nc is NonConformance => nc instanceof NonConformance);
  }

  @FieldResolver(() => Supplier)
  supplier(@Root() action: CorrectiveAction): Supplier {
    return { id: action.supplierId };
  }
}
