// A supplier's site (plant, warehouse, DC): where goods are made or shipped from.
import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Supplier } from '../supplier/supplier.entity';

@PartnerScoped((supplierId) => ({ supplier: supplierId }))
@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
export class Facility extends OwnedEntity<'capabilities'> {
  @ManyToOne(() => Supplier, { index: true })
  supplier!: Supplier;

  @Field()
  @Property()
  name!: string;

  @Field({ description: 'ISO 3166-1 alpha-2 country code.' })
  @Property({ length: 2 })
  country!: string;

  @Field({ description: 'Sourcing region, e.g. "North America", "EU", "Southeast Asia".' })
  @Property()
  region!: string;

  @Field({ description: 'True when the site is near the brand\'s demand (nearshore/onshore), false when offshore.' })
  @Property()
  nearshore!: boolean;

  @Field(() => [String], { description: 'Process capabilities, e.g. "SMT", "injection-molding", "final-assembly".' })
  @Property({ type: 'text[]' })
  capabilities: string[] = [];
}
