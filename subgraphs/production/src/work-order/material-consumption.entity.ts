// An input lot (an inventory Lot) a work order consumed: with the outputs, the edges of lot genealogy.
import { Check, Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { WorkOrder } from './work-order.entity';

@ObjectType({ description: 'A quantity of one input lot consumed by a work order.' })
@Entity()
// a partner sees what was reported against its own work orders
@PartnerScoped((supplierId) => ({ workOrder: { line: { supplierId } } }))
@Check({ name: 'material_consumption_quantity_positive', expression: `quantity > '0'::double precision` })
export class MaterialConsumption extends OwnedEntity<'consumedAt' | 'locationId'> {
  @ManyToOne(() => WorkOrder, { index: true })
  workOrder!: WorkOrder;

  /** The inventory Lot consumed; exposed as `lot`. */
  @Property({ type: 'uuid', index: true })
  lotId!: string;

  /** The lot's product (owned by inventory), as inventory said when the consumption was recorded. */
  @Property({ type: 'uuid' })
  productId!: string;

  /** The inventory Location the stock moved at, when the report named one (else inventory decides); exposed as `location`. */
  @Property({ type: 'uuid', nullable: true })
  locationId: string | null = null;

  @Field(() => Float, { description: 'In `uom`.' })
  @Property({ type: 'double' })
  quantity!: number;

  @Field({ description: "The BOM line's unit of measure for this component." })
  @Property({ length: 10 })
  uom!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  consumedAt: Date = new Date();
}
