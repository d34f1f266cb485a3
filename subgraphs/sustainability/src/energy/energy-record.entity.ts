// Energy a facility used over a period, by source, stored in kWh, with its scope 2 both ways.
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, ObjectType } from 'type-graphql';
import { PartnerScoped } from '@cmgraph/platform';
import { FacilityRecord } from '../records/facility-record.entity';
import { EmissionFactor } from '../factor/emission-factor.entity';
import { EnergySource } from './energy.enums';

@ObjectType({ description: 'Energy used at a facility over a period.' })
@Entity()
@PartnerScoped() // a partner sees its own supplier's rows only
@Index({ properties: ['facilityId', 'periodStart'] })
@Index({ properties: ['supplierId', 'periodStart'] })
export class EnergyRecord extends FacilityRecord {
  @Field(() => EnergySource)
  @Enum({ items: () => EnergySource })
  source!: EnergySource;

  @Field(() => Float, { description: 'Energy in kWh (input in kWh, MWh or GJ, converted exactly).' })
  @Property({ type: 'double' })
  kwh!: number;

  @Field({ description: 'True for SOLAR, WIND and HYDRO.' })
  @Property()
  renewable!: boolean;

  @Field({ description: 'Renewable electricity backed by energy attribute certificates (GO, REC, I-REC).' })
  @Property()
  certificates!: boolean;

  /** The country's (else GLOBAL) grid factor; null for fuels, which are not scope 2. */
  @ManyToOne(() => EmissionFactor, { nullable: true, index: true })
  gridFactor?: EmissionFactor | null;

  @Field(() => Float, { description: 'kWh × grid factor of the country, for electricity; 0 for fuels.' })
  @Property({ type: 'double', fieldName: 'scope2_location_based_kg' })
  scope2LocationBasedKg!: number;

  @Field(() => Float, { description: 'As location-based, except renewable kWh with certificates count zero.' })
  @Property({ type: 'double', fieldName: 'scope2_market_based_kg' })
  scope2MarketBasedKg!: number;
}
