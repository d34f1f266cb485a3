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
  @ManyToOne(() => Machine)
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
