// Facility is owned by suppliers; a location may sit at one of its sites, referenced by id only.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Facility {
  @Field(() => ID)
  id!: string;
}
