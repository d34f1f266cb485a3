// Stock of one product at one location, all lots together. Maintained only by the ledger
// (stock.ledger.ts) in the transaction that books each movement, so it always equals the ledger's sum.
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerHidden } from '@cmgraph/platform';
import { Product } from '../product/product.entity';
import { Location } from '../location/location.entity';

type Defaulted = 'onHand' | 'reserved' | 'inTransit' | 'safetyStock' | 'reorderPoint';

/** Brand-internal: stock, policy and demand at the brand's places are no contract manufacturer's business. */
@PartnerHidden()
@ObjectType({ description: 'Stock of a product at a location, all lots together. Partners see none.' })
@Entity()
// Leads with product_id, so it also serves that foreign key.
@Unique({ properties: ['product', 'location'] })
export class StockLevel extends OwnedEntity<Defaulted> {
  @ManyToOne(() => Product)
  product!: Product;

  @ManyToOne(() => Location, { index: true })
  location!: Location;

  @Field({ description: 'Physically at the location: receipts and gains in, issues and losses out.' })
  @Property({ type: 'double' })
  onHand: number = 0;

  @Field({ description: 'Promised to orders or work orders but not yet issued.' })
  @Property({ type: 'double' })
  reserved: number = 0;

  @Field({
    description: 'On its way to this location. Always 0 for now: a later release feeds it from shipment events (orders).',
  })
  @Property({ type: 'double' })
  inTransit: number = 0;

  @Field({ description: 'Buffer kept against demand and supply variability.' })
  @Property({ type: 'double' })
  safetyStock: number = 0;

  @Field({ description: 'When available stock falls to this level, replenish.' })
  @Property({ type: 'double' })
  reorderPoint: number = 0;
}
