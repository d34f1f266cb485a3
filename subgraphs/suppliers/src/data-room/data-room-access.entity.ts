// The data room's access log: one row per document per request (READ, DOWNLOAD or DENIED) saying who,
// with which roles, for which supplier, from where and when. Append-only: the database refuses UPDATE,
// DELETE and TRUNCATE on the table (triggers); nothing in this subgraph edits it.
import { Entity, Enum, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { newId, PartnerHidden } from '@cmgraph/platform';
import { DataRoomAccessAction } from './data-room.enums';

// Declared here so the schema comparator knows it (and keeps it). The TRUNCATE trigger lives in the
// migration only: PostgreSQL's information_schema does not list TRUNCATE triggers, so declaring it here
// would read as missing at every comparison.
@Trigger({
  name: 'append_only',
  timing: 'before',
  events: ['update', 'delete'],
  forEach: 'row',
  body: `raise exception 'data_room_access is append-only: % refused', tg_op using errcode = 'insufficient_privilege'`,
})
@PartnerHidden()
@ObjectType({ description: 'One entry of the data room access log.' })
@Entity()
export class DataRoomAccess {
  @Field(() => ID, { description: 'Also the watermark id of a download: it is printed in the watermark.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  // no foreign key: a DENIED row may name an id that is no document at all (who tried what)
  @Field(() => ID)
  @Property({ type: 'uuid', index: true })
  documentId!: string;

  @Field(() => DataRoomAccessAction)
  @Enum({ items: () => DataRoomAccessAction })
  action!: DataRoomAccessAction;

  @Field({ description: 'The caller (the token\'s subject).' })
  @Property({ type: 'text', index: true })
  subject!: string;

  @Field(() => [String])
  @Property({ type: 'text[]' })
  roles!: string[];

  @Field(() => ID, { nullable: true, description: 'The supplier a PARTNER caller speaks for; null for the brand\'s own users.' })
  @Property({ type: 'uuid', nullable: true, index: true })
  supplierId: string | null = null;

  @Field(() => String, { nullable: true, description: 'The client address the gateway saw.' })
  @Property({ type: 'text', nullable: true })
  address: string | null = null;

  @Field()
  @Property({ type: 'timestamptz', index: true })
  at: Date = new Date();

  @Field(() => String, { nullable: true, description: 'DOWNLOAD: the watermark stamped into the delivered file.' })
  @Property({ type: 'text', nullable: true })
  watermark: string | null = null;

  @Field(() => String, { nullable: true, description: 'DOWNLOAD: SHA-256 (hex) of the delivered, watermarked file, to match a leaked copy to its row.' })
  @Property({ length: 64, nullable: true })
  deliveredSha256: string | null = null;
}
