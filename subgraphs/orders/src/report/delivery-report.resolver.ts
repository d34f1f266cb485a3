// `deliveryPerformanceReport`: delivery performance by supplier, facility and/or month over a period,
// computed whole by one SQL aggregate and paged by row key (a group appearing meanwhile never shifts a page).
import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { connectionOf, paginateRows, parsePeriod, ReportPageArgs, requireId, type Page } from '@cmgraph/platform';
import type { Context } from '../context';
import { stub } from '../references/external.reference';
import { DeliveryGrouping, DeliveryPerformanceRow, DeliveryReportFilter } from './delivery-report.types';
import { deliveryGroups, groupKey, groupedByFacility, groupedBySupplier } from './delivery-report.query';

export const DeliveryPerformanceRowConnection = connectionOf(DeliveryPerformanceRow);

@Resolver()
export class DeliveryReportResolver {
  @Query(() => DeliveryPerformanceRowConnection, {
    description: 'OTIF, fill rate and days late of the lines promised in the period (YYYY, YYYY-Qn or YYYY-MM), grouped as asked; ' +
      'rows in key order. Groups without a due line are not listed.',
  })
  async deliveryPerformanceReport(
    @Arg('period') period: string,
    @Arg('groupBy', () => DeliveryGrouping) groupBy: DeliveryGrouping,
    @Arg('filter', () => DeliveryReportFilter, { nullable: true }) filter: DeliveryReportFilter | null,
    @Args() page: ReportPageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<DeliveryPerformanceRow>> {
    const { from, to } = parsePeriod(period, 'period');
    const supplierIds = filter?.supplierIds?.map((id, i) => requireId(id, `filter.supplierIds[${i}]`)) ?? null;
    const groups = await deliveryGroups(ctx.em, { from, to }, groupBy, supplierIds);
    const rows = groups.map((group): DeliveryPerformanceRow => ({
      key: groupKey(group, groupBy),
      supplier: groupedBySupplier(groupBy) ? stub(group.supplierId!) : null,
      facility: groupedByFacility(groupBy) && group.facilityId ? stub(group.facilityId) : null,
      month: group.month,
      linesDue: group.linesDue,
      linesOnTimeInFull: group.linesOnTimeInFull,
      otif: group.onTimeInFullRate,
      fillRate: group.fillRate,
      averageDaysLate: group.averageDaysLate,
    }));
    return paginateRows(rows, (row) => row.key, page);
  }
}
