// The columns every owned entity shares: a UUIDv7 id and the timestamps behind `updatedSince`.
import { PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { newId } from './ids';

@ObjectType({ isAbstract: true })
export abstract class OwnedEntity {
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
