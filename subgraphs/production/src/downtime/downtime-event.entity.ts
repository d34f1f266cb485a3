// A machine stop over [startedAt, endedAt); an open event (no end yet) lasts until now.
import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Machine } from '../machine/machine.entity';
import { DowntimeReason } from './downtime-reason.entity';

@ObjectType({ description: 'A machine stop with its reason; `planned` is copied from the reason when booked.' })
@Entity()
// a partner sees the rows of the machines on its own lines
@PartnerScoped((supplierId) => ({ machine: { line: { supplierId } } }))
// Serves the KPI queries: a machine's stops overlapping a period.
@Index({ properties: ['machine', 'startedAt'] })
@Check({ name: 'downtime_event_interval', expression: 'ended_at is null or ended_at > started_at' })
export class DowntimeEvent extends OwnedEntity<'endedAt' | 'note'> {
  @ManyToOne(() => Machine)
  machine!: Machine;

  @ManyToOne(() => DowntimeReason, { index: true })
  reason!: DowntimeReason;

  @Field()
  @Property({ type: 'timestamptz' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Exclusive end; null while the machine is still down.' })
  @Property({ type: 'timestamptz', nullable: true })
  endedAt: Date | null = null;

  @Field()
  @Property()
  planned!: boolean;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}
