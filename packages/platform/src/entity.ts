// The columns every owned entity shares: a UUIDv7 id and the timestamps behind `updatedSince`.
import { OptionalProps } from '@mikro-orm/core';
import { PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { newId } from './ids';

/** Properties `em.create` may omit because they have defaults; entities add theirs via `OwnedEntity<'x'>`. */
export type OwnedOptional = 'id' | 'createdAt' | 'updatedAt';

@ObjectType()
export abstract class OwnedEntity<Defaulted extends string = never> {
  [OptionalProps]?: OwnedOptional | Defaulted;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Field()
  @Property({ type: 'timestamptz', onCreate: () => new Date() })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'timestamptz', onCreate: () => new Date(), onUpdate: () => new Date(), index: true })
  updatedAt: Date = new Date();
}
