// Other subgraphs' entities this one stores ids of and contributes fields to (suppliers: Facility,
// Supplier; inventory: Product). Resolvable stubs: any id resolves to `{ id }`, and the fields
// contributed here answer "no data" for an id without records.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType()
export class Facility {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType()
export class Supplier {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType()
export class Product {
  @Field(() => ID)
  id!: string;
}
