// One line of the stock ledger. Append-only: a mistake is corrected by a new movement, never by an
// edit, and a database trigger refuses UPDATE and DELETE so no code path can rewrite history.
import { Check, Entity, Enum, Index, ManyToOne, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Product } from '../product/product.entity';
import { Location } from '../location/location.entity';
import { Lot } from '../lot/lot.entity';
import { StockMovementType } from './stock.enums';
import { REFERENCE_KEPT_FOR_PARTNERS } from '../access';

type Defaulted = 'lot' | 'fromLocation' | 'toLocation' | 'reference' | 'reason' | 'occurredAt';

/** A partner sees the movements of its own lots (where its goods went: received, moved, consumed); no other. */
@PartnerScoped((supplierId) => ({ lot: { supplierId } }))
@ObjectType({ description: 'An entry in the append-only stock ledger; quantities are always positive, direction is from → to.' })
@Entity()
// Serves the days-of-supply demand query (product, source location, recent window) and the product FK.
@Index({ properties: ['product', 'fromLocation', 'occurredAt'] })
// Demand rows only (demandPredicate in demand.loader.ts, word for word, so the planner may use it), with
// what demand queries read: a product's demand over a window — the reported days of supply — is an
// index-only range scan, per location too.
@Index({
  name: 'stock_movement_demand',
  expression: `create index "stock_movement_demand" on "stock_movement" ("product_id", "occurred_at") include ("from_location_id", "quantity") where type in ('ISSUE', 'CONSUME') and from_location_id is not null`,
})
// Written with PostgreSQL's own cast so that the migration generator sees no difference on re-diffing.
@Check({ name: 'stock_movement_quantity_positive', expression: `quantity > '0'::double precision` })
@Check({ name: 'stock_movement_has_location', expression: 'from_location_id is not null or to_location_id is not null' })
@Trigger({
  name: 'stock_movement_append_only',
  timing: 'before',
  events: ['update', 'delete'],
  body: `raise exception 'stock_movement is append-only'`,
})
export class StockMovement extends OwnedEntity<Defaulted> {
  @Field(() => StockMovementType)
  @Enum({ items: () => StockMovementType })
  type!: StockMovementType;

  @ManyToOne(() => Product)
  product!: Product;

  @ManyToOne(() => Lot, { nullable: true, index: true, deleteRule: 'restrict' })
  lot: Lot | null = null;

  @ManyToOne(() => Location, { nullable: true, index: true, deleteRule: 'restrict', filters: REFERENCE_KEPT_FOR_PARTNERS })
  fromLocation: Location | null = null;

  @ManyToOne(() => Location, { nullable: true, index: true, deleteRule: 'restrict', filters: REFERENCE_KEPT_FOR_PARTNERS })
  toLocation: Location | null = null;

  @Field({ description: 'Always > 0, in the product\'s unit of measure.' })
  @Property({ type: 'double' })
  quantity!: number;

  @Field({ description: 'When the goods physically moved (may be earlier than createdAt, the booking time).' })
  @Property({ type: 'timestamptz' })
  occurredAt: Date = new Date();

  @Field(() => String, { nullable: true, description: 'Free text, e.g. the receipt, work order or delivery note id.' })
  @Property({ type: 'text', nullable: true })
  reference: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;
}
