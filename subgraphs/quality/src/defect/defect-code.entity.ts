// The catalogue of defect codes non-conformances are classified by.
import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { OwnedEntity } from '@cmgraph/platform';

export enum DefectCategory {
  DIMENSIONAL = 'DIMENSIONAL',
  COSMETIC = 'COSMETIC',
  FUNCTIONAL = 'FUNCTIONAL',
  MATERIAL = 'MATERIAL',
  PACKAGING = 'PACKAGING',
  DOCUMENTATION = 'DOCUMENTATION',
}
registerEnumType(DefectCategory, { name: 'DefectCategory' });

@ObjectType()
@Entity()
export class DefectCode extends OwnedEntity {
  @Field({ description: 'Short code, e.g. "DIM-01".' })
  @Property({ length: 20 })
  @Unique()
  code!: string;

  @Field()
  @Property()
  description!: string;

  @Field(() => DefectCategory)
  @Enum({ items: () => DefectCategory })
  category!: DefectCategory;
}
