// A machine on a line: the unit downtime, telemetry and metric limits are recorded against.
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Float, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Line } from '../line/line.entity';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
// a partner sees the machines on its own lines
@PartnerScoped((supplierId) => ({ line: { supplierId } }))
@Unique({ properties: ['line', 'code'] })
export class Machine extends OwnedEntity {
  @ManyToOne(() => Line)
  line!: Line;

  /** The line's facility, kept here so that `Facility.machines` needs no join. */
  @Property({ type: 'uuid', index: true })
  facilityId!: string;

  @Field({ description: 'Short code, unique within the line, e.g. "L1-M2".' })
  @Property()
  code!: string;

  @Field()
  @Property()
  name!: string;

  @Field(() => Float, { description: 'Ideal seconds per unit on this machine: its OEE performance baseline.' })
  @Property({ type: 'double' })
  idealCycleSeconds!: number;
}
