// A production line at a supplier's facility: where work orders run, with the ideal cycle time OEE
// measures performance against.
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Float, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
// a partner sees the lines carrying its own supplier
@PartnerScoped()
@Unique({ properties: ['facilityId', 'code'] })
export class Line extends OwnedEntity {
  /** Facility (owned by suppliers); exposed as `facility`. */
  @Property({ type: 'uuid' })
  facilityId!: string;

  /** The supplier the facility belongs to, as the suppliers subgraph said when the line was created. */
  @Property({ type: 'uuid', index: true })
  supplierId!: string;

  @Field({ description: 'Short code, unique within the facility, e.g. "L1".' })
  @Property()
  code!: string;

  @Field()
  @Property()
  name!: string;

  @Field(() => Float, { description: 'Ideal seconds per unit for the whole line (its bottleneck): the OEE performance baseline.' })
  @Property({ type: 'double' })
  idealCycleSeconds!: number;
}
