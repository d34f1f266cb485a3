// One line of a shipment: a quantity of one PO line, optionally in a package and from a lot.
import { Check, Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Float, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { decimal, PurchaseOrderLine } from '../purchase-order/purchase-order-line.entity';
import { PurchaseOrder } from '../purchase-order/purchase-order.entity';
import { Shipment } from './shipment.entity';
import { ShipmentPackage } from './shipment-package.entity';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
// A partner sees the lines of its own shipments.
@PartnerScoped((supplierId) => ({ shipment: { supplierId } }))
@Check({ name: 'shipment_line_quantity_positive', expression: 'quantity > 0' })
export class ShipmentLine extends OwnedEntity {
  @ManyToOne(() => Shipment, { index: true })
  shipment!: Shipment;

  @ManyToOne(() => ShipmentPackage, { nullable: true, index: true })
  package?: ShipmentPackage | null;

  @ManyToOne(() => PurchaseOrderLine, { index: true })
  purchaseOrderLine!: PurchaseOrderLine;

  /** The PO line's order, kept here so that "shipments of an order" needs no join through its lines. */
  @ManyToOne(() => PurchaseOrder, { index: true })
  purchaseOrder!: PurchaseOrder;

  /** Copied from the PO line (Product is owned by inventory); exposed as `product`. */
  @Property({ type: 'uuid' })
  productId!: string;

  @Field(() => Float)
  @Property(decimal())
  quantity!: number;

  @Field(() => String, { nullable: true, description: "The supplier's lot or batch number." })
  @Property({ type: 'string', nullable: true })
  lotNumber?: string | null;
}
