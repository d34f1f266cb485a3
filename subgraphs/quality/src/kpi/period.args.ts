// The period a KPI is computed over: whole UTC days of inspection, inclusive at both ends.
import { ArgsType, Field } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { AppError } from '@cmgraph/platform';

@ArgsType()
export class PeriodArgs {
  @Field(() => LocalDateResolver, { description: 'First day of the period (inspection dates, UTC), inclusive.' })
  from!: string;

  @Field(() => LocalDateResolver, { description: 'Last day of the period, inclusive.' })
  to!: string;
}

export function checkPeriod(period: PeriodArgs): PeriodArgs {
  if (period.to < period.from) throw AppError.badInput('to', 'must not be before from');
  return period;
}
