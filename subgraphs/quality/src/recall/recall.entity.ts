// A recall: the lots at its root (inventory-owned) and where it stands. Which lots were made from them
// is lot genealogy, answered by inventory and production.
import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { RecallStatus } from './recall.enums';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
// A partner sees a recall whose root lots are all its own (as its events do: they carry a supplier only
// then). A recall across several CMs is the brand's coordination: it would show each CM the others'
// lots and reason, so partners see none of it.
@PartnerScoped((supplierId) => ({ supplierIds: { $contains: [supplierId], $contained: [supplierId] } }))
export class Recall extends OwnedEntity<'status' | 'completedAt' | 'initiatedAt' | 'supplierIds'> {
  @Field({ description: 'e.g. "RC-0000001", numbered without gaps.' })
  @Property({ length: 20 })
  @Unique()
  number!: string;

  @Field()
  @Property({ type: 'text' })
  reason!: string;

  /** Ids of the inventory-owned lots at the root of the recall, exposed as `rootLots`. */
  @Property({ type: 'text[]' })
  rootLotIds!: string[];

  /** The suppliers (owned by suppliers) of the root lots, as inventory said at initiation; for the events' supplier. */
  @Property({ type: 'text[]', defaultRaw: "'{}'" })
  supplierIds: string[] = [];

  @Field(() => RecallStatus)
  @Enum({ items: () => RecallStatus, index: true })
  status: RecallStatus = RecallStatus.INITIATED;

  @Field()
  @Property({ type: 'timestamptz' })
  initiatedAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  completedAt: Date | null = null;
}
