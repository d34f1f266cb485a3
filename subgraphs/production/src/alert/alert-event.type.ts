// One event of the alert stream as `alertRaised` delivers it: the change, where it sits in the log
// (`cursor`, to resume after), what the alert looked like then (severity, occurrences), and the alert
// itself as it is now, a federated entity the gateway can complete.
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Alert } from './alert.entity';
import { AlertChange, AlertSeverity } from './alert.enums';

@ObjectType({ description: 'A change of an alert, in the order of the alert log.' })
export class AlertEvent {
  @Field({ description: 'Opaque position in the alert log: pass it as `after` to resume right after this event.' })
  cursor!: string;

  @Field(() => ID, { description: 'The event id, unique and stable across replays.' })
  eventId!: string;

  @Field(() => AlertChange)
  change!: AlertChange;

  @Field({ description: 'When the change was recorded (the log is in this order; `since` compares with it).' })
  occurredAt!: Date;

  @Field(() => AlertSeverity, { description: 'The alert severity right after this change.' })
  severity!: AlertSeverity;

  @Field(() => Int, { description: 'The alert occurrences right after this change.' })
  occurrences!: number;

  /** Loaded when the field is asked for: the current row. */
  alertId!: string;

  @Field(() => Alert, { description: 'The alert as it is now (read when the event is delivered).' })
  alert?: Alert;
}
