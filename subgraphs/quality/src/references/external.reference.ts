// Other subgraphs' entities this one points at but adds nothing to: key-only stubs, never resolved here
// (inventory owns Receipt, production owns WorkOrder).
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Receipt {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class WorkOrder {
  @Field(() => ID)
  id!: string;
}

/** A stub for an id stored in a column of this subgraph; null stays null. */
export function stub<T>(id: string | null): T | null {
  return id ? ({ id } as T) : null;
}
