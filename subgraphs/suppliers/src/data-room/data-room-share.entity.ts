// A document shared with one supplier until a time; revoking it (or the time passing) ends the partner's
// access at once. At most one active share per document and supplier: sharing again sets its expiry.
import type { Rel } from '@mikro-orm/core';
import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Supplier } from '../supplier/supplier.entity';
import { DataRoomDocument } from './data-room-document.entity';

@PartnerScoped((supplierId) => ({ supplier: supplierId }))
@ObjectType({ description: 'A document shared with a supplier until `expiresAt`, unless revoked before.' })
@Entity()
export class DataRoomShare extends OwnedEntity<'revokedAt' | 'revokedBy'> {
  // Rel<>: the two entities import each other, so the decorator metadata must not name the class
  @ManyToOne(() => DataRoomDocument, { index: true })
  document!: Rel<DataRoomDocument>;

  @ManyToOne(() => Supplier, { index: true })
  supplier!: Supplier;

  @Field({ description: 'The partner loses access at this time.' })
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Field({ description: 'The subject who shared it (or last set its expiry).' })
  @Property({ type: 'text' })
  sharedBy!: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  revokedBy: string | null = null;

  /** Not revoked and not expired at `now`. */
  isActive(now = new Date()): boolean {
    return this.revokedAt === null && this.expiresAt > now;
  }
}
