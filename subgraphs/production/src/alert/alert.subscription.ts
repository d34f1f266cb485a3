// `alertRaised`: the alert log (this subgraph's outbox) as a subscription. With `after` (a cursor it gave
// out) or `since` it replays from the log, then continues live, with no gap and no duplicate; the
// filter runs in SQL. Each event is resolved with a fresh EntityManager and loaders.
import { Arg, Ctx, FieldResolver, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { mustLoad, type StoredEvent } from '@cmgraph/platform';
import type { Context } from '../context';
import { Alert } from './alert.entity';
import type { AlertChange, AlertSeverity } from './alert.enums';
import { AlertEvent } from './alert-event.type';
import { AlertFilter } from './alert.input';
import { ALERT_EVENT_TYPES } from './alert.events';
import { alertStreamWhere } from './alert-stream.filter';

interface AlertRaisedArgs {
  filter?: AlertFilter | null;
  after?: string | null;
  since?: Date | null;
}

function openAlertStream({ args, context }: SubscribeResolverData<unknown, AlertRaisedArgs, Context>) {
  return context.events.open({
    types: Object.values(ALERT_EVENT_TYPES),
    after: args.after,
    since: args.since,
    where: alertStreamWhere(args.filter),
  });
}

@Resolver(() => AlertEvent)
export class AlertSubscriptionResolver {
  @Subscription(() => AlertEvent, {
    subscribe: openAlertStream,
    description:
      'Alert changes (RAISED, RECURRED, ACKNOWLEDGED, RESOLVED) in log order. `after`: resume right after that cursor; '
      + '`since`: replay from that time; neither: live only. Replay then live, without gap or duplicate.',
  })
  alertRaised(
    @Root() event: StoredEvent,
    @Arg('filter', () => AlertFilter, { nullable: true }) _filter: AlertFilter | null,
    @Arg('after', () => String, { nullable: true, description: 'A cursor from an earlier AlertEvent.' }) _after: string | null,
    @Arg('since', () => Date, { nullable: true }) _since: Date | null,
  ): AlertEvent {
    const payload = event.payload as { change: AlertChange; severity: AlertSeverity; occurrences: number; alertId: string };
    return Object.assign(new AlertEvent(), {
      cursor: event.cursor, eventId: event.id, change: payload.change, occurredAt: event.occurredAt,
      severity: payload.severity, occurrences: payload.occurrences, alertId: payload.alertId,
    });
  }

  @FieldResolver(() => Alert)
  alert(@Root() event: AlertEvent, @Ctx() ctx: Context): Promise<Alert> {
    return mustLoad(ctx.loaders.alert, 'Alert', event.alertId, 'alertId');
  }
}
