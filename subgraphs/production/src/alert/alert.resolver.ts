// Alerts: the list with its filters, raise (deduplicated per category, subject and metric while open),
// acknowledge and resolve — each change with its event in the same transaction — and an alert's subject.
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, connectionOf, maybeLoad, PageArgs, paginate, recordEvent, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Alert } from './alert.entity';
import { AlertChange } from './alert.enums';
import { AlertActionInput, AlertFilter, RaiseAlertInput } from './alert.input';
import { canAcknowledge, canResolve, severitiesFrom } from './alert.rules';
import { raiseAlerts } from './alert.raise';
import { alertEvent } from './alert.events';
import { AlertSubject, alertSubject } from './alert-subject';
import { subjectFacts } from './alert-subject.facts';
import { Facility, stub, Supplier } from '../references/external.reference';

export const AlertConnection = connectionOf(Alert);

@Resolver(() => Alert)
export class AlertResolver {
  @Query(() => Alert, { nullable: true })
  alert(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Alert | null> {
    return maybeLoad(ctx.loaders.alert, id);
  }

  @Query(() => AlertConnection, { description: 'Alerts of every category, oldest first.' })
  alerts(@Arg('filter', () => AlertFilter, { nullable: true }) filter: AlertFilter | null, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return paginate(ctx.em, Alert, alertWhere(filter ?? {}), page);
  }

  @Authorized('PLANNER', 'QUALITY')
  @Mutation(() => Alert, { description: 'Raises an alert; while one about the same category, subject and metric is open, that one counts another occurrence instead.' })
  async raiseAlert(@Arg('input') input: RaiseAlertInput, @Ctx() ctx: Context): Promise<Alert> {
    const { facilityId, supplierId } = await subjectFacts(input, ctx);
    return ctx.em.transactional(async (em) => {
      const [raised] = await raiseAlerts(em, [{
        category: input.category, severity: input.severity, subjectType: input.subjectType, subjectId: input.subjectId, facilityId, supplierId,
        message: input.message, metric: input.metric ?? null, value: input.value ?? null, threshold: input.threshold ?? null,
        unit: input.unit ?? null, occurrences: 1,
      }]);
      return (await em.findOne(Alert, { id: raised!.id }, { refresh: true }))!;
    });
  }

  @Authorized('PLANNER', 'QUALITY', 'PARTNER')
  @Mutation(() => Alert, { description: 'Marks an open alert as seen by someone; CONFLICT when already acknowledged or resolved.' })
  acknowledgeAlert(@Arg('input') input: AlertActionInput, @Ctx() ctx: Context): Promise<Alert> {
    return ctx.em.transactional(async (em) => {
      const alert = await lockAlert(em, input.alertId);
      if (!canAcknowledge(alert)) throw AppError.conflict('the alert is already acknowledged or resolved', { field: 'status' });
      Object.assign(alert, { acknowledgedAt: new Date(), acknowledgedBy: input.by });
      await recordEvent(em, alertEvent(AlertChange.ACKNOWLEDGED, alert, alert.acknowledgedAt!, input.by));
      return alert;
    });
  }

  @Authorized('PLANNER', 'QUALITY', 'PARTNER')
  @Mutation(() => Alert, { description: 'Closes an alert; the next raise about the same category, subject and metric opens a new one.' })
  resolveAlert(@Arg('input') input: AlertActionInput, @Ctx() ctx: Context): Promise<Alert> {
    return ctx.em.transactional(async (em) => {
      const alert = await lockAlert(em, input.alertId);
      if (!canResolve(alert)) throw AppError.conflict('the alert is already resolved', { field: 'status' });
      Object.assign(alert, { resolvedAt: new Date(), resolvedBy: input.by });
      await recordEvent(em, alertEvent(AlertChange.RESOLVED, alert, alert.resolvedAt!, input.by));
      return alert;
    });
  }

  @FieldResolver(() => AlertSubject, { nullable: true, description: 'The entity the alert concerns.' })
  subject(@Root() alert: Alert, @Ctx() ctx: Context): Promise<typeof AlertSubject | null> {
    return alertSubject(alert.subjectType, alert.subjectId, ctx);
  }

  @FieldResolver(() => Facility, { nullable: true })
  facility(@Root() alert: Alert): Facility | null {
    return alert.facilityId ? Object.assign(new Facility(), { id: alert.facilityId }) : null;
  }

  @FieldResolver(() => Supplier, { nullable: true, description: 'The supplier (CM) the subject belongs to, when known.' })
  supplier(@Root() alert: Alert): Supplier | null {
    return alert.supplierId ? stub(Supplier, alert.supplierId) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Not resolved yet.' })
  open(@Root() alert: Alert): boolean {
    return !alert.resolvedAt;
  }
}

async function lockAlert(em: EntityManager, id: string): Promise<Alert> {
  const alert = await em.findOne(Alert, { id: requireId(id, 'alertId') }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!alert) throw AppError.notFound('Alert', id, 'alertId');
  return alert;
}

function alertWhere(filter: AlertFilter): FilterQuery<Alert> {
  const where: FilterQuery<Alert>[] = [];
  if (filter.categories?.length) where.push({ category: { $in: filter.categories } });
  if (filter.minSeverity) where.push({ severity: { $in: severitiesFrom(filter.minSeverity) } });
  if (filter.open === true) where.push({ resolvedAt: null });
  if (filter.open === false) where.push({ resolvedAt: { $ne: null } });
  if (filter.facilityId) where.push({ facilityId: requireId(filter.facilityId, 'filter.facilityId') });
  if (filter.supplierId) where.push({ supplierId: requireId(filter.supplierId, 'filter.supplierId') });
  if (filter.subjectType) where.push({ subjectType: filter.subjectType });
  if (filter.subjectId) where.push({ subjectId: requireId(filter.subjectId, 'filter.subjectId') });
  return { $and: where };
}
