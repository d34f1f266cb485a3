// The transactional outbox: every state change others care about writes its event here, in the same
// transaction as the change. The table is also this subgraph's durable event log: `seq` orders it and
// is the cursor subscriptions resume from; rows are never updated except to mark them relayed.
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from '../ids';

@Entity({ tableName: 'outbox_event' })
@Index({ properties: ['subjectType', 'subjectId'] })
@Index({ name: 'outbox_event_pending', expression: 'create index outbox_event_pending on outbox_event (seq) where relayed_at is null' })
export class OutboxEvent {
  /** Position in this subgraph's log (bigint, as a string). */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq!: string;

  @Property({ type: 'uuid', unique: true })
  id: string = newId();

  /** `<entity>.<what happened>`, e.g. `shipment.milestone_recorded`. */
  @Property({ type: 'text', index: true })
  type!: string;

  @Property({ type: 'text' })
  subjectType!: string;

  @Property({ type: 'uuid' })
  subjectId!: string;

  /** The supplier whose rows this event concerns: partners see only their own events. */
  @Property({ type: 'uuid', nullable: true, index: true })
  supplierId: string | null = null;

  @Property({ type: 'timestamptz', index: true })
  occurredAt: Date = new Date();

  @Property({ type: 'jsonb' })
  payload: Record<string, unknown> = {};

  /** When the relay handed it to the bus; null while pending. */
  @Property({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null = null;
}
