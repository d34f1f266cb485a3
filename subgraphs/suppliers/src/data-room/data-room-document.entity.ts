// A document of the brand's data room (BOM, drawing, specification): its content is kept in PostgreSQL
// (bytea, loaded only for a download) and reaches a reader only watermarked, through `dataRoomDownload`.
import { Collection } from '@mikro-orm/core';
import { Entity, Enum, OneToMany, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { DataRoomClassification, DataRoomDocumentKind } from './data-room.enums';
import { DataRoomShare } from './data-room-share.entity';

// A partner sees a document only while an active share (not revoked, not expired) names its supplier;
// the condition is built per query, so an expiry takes effect at once.
@PartnerScoped((supplierId) => ({ shares: { supplier: supplierId, revokedAt: null, expiresAt: { $gt: new Date() } } }))
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A document of the data room. Every time one is resolved for a caller, the access log records it.' })
@Entity()
export class DataRoomDocument extends OwnedEntity {
  @Field()
  @Property()
  title!: string;

  @Field(() => DataRoomDocumentKind)
  @Enum({ items: () => DataRoomDocumentKind })
  kind!: DataRoomDocumentKind;

  @Field(() => DataRoomClassification)
  @Enum({ items: () => DataRoomClassification })
  classification!: DataRoomClassification;

  @Field(() => ID, { nullable: true, description: 'The product (owned by inventory) the document describes.' })
  @Property({ type: 'uuid', nullable: true, index: true })
  productId: string | null = null;

  @Field()
  @Property()
  fileName!: string;

  @Field({ description: 'application/pdf, text/csv or text/plain.' })
  @Property()
  contentType!: string;

  @Field(() => Int, { description: 'Size of the content as uploaded, in bytes (a download is larger by its watermark).' })
  @Property()
  size!: number;

  @Field({ description: 'SHA-256 of the content as uploaded, hex.' })
  @Property({ length: 64 })
  sha256!: string;

  @Field({ description: 'The subject (user) who uploaded it.' })
  @Property({ type: 'text' })
  uploadedBy!: string;

  /** The file itself: never a GraphQL field, never selected unless a download asks for it. */
  @Property({ type: 'blob', lazy: true })
  content!: Buffer;

  @OneToMany(() => DataRoomShare, (share) => share.document)
  shares = new Collection<DataRoomShare>(this);
}
