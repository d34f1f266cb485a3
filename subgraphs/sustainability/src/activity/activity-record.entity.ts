// An activity of a facility over a period (fuel burnt, material bought, freight) converted to kgCO2e
// by the factor that matched it, which the record keeps.
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PartnerScoped } from '@cmgraph/platform';
import { FacilityRecord } from '../records/facility-record.entity';
import { EmissionFactor } from '../factor/emission-factor.entity';
import { ActivityType } from '../factor/emission-factor.enums';
import { DataQuality } from './activity.enums';
import { ACTIVITY_ROLLUP, RollupTriggers } from '../rollup/rollup.triggers';

@ObjectType({ description: 'Activity data × emission factor = kgCO2e, with the scope and category of the factor.' })
@Entity()
@PartnerScoped() // a partner sees its own supplier's rows only
@Index({ properties: ['facilityId', 'periodStart'] })
@Index({ properties: ['supplierId', 'periodStart'] })
@RollupTriggers(ACTIVITY_ROLLUP) // activity_rollup: what KPIs and reports sum
export class ActivityRecord extends FacilityRecord {
  @Field(() => ActivityType)
  @Enum({ items: () => ActivityType })
  activityType!: ActivityType;

  @Field(() => Float, { description: 'The quantity as recorded, in `unit`.' })
  @Property({ type: 'double' })
  quantity!: number;

  @Field({ description: 'The unit the quantity was recorded in.' })
  @Property()
  unit!: string;

  @Field(() => Float, { description: "The quantity converted exactly into the factor's unit." })
  @Property({ type: 'double' })
  quantityInFactorUnit!: number;

  @ManyToOne(() => EmissionFactor, { index: true })
  factor!: EmissionFactor;

  @Field(() => Float, { description: 'quantityInFactorUnit × factor.kgCo2ePerUnit.' })
  @Property({ type: 'double' })
  kgCo2e!: number;

  @Field(() => Int, { description: "The factor's GHG Protocol scope." })
  @Property({ type: 'smallint' })
  scope!: number;

  @Field(() => Int, { nullable: true, description: "The factor's scope 3 category." })
  @Property({ type: 'smallint', nullable: true, fieldName: 'scope3_category' })
  scope3Category?: number | null;

  @Field(() => DataQuality)
  @Enum({ items: () => DataQuality })
  dataQuality!: DataQuality;
}
