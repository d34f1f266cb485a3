// Other subgraphs' entities this one points at, as key-only stubs: the gateway fetches their fields
// from the owner (inventory: Product, Location; suppliers: Facility). Never resolved here.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Product {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Location {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Facility {
  @Field(() => ID)
  id!: string;
}

/** A stub for an id stored in a column of this subgraph. */
export function stub<T>(id: string): T {
  return { id } as T;
}
