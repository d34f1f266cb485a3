// A machine on a line: the unit downtime, telemetry and metric limits are recorded against.
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Float, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Line } from '../line/line.entity';

@Directive('@key(fields: "id")')
@ObjectType()
// Telemetry readings have no foreign key to their machine (an ingest locks its machines' rows instead: the
// per-row check was ~40 % of its insert work). What the key also did — refuse to delete a machine that has
// readings, or to change its id — this trigger does, with the key's error code (23503).
@Entity({
  triggers: [
    {
      name: 'keeps_its_readings',
      timing: 'before',
      events: ['delete', 'update'],
      body: `if (tg_op = 'DELETE' or new.id <> old.id) and exists (select 1 from telemetry_reading where machine_id = old.id) then raise exception 'machine % has telemetry readings', old.id using errcode = 'foreign_key_violation'; end if; if tg_op = 'DELETE' then return old; end if; return new;`,
    },
  ],
})
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
