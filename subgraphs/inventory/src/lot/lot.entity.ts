// A lot (batch) of one product: the unit of traceability, quarantine and recall.
import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Product } from '../product/product.entity';
import { LotStatus } from './lot.enums';

type Defaulted = 'status' | 'statusReason' | 'expiresOn' | 'manufacturedOn' | 'supplierLotNumber' | 'supplierId';

/** A partner sees the lots its own supplier made (or supplied); lots without a supplier are the brand's. */
@PartnerScoped()
@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
// The unique index leads with product_id, so it also serves the foreign key.
@Unique({ properties: ['product', 'lotNumber'] })
export class Lot extends OwnedEntity<Defaulted> {
  @ManyToOne(() => Product)
  product!: Product;

  @Field({ description: 'The brand\'s lot number, unique per product.' })
  @Property()
  lotNumber!: string;

  @Field(() => LotStatus)
  @Enum({ items: () => LotStatus, index: true })
  status: LotStatus = LotStatus.AVAILABLE;

  @Field(() => String, { nullable: true, description: 'Why the status last changed.' })
  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day the lot may be used.' })
  @Property({ type: 'date', nullable: true, index: true })
  expiresOn: string | null = null;

  @Field(() => LocalDateResolver, { nullable: true })
  @Property({ type: 'date', nullable: true })
  manufacturedOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'The lot number printed by the supplier, when it differs.' })
  @Property({ type: 'text', nullable: true })
  supplierLotNumber: string | null = null;

  /** The suppliers-owned Supplier that made the lot, exposed as `supplier`. */
  @Property({ type: 'uuid', nullable: true, index: true })
  supplierId: string | null = null;
}
