// Water a facility withdrew, discharged and recycled over a period, in m3.
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, ObjectType } from 'type-graphql';
import { PartnerScoped } from '@cmgraph/platform';
import { FacilityRecord } from '../records/facility-record.entity';

@ObjectType({ description: 'Water balance of a facility over a period.' })
@Entity()
@PartnerScoped() // a partner sees its own supplier's rows only
@Index({ properties: ['facilityId', 'periodStart'] })
@Index({ properties: ['supplierId', 'periodStart'] })
export class WaterRecord extends FacilityRecord {
  @Field(() => Float, { description: 'Fresh water taken in (mains, ground, surface), m3.' })
  @Property({ type: 'double' })
  withdrawalM3!: number;

  @Field(() => Float, { description: 'Water returned (to sewer or surface), m3.' })
  @Property({ type: 'double' })
  dischargeM3!: number;

  @Field(() => Float, { description: 'Water treated on site and used again, m3.' })
  @Property({ type: 'double' })
  recycledM3!: number;
}
