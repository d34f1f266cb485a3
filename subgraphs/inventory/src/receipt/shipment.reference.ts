// Shipment is owned by orders; this subgraph contributes `Shipment.receipt` to it.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType()
export class Shipment {
  @Field(() => ID)
  id!: string;
}
