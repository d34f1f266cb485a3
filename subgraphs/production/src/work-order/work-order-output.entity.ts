// What a work order put out into one lot (an inventory Lot): the link genealogy walks from inputs to outputs.
import { Check, Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { WorkOrder } from './work-order.entity';

@ObjectType({ description: 'One output report of a work order: good and scrapped quantity into a lot.' })
@Entity()
// a partner sees what was reported against its own work orders
@PartnerScoped((supplierId) => ({ workOrder: { line: { supplierId } } }))
@Check({ name: 'work_order_output_quantities', expression: `good_quantity >= '0'::double precision and scrap_quantity >= '0'::double precision` })
export class WorkOrderOutput extends OwnedEntity<'reportedAt' | 'locationId'> {
  @ManyToOne(() => WorkOrder, { index: true })
  workOrder!: WorkOrder;

  /** The inventory Lot the good quantity went into; exposed as `lot`. */
  @Property({ type: 'uuid', index: true })
  lotId!: string;

  /** The inventory Location the stock moved at, when the report named one (else inventory decides); exposed as `location`. */
  @Property({ type: 'uuid', nullable: true })
  locationId: string | null = null;

  @Field(() => Float, { description: "In the work order's uom." })
  @Property({ type: 'double' })
  goodQuantity!: number;

  @Field(() => Float)
  @Property({ type: 'double' })
  scrapQuantity!: number;

  @Field()
  @Property({ type: 'timestamptz' })
  reportedAt: Date = new Date();
}
