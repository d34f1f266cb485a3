// Paging arguments of a report whose rows are computed whole (paginateRows): `first` and `after` only —
// the kit's PageArgs also offers `updatedSince`, which computed rows have no change time to honour.
import { ArgsType, Field, Int } from 'type-graphql';
import { Max, Min } from 'class-validator';

/** Paging of computed report rows: `first`/`after` only (rows have no change time for `updatedSince`). */
@ArgsType()
export class ReportPageArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Page size, 1 to 1000.' })
  @Min(1)
  @Max(1000)
  first: number = 50;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  after?: string | null;
}

