// The `Oee` GraphQL type: the figures of oee.ts, with their definitions as field descriptions.
import { Field, Float, ObjectType } from 'type-graphql';
import type { Oee as OeeFigures } from './oee';

@ObjectType({ description: 'Overall equipment effectiveness over a period; see the field descriptions for the definitions.' })
export class Oee implements OeeFigures {
  @Field(() => Float, { nullable: true, description: 'runMinutes ÷ plannedMinutes.' })
  availability!: number | null;

  @Field(() => Float, { nullable: true, description: 'Ideal cycle time × totalCount ÷ run time, capped at 1; null when run time is 0.' })
  performance!: number | null;

  @Field(() => Float, { nullable: true, description: 'goodCount ÷ totalCount; null when nothing was counted.' })
  quality!: number | null;

  @Field(() => Float, { nullable: true, description: 'availability × performance × quality; 0 when availability or performance is 0.' })
  oee!: number | null;

  @Field(() => Float, { description: 'Work-order run windows inside the period, minus planned downtime.' })
  plannedMinutes!: number;

  @Field(() => Float, { description: 'Planned minutes minus unplanned downtime.' })
  runMinutes!: number;

  @Field(() => Float, { description: 'Good units of the work orders, pro rata to the share of their run window inside the period.' })
  goodCount!: number;

  @Field(() => Float, { description: 'Good + scrapped units, pro rata likewise.' })
  totalCount!: number;
}
