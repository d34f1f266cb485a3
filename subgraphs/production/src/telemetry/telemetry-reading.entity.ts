// Machine telemetry, a time series: one value of one metric at one instant, in its unit.
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Machine } from '../machine/machine.entity';

@ObjectType()
@Entity()
// a partner sees the rows of the machines on its own lines
@PartnerScoped((supplierId) => ({ machine: { line: { supplierId } } }))
// The only read path: one machine's metric over a time range, newest first.
@Index({ properties: ['machine', 'metric', 'recordedAt'] })
export class TelemetryReading extends OwnedEntity {
  // No per-row foreign key: checking it cost PostgreSQL as much as the rest of the insert (a trigger and
  // a row lock per reading). Ingestion instead locks each machine of a batch once (FOR KEY SHARE, as the
  // key check would) in the writing transaction, so a reading always names a machine that exists when
  // it commits. Machines are never deleted; a delete path would have to deal with their readings.
  @ManyToOne(() => Machine, { createForeignKeyConstraint: false })
  machine!: Machine;

  @Field({ description: 'e.g. "temperature", "vibration", "power".' })
  @Property()
  metric!: string;

  @Field(() => Float, { description: 'In `unit`, as sent by the machine.' })
  @Property({ type: 'double' })
  value!: number;

  @Field({ description: 'Unit of `value`, e.g. degC, mm/s, kW.' })
  @Property({ length: 16 })
  unit!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  recordedAt!: Date;
}
