// Other subgraphs' entities this one contributes fields to, so their stubs are resolvable: any id
// resolves to `{ id }` and the contributed fields answer "nothing recorded" for an id quality never saw.
// Type descriptions stay with the owners: a stub's would compete with theirs in the supergraph.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
// Owned by inventory; quality adds inspections, non-conformances and the latest disposition.
@ObjectType()
export class Lot {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
// Owned by suppliers; quality adds PPM, first-pass yield and open non-conformances.
@ObjectType()
export class Supplier {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
// Owned by inventory; quality adds PPM and first-pass yield.
@ObjectType()
export class Product {
  @Field(() => ID)
  id!: string;
}

@Directive('@key(fields: "id")')
// Owned by orders; quality adds the incoming inspection.
@ObjectType()
export class Shipment {
  @Field(() => ID)
  id!: string;
}

export const byId = (ref: Record<string, unknown>) => ({ id: String(ref.id) });
