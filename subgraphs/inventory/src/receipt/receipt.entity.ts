// A goods receipt: what arrived at a location for one shipment (an ASN owned by orders), line by line.
import { Check, Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Location } from '../location/location.entity';
import { Product } from '../product/product.entity';
import { Lot } from '../lot/lot.entity';
import { REFERENCE_KEPT_FOR_PARTNERS } from '../access';

/** A partner sees the receipts of its own shipments (the supplier recorded on the receipt). */
@PartnerScoped()
@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
export class Receipt extends OwnedEntity<'note' | 'supplierId'> {
  /** The orders-owned Shipment, exposed as `shipment`; unique: a shipment is received once. */
  @Property({ type: 'uuid' })
  @Unique()
  shipmentId!: string;

  @ManyToOne(() => Location, { index: true, filters: REFERENCE_KEPT_FOR_PARTNERS })
  location!: Location;

  @Field({ description: 'When the goods were received at the dock.' })
  @Property({ type: 'timestamptz', index: true })
  receivedAt!: Date;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  /** The suppliers-owned Supplier that shipped the goods (the shipment's), when known: the partner scope. */
  @Property({ type: 'uuid', nullable: true, index: true })
  supplierId: string | null = null;
}

/**
 * Rejected quantity is recorded on the line only: it never enters stock (no movement, no quarantine
 * lot), because it goes back to the supplier; quality's non-conformance flow owns what happens to it.
 */
@PartnerScoped((supplierId) => ({ receipt: { supplierId } }))
@ObjectType({ description: 'What was received of one product (and lot) on a receipt.' })
@Entity()
// Written with PostgreSQL's own casts so that the migration generator sees no difference on re-diffing.
@Check({
  name: 'receipt_line_quantities',
  expression: `accepted_quantity >= '0'::double precision and rejected_quantity >= '0'::double precision and received_quantity >= '0'::double precision`,
})
export class ReceiptLine extends OwnedEntity<'lot' | 'expectedQuantity' | 'shipmentLineId' | 'note'> {
  @ManyToOne(() => Receipt, { index: true })
  receipt!: Receipt;

  @ManyToOne(() => Product, { index: true })
  product!: Product;

  @ManyToOne(() => Lot, { nullable: true, index: true, deleteRule: 'restrict', filters: REFERENCE_KEPT_FOR_PARTNERS })
  lot: Lot | null = null;

  @Field(() => ID, { nullable: true, description: 'The ASN line (owned by orders) this line receives.' })
  @Property({ type: 'uuid', nullable: true, index: true })
  shipmentLineId: string | null = null;

  @Field(() => Float, { nullable: true, description: 'What the shipment said would arrive.' })
  @Property({ type: 'double', nullable: true })
  expectedQuantity: number | null = null;

  @Field({ description: 'acceptedQuantity + rejectedQuantity.' })
  @Property({ type: 'double' })
  receivedQuantity!: number;

  @Field({ description: 'Booked into stock at the receipt\'s location.' })
  @Property({ type: 'double' })
  acceptedQuantity!: number;

  @Field({ description: 'Refused at the dock: recorded here, never put into stock.' })
  @Property({ type: 'double' })
  rejectedQuantity!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}
