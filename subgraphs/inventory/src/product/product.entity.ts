// A product the brand stocks: identified by its SKU (and optionally its GS1 GTIN).
import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';
import { OwnedEntity } from '@cmgraph/platform';
import { Tracking, UnitOfMeasure } from './product.enums';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
export class Product extends OwnedEntity<'gtin'> {
  @Field({ description: 'Stock-keeping unit, unique across the brand.' })
  @Property()
  @Unique()
  sku!: string;

  @Field(() => String, { nullable: true, description: 'GS1 GTIN-8/12/13/14, check digit verified.' })
  @Property({ type: 'text', nullable: true })
  @Unique()
  gtin: string | null = null;

  @Field()
  @Property()
  name!: string;

  @Field(() => UnitOfMeasure, { description: 'Unit all quantities of this product are counted in.' })
  @Enum({ items: () => UnitOfMeasure })
  uom!: UnitOfMeasure;

  @Field(() => Tracking)
  @Enum({ items: () => Tracking })
  tracking!: Tracking;
}
