// An emission factor: kgCO2e per unit of an activity, for a region and a year, from a published source.
import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { OwnedEntity } from '@cmgraph/platform';
import { ActivityType, GwpSet } from './emission-factor.enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'kgCO2e per unit of an activity (GHG Protocol scope and category included).' })
@Entity()
// One factor per activity, region and year: matching a record to its factor is never ambiguous.
@Unique({ properties: ['activityType', 'region', 'year'] })
export class EmissionFactor extends OwnedEntity {
  @Field({ description: 'Publisher and edition, e.g. "DEFRA 2025", "EPA 2025", "IEA 2025".' })
  @Property()
  source!: string;

  @Field(() => ActivityType)
  @Enum({ items: () => ActivityType })
  activityType!: ActivityType;

  @Field({ description: 'ISO 3166-1 alpha-2 country code, or GLOBAL (used where no country factor exists).' })
  @Property({ length: 6 })
  region!: string;

  @Field(() => Int, { description: 'Reporting year the factor applies to (the year a record period starts in).' })
  @Property()
  year!: number;

  @Field(() => Float, { description: 'kgCO2e per one `unit` of the activity.' })
  @Property({ type: 'double' })
  kgCo2ePerUnit!: number;

  @Field({ description: 'The unit the factor is per: kWh, MWh, GJ, kg, t, L, m3, km, tkm…' })
  @Property()
  unit!: string;

  @Field(() => Int, { description: 'GHG Protocol scope: 1 direct, 2 purchased energy, 3 value chain.' })
  @Property({ type: 'smallint' })
  scope!: number;

  @Field(() => Int, { nullable: true, description: 'GHG Protocol scope 3 category 1–15; null for scopes 1 and 2.' })
  @Property({ type: 'smallint', nullable: true, fieldName: 'scope3_category' })
  scope3Category?: number | null;

  @Field(() => GwpSet)
  @Enum({ items: () => GwpSet })
  gwpSet!: GwpSet;
}
