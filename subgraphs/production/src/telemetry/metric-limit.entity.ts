// The upper limit of one metric on one machine: a reading above it raises a MACHINE_HEALTH alert.
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Float, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Machine } from '../machine/machine.entity';

@ObjectType()
@Entity()
// a partner sees the rows of the machines on its own lines
@PartnerScoped((supplierId) => ({ machine: { line: { supplierId } } }))
@Unique({ properties: ['machine', 'metric'] })
export class MachineMetricLimit extends OwnedEntity {
  @ManyToOne(() => Machine)
  machine!: Machine;

  @Field()
  @Property()
  metric!: string;

  @Field({ description: 'Unit of `max`; readings in another unit of the same quantity are converted exactly.' })
  @Property({ length: 16 })
  unit!: string;

  @Field(() => Float)
  @Property({ type: 'double' })
  max!: number;
}
