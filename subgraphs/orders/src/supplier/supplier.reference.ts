// Supplier is owned by suppliers; this subgraph contributes its orders and delivery KPIs to it, so the
// stub is resolvable (any id resolves: a supplier without orders simply has none).
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType()
export class Supplier {
  @Field(() => ID)
  id!: string;
}
