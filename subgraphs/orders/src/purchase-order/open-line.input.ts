// Filters of the open-line list (`openPurchaseOrderLines`).
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';

@InputType()
export class OpenLineFilter {
  @Field(() => [ID], { nullable: true, description: 'Only lines of these suppliers (a partner sees only its own).' })
  supplierIds?: string[] | null;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Only lines now promised before this day (current promise, else original, else requested date).',
  })
  dueBefore?: string | null;
}
