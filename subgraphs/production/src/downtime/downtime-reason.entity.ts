// The configurable list of downtime reasons a machine stop is booked against.
import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { OwnedEntity } from '@cmgraph/platform';
import { DowntimeCategory } from './downtime.enums';

@ObjectType()
@Entity()
export class DowntimeReason extends OwnedEntity {
  @Field({ description: 'Unique code, e.g. "BREAKDOWN".' })
  @Property()
  @Unique()
  code!: string;

  @Field()
  @Property()
  description!: string;

  @Field(() => DowntimeCategory)
  @Enum({ items: () => DowntimeCategory })
  category!: DowntimeCategory;

  @Field({ description: 'Planned stops (maintenance windows, breaks) are not counted against availability.' })
  @Property()
  planned!: boolean;
}
