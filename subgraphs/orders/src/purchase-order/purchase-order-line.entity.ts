// One line of a purchase order: what, how many, at what price, by when — and how far it has got.
import { DecimalType } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Authorized, Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { PurchaseOrder } from './purchase-order.entity';
import { LineAckStatus } from './purchase-order.enums';

/** Who may read money amounts (unit prices, order totals); a partner reads them on its own orders only. */
export const PRICE_READERS = ['BUYER', 'PLANNER', 'ANALYST', 'PARTNER'] as const;

/** numeric(18,4) read back as a JS number: quantities in KG or M are fractional, money must not drift. */
export const decimal = () => ({ type: new DecimalType('number'), precision: 18, scale: 4 });

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
// A partner sees the lines of its own orders.
@PartnerScoped((supplierId) => ({ purchaseOrder: { supplierId } }))
@Unique({ properties: ['purchaseOrder', 'lineNumber'] })
// Last line of defence behind input validation: no path may store a line that breaks these.
@Check({ name: 'purchase_order_line_quantity_positive', expression: 'quantity > 0' })
@Check({ name: 'purchase_order_line_unit_price_not_negative', expression: 'unit_price >= 0' })
// Delivery reports select lines by supplier and promised date (supplier/delivery-performance.sql.ts).
@Index({
  name: 'purchase_order_line_supplier_promised',
  expression: 'create index "purchase_order_line_supplier_promised" on "purchase_order_line" ("supplier_id", (coalesce("original_promised_date", "requested_date")))',
})
// Scorecards of a page of suppliers range-scan this one for the page's span; it carries every column the
// due-line aggregates read (supplier/delivery-performance.sql.ts, DUE_LINE_COLUMNS and COUNTS_FOR_DELIVERY),
// so that a quarter's 250,000 lines of the large world are read from the index alone, not the table.
@Index({
  name: 'purchase_order_line_promised',
  expression: 'create index "purchase_order_line_promised" on "purchase_order_line" ((coalesce("original_promised_date", "requested_date"))) include ("supplier_id", "original_promised_date", "requested_date", "id", "purchase_order_id", "ack_status", "quantity", "quantity_delivered", "delivered_in_full_on", "ship_from_facility_id")',
})
export class PurchaseOrderLine extends OwnedEntity<'ackStatus' | 'quantityShipped' | 'quantityDelivered'> {
  @ManyToOne(() => PurchaseOrder)
  purchaseOrder!: PurchaseOrder;

  @Field(() => Int, { description: '1-based position on the order.' })
  @Property()
  lineNumber!: number;

  /**
   * The order's supplier, copied at creation (a line never changes order): supplier-level delivery
   * figures over a million lines read the lines alone instead of joining every line to its order.
   */
  @Property({ type: 'uuid' })
  supplierId!: string;

  /**
   * Facility (owned by suppliers) the line's goods come from, for delivery reports: the ship-from facility
   * of the last delivery recorded against the line (the one that completed it, once complete); before any
   * delivery, of the last shipment booked for it; null while no shipment carries it.
   */
  @Property({ type: 'uuid', nullable: true })
  shipFromFacilityId?: string | null;

  /** Product (owned by inventory); exposed as `product`. */
  @Property({ type: 'uuid', index: true })
  productId!: string;

  @Field(() => Float, { description: 'Ordered quantity, in `uom`.' })
  @Property(decimal())
  quantity!: number;

  @Field({ description: 'Unit of measure, e.g. EA, KG, M.' })
  @Property({ length: 10 })
  uom!: string;

  // Prices are commercial terms: quality and sustainability staff work without them.
  @Authorized(...PRICE_READERS)
  @Field(() => Float, {
    nullable: true,
    description: "Price per `uom` in the order's currency. Null with FORBIDDEN for callers without BUYER, PLANNER, ANALYST or PARTNER.",
  })
  @Property(decimal())
  unitPrice!: number;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  requestedDate!: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The date first promised at acknowledgement; never changes afterwards (the OTIF baseline).',
  })
  @Property({ type: 'date', nullable: true, index: true })
  originalPromisedDate?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The date now promised; moves with DATE_CHANGED answers.' })
  @Property({ type: 'date', nullable: true })
  currentPromisedDate?: string | null;

  @Field(() => LineAckStatus)
  @Enum({ items: () => LineAckStatus })
  ackStatus: LineAckStatus = LineAckStatus.PENDING;

  @Field(() => Float, { nullable: true, description: 'Quantity the supplier confirmed, when it answered with one.' })
  @Property({ ...decimal(), nullable: true })
  acknowledgedQuantity?: number | null;

  @Field(() => Float, { description: 'Sum over the shipments (ASNs) booked against this line.' })
  @Property(decimal())
  quantityShipped: number = 0;

  @Field(() => Float, { description: 'Sum over the shipments that reached DELIVERED.' })
  @Property(decimal())
  quantityDelivered: number = 0;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Date (UTC) of the delivery that brought `quantityDelivered` up to `quantity`: the OTIF "on time" date.',
  })
  @Property({ type: 'date', nullable: true })
  deliveredInFullOn?: string | null;
}
