// A published product carbon footprint: kgCO2e per declared unit of a product, computed from one
// facility's activity over a period allocated by its good units, kept in the fields of a PACT v3
// ProductFootprint. Versions of one product follow each other; the newest is Active.
import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { FootprintStatus } from './footprint.enums';

@ObjectType({ description: 'A PACT v3 ProductFootprint (Partnership for Carbon Transparency), as published here.' })
@Entity()
@PartnerScoped() // a partner sees the footprints computed from its own facilities only
@Unique({ properties: ['productId', 'version'] })
export class ProductFootprint extends OwnedEntity<'status' | 'kgCo2ePerUnit'> {
  /** Product (owned by inventory); exposed as `product`. */
  @Property({ type: 'uuid', index: true })
  productId!: string;

  /** The facility whose activity the footprint is computed from (owned by suppliers). */
  @Property({ type: 'uuid', index: true })
  facilityId!: string;

  @Property({ type: 'uuid', index: true })
  supplierId!: string;

  @Field(() => Int, { description: '1 for the first footprint of the product, then one more per publication.' })
  @Property()
  version!: number;

  @Field(() => FootprintStatus)
  @Enum({ items: () => FootprintStatus })
  status: FootprintStatus = FootprintStatus.ACTIVE;

  @Field({ description: 'The company (supplier) name.' })
  @Property()
  companyName!: string;

  @Field(() => [String], { description: 'URNs of the company.' })
  @Property({ type: 'text[]' })
  companyIds!: string[];

  @Field()
  @Property({ type: 'text' })
  productDescription!: string;

  @Field(() => [String], { description: 'URNs of the product (its id, and its GTIN when it has one).' })
  @Property({ type: 'text[]' })
  productIds!: string[];

  @Field()
  @Property()
  productNameCompany!: string;

  /** PACT pcf fields, exposed through `pcf`. */
  @Property() declaredUnitOfMeasurement!: string;
  @Property({ type: 'double' }) declaredUnitAmount!: number;
  @Property({ type: 'double' }) pcfExcludingBiogenicUptake!: number;
  @Property({ type: 'date' }) referencePeriodStart!: string;
  @Property({ type: 'date' }) referencePeriodEnd!: string;
  @Property({ length: 2 }) geographyCountry!: string;
  @Property({ type: 'text' }) boundaryProcessesDescription!: string;
  @Property({ type: 'double', nullable: true }) primaryDataShare?: number | null;
  @Property({ type: 'double' }) exemptedEmissionsPercent!: number;

  @Field(() => Float, { description: 'kgCO2e per declared unit (= pcf.pCfExcludingBiogenicUptake).' })
  get kgCo2ePerUnit(): number {
    return this.pcfExcludingBiogenicUptake;
  }

  @Field(() => Float, { description: 'The facility\'s kgCO2e over the period (scopes 1, 2 market-based and 3).' })
  @Property({ type: 'double' })
  facilityKgCo2e!: number;

  @Field(() => Float, { description: 'The facility\'s good units over the period: the allocation key.' })
  @Property({ type: 'double' })
  facilityGoodUnits!: number;
}
