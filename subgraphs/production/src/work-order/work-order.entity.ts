// A work order: make `quantityPlanned` of a product on a line to a BOM version, optionally for a PO line.
import { Check, Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Line } from '../line/line.entity';
import { BillOfMaterials } from '../bom/bill-of-materials.entity';
import { WorkOrderStatus } from './work-order.enums';

type Defaulted = 'status' | 'quantityGood' | 'quantityScrap' | 'purchaseOrderLineId' | 'actualStart' | 'actualEnd';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
// a partner sees the work orders on its own lines
@PartnerScoped((supplierId) => ({ line: { supplierId } }))
@Check({
  name: 'work_order_quantities',
  expression: `quantity_planned > '0'::double precision and quantity_good >= '0'::double precision and quantity_scrap >= '0'::double precision`,
})
@Check({ name: 'work_order_actual_window', expression: 'actual_end is null or actual_end >= actual_start' })
export class WorkOrder extends OwnedEntity<Defaulted> {
  @Field({ description: 'Unique work-order number, e.g. "WO-0000123".' })
  @Property()
  @Unique()
  number!: string;

  /** Product (owned by inventory) made; exposed as `product`. */
  @Property({ type: 'uuid', index: true })
  productId!: string;

  @ManyToOne(() => BillOfMaterials, { index: true })
  billOfMaterials!: BillOfMaterials;

  @Field(() => Int, { description: 'The BOM version the order was planned with.' })
  @Property()
  bomVersion!: number;

  /** The line's facility (owned by suppliers); exposed as `facility`. */
  @Property({ type: 'uuid', index: true })
  facilityId!: string;

  @ManyToOne(() => Line, { index: true })
  line!: Line;

  /** The orders-owned PurchaseOrderLine this order fulfils, if any. */
  @Property({ type: 'uuid', nullable: true, index: true })
  purchaseOrderLineId: string | null = null;

  @Field({ description: "Unit of measure of every quantity on the order (the product's)." })
  @Property({ length: 10 })
  uom!: string;

  @Field(() => Float)
  @Property({ type: 'double' })
  quantityPlanned!: number;

  @Field(() => Float, { description: 'Σ good quantity over the output reports.' })
  @Property({ type: 'double' })
  quantityGood: number = 0;

  @Field(() => Float, { description: 'Σ scrapped quantity over the output reports.' })
  @Property({ type: 'double' })
  quantityScrap: number = 0;

  @Field(() => WorkOrderStatus)
  @Enum({ items: () => WorkOrderStatus, index: true })
  status: WorkOrderStatus = WorkOrderStatus.PLANNED;

  @Field()
  @Property({ type: 'timestamptz' })
  plannedStart!: Date;

  @Field()
  @Property({ type: 'timestamptz' })
  plannedEnd!: Date;

  @Field(() => Date, { nullable: true, description: 'When it first started RUNNING.' })
  @Property({ type: 'timestamptz', nullable: true })
  actualStart: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was COMPLETED (or ABORTED after starting).' })
  @Property({ type: 'timestamptz', nullable: true })
  actualEnd: Date | null = null;
}
