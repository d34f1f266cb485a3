// A place that holds stock: the brand's warehouses and DCs, or a CM plant's store.
import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';
import { OwnedEntity } from '@cmgraph/platform';
import { LocationType } from './location.enums';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
export class Location extends OwnedEntity<'facilityId'> {
  @Field({ description: 'Short unique location code, e.g. "DC-01".' })
  @Property()
  @Unique()
  code!: string;

  @Field()
  @Property()
  name!: string;

  @Field(() => LocationType)
  @Enum({ items: () => LocationType })
  type!: LocationType;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  @Property({ length: 2 })
  country!: string;

  /** The suppliers-owned Facility this location belongs to (a CM's site), exposed as `facility`. */
  @Property({ type: 'uuid', nullable: true, index: true })
  facilityId: string | null = null;
}
