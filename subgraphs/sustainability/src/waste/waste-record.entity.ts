// Waste a facility sent for treatment over a period, in kg, with the kgCO2e of its treatment.
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, ObjectType } from 'type-graphql';
import { PartnerScoped } from '@cmgraph/platform';
import { FacilityRecord } from '../records/facility-record.entity';
import { EmissionFactor } from '../factor/emission-factor.entity';
import { WasteTreatment } from './waste.enums';

@ObjectType({ description: 'Waste sent for treatment (scope 3 category 5).' })
@Entity()
@PartnerScoped() // a partner sees its own supplier's rows only
@Index({ properties: ['facilityId', 'periodStart'] })
@Index({ properties: ['supplierId', 'periodStart'] })
export class WasteRecord extends FacilityRecord {
  @Field({ description: 'Free description, e.g. "cardboard", "solder dross", "solvent".' })
  @Property()
  wasteType!: string;

  @Field()
  @Property()
  hazardous!: boolean;

  @Field(() => Float, { description: 'Mass in kg (input in kg, t or lb, converted exactly).' })
  @Property({ type: 'double' })
  kg!: number;

  @Field(() => WasteTreatment)
  @Enum({ items: () => WasteTreatment })
  treatment!: WasteTreatment;

  @ManyToOne(() => EmissionFactor, { index: true })
  factor!: EmissionFactor;

  @Field(() => Float, { description: "Mass × the treatment's factor." })
  @Property({ type: 'double' })
  kgCo2e!: number;
}
