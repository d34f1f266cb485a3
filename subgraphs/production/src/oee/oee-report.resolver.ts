// `oeeReport`: OEE, MTBF and MTTR per facility, line or machine over a reporting period, for BI tools —
// every row from one SQL statement per page (oee-report.query.ts), paged by row key.
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AppError, connectionOf, paginateRows, parsePeriod, ReportPageArgs, requireId, type Page } from '@cmgraph/platform';
import type { Context } from '../context';
import { Line } from '../line/line.entity';
import { Machine } from '../machine/machine.entity';
import { Facility, stub } from '../references/external.reference';
import { mtbfMinutes, mttrMinutes, oeeFromTotals } from './oee';
import { oeeReportTotals, type OeeReportTotals } from './oee-report.query';
import { OeeGrouping, OeeReportFilter, OeeReportRow } from './oee-report.type';

export const OeeReportRowConnection = connectionOf(OeeReportRow);

@Resolver(() => OeeReportRow)
export class OeeReportResolver {
  @Query(() => OeeReportRowConnection, {
    description:
      'OEE, MTBF and MTTR per facility, line or machine over a period (YYYY, YYYY-Qn or YYYY-MM: [from, to) at 00:00 UTC), ' +
      'one row per unit matching the filter, in key order. A partner sees its own lines only.',
  })
  async oeeReport(
    @Arg('period', { description: 'YYYY, YYYY-Qn or YYYY-MM.' }) period: string,
    @Arg('groupBy', () => OeeGrouping) groupBy: OeeGrouping,
    @Arg('filter', () => OeeReportFilter, { nullable: true }) filter: OeeReportFilter | null,
    @Args() page: ReportPageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<OeeReportRow>> {
    const { from, to } = parsePeriod(period);
    const ids = (list: string[] | null | undefined, field: string) => (list?.length ? list.map((id) => requireId(id, field)) : null);
    const machineIds = ids(filter?.machineIds, 'filter.machineIds');
    if (machineIds && groupBy !== OeeGrouping.MACHINE) {
      throw AppError.badInput('filter.machineIds', 'machines filter only a report grouped by MACHINE');
    }
    const units = await oeeReportTotals(ctx.em, {
      groupBy, from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`), now: new Date(),
      facilityIds: ids(filter?.facilityIds, 'filter.facilityIds'), lineIds: ids(filter?.lineIds, 'filter.lineIds'), machineIds,
    });
    return paginateRows(units.map(toRow), (row) => row.key, page);
  }

  @FieldResolver(() => Line, { nullable: true, description: 'The line; null when grouped by facility.' })
  async line(@Root() row: OeeReportRow, @Ctx() ctx: Context): Promise<Line | null> {
    return row.lineId ? ctx.loaders.line.load(row.lineId) : null;
  }

  @FieldResolver(() => Machine, { nullable: true, description: 'The machine; null unless grouped by machine.' })
  async machine(@Root() row: OeeReportRow, @Ctx() ctx: Context): Promise<Machine | null> {
    return row.machineId ? ctx.loaders.machine.load(row.machineId) : null;
  }
}

function toRow(unit: OeeReportTotals): OeeReportRow {
  const figures = oeeFromTotals(unit.totals);
  const hours = (minutes: number | null) => (minutes === null ? null : minutes / 60);
  const plannedMinutes = unit.totals.plannedSeconds / 60;
  const runMinutes = unit.totals.runSeconds / 60;
  return Object.assign(new OeeReportRow(), {
    key: [unit.facilityId, unit.lineId, unit.machineId].filter(Boolean).join('|'),
    facility: stub(Facility, unit.facilityId),
    lineId: unit.lineId,
    machineId: unit.machineId,
    availability: figures?.availability ?? null,
    performance: figures?.performance ?? null,
    quality: figures?.quality ?? null,
    oee: figures?.oee ?? null,
    mtbf: hours(mtbfMinutes(unit.totals)),
    mttr: hours(mttrMinutes(unit.totals)),
    failures: unit.totals.failures,
    plannedMinutes,
    runMinutes,
    downMinutes: plannedMinutes - runMinutes,
    goodCount: unit.totals.goodCount,
    totalCount: unit.totals.totalCount,
  });
}
