// The period a KPI field is asked over: [from, to), instants.
import { ArgsType, Field } from 'type-graphql';
import { AppError } from '@cmgraph/platform';

@ArgsType()
export class PeriodArgs {
  @Field({ description: 'Start of the period, inclusive.' })
  from!: Date;

  @Field({ description: 'End of the period, exclusive.' })
  to!: Date;
}

export function checkedPeriod(args: PeriodArgs): { from: Date; to: Date } {
  if (!(args.to > args.from)) throw AppError.badInput('to', 'must be after from');
  return { from: args.from, to: args.to };
}
