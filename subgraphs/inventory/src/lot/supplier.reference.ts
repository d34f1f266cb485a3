// Supplier is owned by suppliers; a lot names the supplier that made it, by id only.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Supplier {
  @Field(() => ID)
  id!: string;
}
