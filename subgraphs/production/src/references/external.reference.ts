// Other subgraphs' entities this one stores ids of, as key-only stubs the gateway completes from their
// owners. Facility, Product and Lot are resolvable here because this subgraph contributes fields to them;
// so is PurchaseOrderLine, declared with its external fields in delivery-risk/.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

export { PurchaseOrderLine } from '../delivery-risk/purchase-order-line.reference';

@Directive('@key(fields: "id")')
@ObjectType()
export class Facility {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType()
export class Product {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType()
export class Lot {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Supplier {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class PurchaseOrder {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Shipment {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Location {
  @Field(() => ID)
  id!: string;
}

/** A stub of class `type` for an id stored in a column here (an instance, so unions can tell types apart). */
export function stub<T extends { id: string }>(type: new () => T, id: string): T {
  return Object.assign(new type(), { id });
}
