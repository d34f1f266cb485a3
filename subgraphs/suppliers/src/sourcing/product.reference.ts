// Product is owned by inventory; this subgraph contributes `Product.sourcing` to it.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType()
export class Product {
  @Field(() => ID)
  id!: string;
}
