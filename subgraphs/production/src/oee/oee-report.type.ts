// The OEE report's GraphQL shapes: how rows are grouped, the filter, and one row's figures (the Oee
// definitions, plus MTBF/MTTR in hours and the failures and downtime behind them).
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Facility } from '../references/external.reference';

export enum OeeGrouping {
  FACILITY = 'FACILITY',
  LINE = 'LINE',
  MACHINE = 'MACHINE',
}

registerEnumType(OeeGrouping, {
  name: 'OeeGrouping',
  description: 'One report row per facility (its lines summed), per line, or per machine (its line\'s work orders, its own downtime).',
  valuesConfig: {
    FACILITY: { description: 'Key: the facility id.' },
    LINE: { description: 'Key: facility id | line id.' },
    MACHINE: { description: 'Key: facility id | line id | machine id.' },
  },
});

@InputType({ description: 'Each list, when given and not empty, narrows the report; lists combine with AND.' })
export class OeeReportFilter {
  @Field(() => [ID], { nullable: true, description: 'Only units in these facilities.' })
  facilityIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only these lines (and their machines); a facility row sums only these of its lines.' })
  lineIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only these machines; with groupBy MACHINE only (a line\'s or facility\'s OEE is not made of machines).' })
  machineIds?: string[] | null;
}

@ObjectType({
  description:
    'OEE, MTBF and MTTR of one facility, line or machine over the period, with the definitions of Oee (see its fields) and ' +
    'Machine.mtbf / mttr (in hours here). A unit without production in the period has null ratios and zero minutes.',
})
export class OeeReportRow {
  @Field({ description: 'Unique, stable row key (see OeeGrouping); rows come in key order.' })
  key!: string;

  @Field(() => Facility)
  facility!: Facility;

  /** Exposed through the row resolver (a Line, loaded in one batch per page); null when grouped by facility. */
  lineId!: string | null;

  /** Likewise; null unless grouped by machine. */
  machineId!: string | null;

  @Field(() => Float, { nullable: true, description: 'runMinutes ÷ plannedMinutes; null without production.' })
  availability!: number | null;

  @Field(() => Float, { nullable: true, description: 'Ideal cycle time × totalCount ÷ run time, capped at 1; null when run time is 0.' })
  performance!: number | null;

  @Field(() => Float, { nullable: true, description: 'goodCount ÷ totalCount; null when nothing was counted.' })
  quality!: number | null;

  @Field(() => Float, { nullable: true, description: 'availability × performance × quality; 0 when availability or performance is 0.' })
  oee!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean time between failures, HOURS: run time ÷ FAILURE stops overlapping the period; null without failures.' })
  mtbf!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean time to repair, HOURS: FAILURE downtime inside the period ÷ FAILURE stops; null without failures.' })
  mttr!: number | null;

  @Field(() => Int, { description: 'FAILURE stops overlapping the period (on the machine; for a line or facility, on any of its machines).' })
  failures!: number;

  @Field(() => Float, { description: 'Work-order run windows inside the period, minus planned downtime.' })
  plannedMinutes!: number;

  @Field(() => Float, { description: 'Planned minutes minus unplanned downtime.' })
  runMinutes!: number;

  @Field(() => Float, { description: 'Unplanned downtime inside planned production time: plannedMinutes − runMinutes (availability = 1 − downMinutes ÷ plannedMinutes).' })
  downMinutes!: number;

  @Field(() => Float, { description: 'Good units, pro rata to the share of each work order\'s run window inside the period.' })
  goodCount!: number;

  @Field(() => Float, { description: 'Good + scrapped units, pro rata likewise.' })
  totalCount!: number;
}
