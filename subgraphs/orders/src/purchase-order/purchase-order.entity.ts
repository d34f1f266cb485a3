// A purchase order from the brand to one supplier, shipped to one of the brand's stock locations.
import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Incoterms, PurchaseOrderStatus } from './purchase-order.enums';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
// A partner (CM) sees the orders placed with it.
@PartnerScoped()
// Supplier pages walk (supplier_id, id) in keyset order; this index serves both the filter and the order.
@Index({ properties: ['supplierId', 'id'] })
// Acknowledgement latency of a page of scorecards reads the orders sent in the page's span, from the index alone.
@Index({
  name: 'purchase_order_sent_at',
  expression: 'create index "purchase_order_sent_at" on "purchase_order" ("sent_at") include ("supplier_id", "acknowledged_at")',
})
// The few orders whose lines never count for delivery figures (delivery-performance.sql.ts anti-joins them).
@Index({
  name: 'purchase_order_inactive',
  expression: `create index "purchase_order_inactive" on "purchase_order" ("id") where "status" in ('DRAFT', 'CANCELLED')`,
})
export class PurchaseOrder extends OwnedEntity<'status' | 'orderedAt'> {
  @Field({ description: 'Unique PO number, e.g. "PO-0000123".' })
  @Property()
  @Unique()
  number!: string;

  /** Supplier (owned by suppliers); exposed as `supplier`. */
  @Property({ type: 'uuid' })
  supplierId!: string;

  /** Location (owned by inventory); exposed as `shipTo`. */
  @Property({ type: 'uuid', index: true })
  shipToLocationId!: string;

  @Field(() => PurchaseOrderStatus)
  @Enum({ items: () => PurchaseOrderStatus, index: true })
  status: PurchaseOrderStatus = PurchaseOrderStatus.DRAFT;

  @Field(() => Incoterms)
  @Enum({ items: () => Incoterms })
  incoterms!: Incoterms;

  @Field({ description: 'ISO 4217 currency of every unit price on the order.' })
  @Property({ length: 3 })
  currency!: string;

  @Field()
  @Property({ type: 'timestamptz', index: true })
  orderedAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  sentAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the last pending line got its answer.' })
  @Property({ type: 'timestamptz', nullable: true })
  acknowledgedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  cancelledAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  cancelReason?: string | null;
}
