// A shipment announced by a supplier (an ASN): packages and lines against PO lines, and its journey.
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { ShipmentStatus, TransportMode } from './shipment.enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An advance ship notice (ASN) and the shipment it announces.' })
@Entity()
// A partner (CM) sees the shipments it announced.
@PartnerScoped()
@Index({ properties: ['supplierId', 'id'] })
export class Shipment extends OwnedEntity<'status'> {
  @Field({ description: 'Unique ASN number, e.g. "ASN-0000123".' })
  @Property()
  @Unique()
  number!: string;

  /** Supplier (owned by suppliers); exposed as `supplier`. */
  @Property({ type: 'uuid' })
  supplierId!: string;

  /** Facility (owned by suppliers); exposed as `shipFrom`. */
  @Property({ type: 'uuid' })
  shipFromFacilityId!: string;

  /** Location (owned by inventory); exposed as `shipTo`. */
  @Property({ type: 'uuid', index: true })
  shipToLocationId!: string;

  @Field()
  @Property()
  carrier!: string;

  @Field(() => TransportMode)
  @Enum({ items: () => TransportMode })
  mode!: TransportMode;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  trackingNumber?: string | null;

  @Field(() => LocalDateResolver, { description: 'Expected day of arrival; milestones may move it.' })
  @Property({ type: 'date' })
  eta!: string;

  @Field(() => Number, { nullable: true, description: 'Sum of the packages\' weights in kg; null without packages.' })
  @Property({ type: 'double', nullable: true })
  grossWeightKg?: number | null;

  @Field(() => Number, { nullable: true, description: 'Planned transport distance in km (for transport emissions); null when unknown.' })
  @Property({ type: 'double', nullable: true })
  distanceKm?: number | null;

  @Field(() => ShipmentStatus)
  @Enum({ items: () => ShipmentStatus, index: true })
  status: ShipmentStatus = ShipmentStatus.BOOKED;

  @Field(() => Date, { nullable: true, description: 'When the goods left (first PICKED_UP or DEPARTED milestone).' })
  @Property({ type: 'timestamptz', nullable: true })
  shippedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt?: Date | null;
}
