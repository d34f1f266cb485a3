// A place that holds stock: the brand's warehouses and DCs, or a CM plant's store.
import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { LocationType } from './location.enums';

/**
 * Partners see the brand's locations (no facility: the ship-to DCs and warehouses every CM ships to) and
 * the locations at their own facilities; a location at another CM's plant is not theirs to see. A
 * location at a facility whose supplier is not recorded (created before `supplier_id` existed) is hidden.
 */
@PartnerScoped((supplierId) => ({ $or: [{ facilityId: null }, { supplierId }] }))
@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
export class Location extends OwnedEntity<'facilityId' | 'supplierId'> {
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

  /** The supplier (CM) that runs `facilityId`, as suppliers said when the location was created: the partner scope. */
  @Property({ type: 'uuid', nullable: true, index: true })
  supplierId: string | null = null;
}
