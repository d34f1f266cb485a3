// A versioned bill of materials: what one unit of a product is made of. Versions are immutable once
// written; a change is a new version that supersedes the ACTIVE one. The brand's IP: every way in (the
// query, WorkOrder.billOfMaterials, Product.billOfMaterials, the entity reference) refuses partners (see
// bill-of-materials.access.ts). Not @PartnerHidden: MikroORM would then hide every work order pointing at
// a BOM from partners too (filters reach to-one relations), and partners' reports check the BOM's lines.
import { Check, Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { OwnedEntity } from '@cmgraph/platform';
import { BillOfMaterialsStatus } from './bill-of-materials.enums';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
@Unique({ properties: ['productId', 'version'] })
// At most one ACTIVE version per product, whatever races between writers.
@Unique({ name: 'bill_of_materials_one_active', properties: ['productId'], where: `status = 'ACTIVE'` })
export class BillOfMaterials extends OwnedEntity<'status'> {
  /** Product (owned by inventory) this BOM makes; exposed as `product`. */
  @Property({ type: 'uuid' })
  productId!: string;

  @Field(() => Int, { description: '1 for the first version of a product, then +1 per new version.' })
  @Property()
  version!: number;

  @Field(() => BillOfMaterialsStatus)
  @Enum({ items: () => BillOfMaterialsStatus })
  status: BillOfMaterialsStatus = BillOfMaterialsStatus.ACTIVE;
}

@ObjectType({ description: 'One component of a bill of materials.' })
@Entity()
@Check({ name: 'bill_of_materials_line_quantities', expression: `quantity_per > '0'::double precision and scrap_factor >= '0'::double precision` })
export class BillOfMaterialsLine extends OwnedEntity {
  @ManyToOne(() => BillOfMaterials, { index: true })
  billOfMaterials!: BillOfMaterials;

  /** Component product (owned by inventory); exposed as `component`. */
  @Property({ type: 'uuid', index: true })
  componentProductId!: string;

  @Field(() => Float, { description: 'Quantity of the component per unit of the product, in `uom`.' })
  @Property({ type: 'double' })
  quantityPer!: number;

  @Field({ description: 'Unit of measure of `quantityPer`, e.g. EA, KG, M.' })
  @Property({ length: 10 })
  uom!: string;

  @Field(() => Float, { description: 'Expected loss as a fraction (0.02 = 2 %): plan quantityPer × (1 + scrapFactor).' })
  @Property({ type: 'double' })
  scrapFactor!: number;
}
