// `carbonReport`: kgCO2e of a period by scope, scope 3 category, supplier, product or nearshore vs
// offshore, with good units and intensity where they apply — one SQL statement per page (plus, for
// NEARSHORE, one question to suppliers about the facilities), paged by row key.
import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { AppError, connectionOf, PageArgs, paginateRows, parsePeriod, partnerScopeOf, requireId, requireOwnSupplier, type Page } from '@cmgraph/platform';
import type { Context } from '../context';
import { carbonGroups } from './carbon-report.query';
import { groupRows, nearshoreRows, type KeyedRow } from './carbon-report.rows';
import { CarbonGrouping, CarbonReportFilter, CarbonReportRow } from './carbon-report.types';
import type { CarbonReportQuery } from './carbon-report.sql';

export const CarbonReportRowConnection = connectionOf(CarbonReportRow);

const SCOPES = [1, 2, 3];

@Resolver(() => CarbonReportRow)
export class CarbonReportResolver {
  @Query(() => CarbonReportRowConnection, {
    description:
      'kgCO2e over a period (YYYY, YYYY-Qn or YYYY-MM: [from, to)) grouped by scope, scope 3 category, supplier, product or ' +
      'nearshore vs offshore; every record counted with the share of its days inside the period (a record starting on `to` is ' +
      'outside, one starting on `from` inside). Rows in key order. `updatedSince`: only rows whose figures rest on a record ' +
      "created or changed since. A PARTNER's report counts its own records only; naming another supplier is FORBIDDEN.",
  })
  async carbonReport(
    @Arg('period', { description: 'YYYY, YYYY-Qn or YYYY-MM.' }) period: string,
    @Arg('groupBy', () => CarbonGrouping) groupBy: CarbonGrouping,
    @Arg('filter', () => CarbonReportFilter, { nullable: true }) filter: CarbonReportFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<CarbonReportRow>> {
    const query = reportQuery(period, groupBy, filter, ctx);
    const groups = await carbonGroups(ctx.em, query);
    let rows: KeyedRow[];
    if (groupBy === CarbonGrouping.NEARSHORE) {
      // one question to suppliers for every facility of the report, on behalf of the caller
      const ids = groups.map((g) => g.facilityId!);
      const facilities = await ctx.references.fetchExisting<{ id: string; nearshore: boolean }>(
        'Facility', ids.map((id) => ({ id, field: 'facilityId' })), 'nearshore',
      );
      rows = nearshoreRows(groups, new Map(facilities.map((f) => [f.id, f.nearshore])));
    } else {
      rows = groupRows(groupBy, groups);
    }
    const since = page.updatedSince;
    const changed = since ? rows.filter((r) => r.changedAt >= since) : rows;
    return paginateRows(changed.map((r) => r.row), (row) => row.key, page);
  }
}

function reportQuery(period: string, groupBy: CarbonGrouping, filter: CarbonReportFilter | null, ctx: Context): CarbonReportQuery {
  const { from, to } = parsePeriod(period);
  const ids = (list: string[] | null | undefined, field: string) => (list?.length ? [...new Set(list.map((id) => requireId(id, field)))] : null);
  const supplierIds = ids(filter?.supplierIds, 'filter.supplierIds');
  for (const id of supplierIds ?? []) requireOwnSupplier(ctx.identity, id, 'filter.supplierIds');
  const scopes = filter?.scopes?.length ? [...new Set(filter.scopes)] : null;
  if (scopes?.some((scope) => !SCOPES.includes(scope))) throw AppError.badInput('filter.scopes', 'scopes are 1, 2 and 3');
  return {
    groupBy, from, to, partnerId: partnerScopeOf(ctx.em), supplierIds, facilityIds: ids(filter?.facilityIds, 'filter.facilityIds'), scopes,
  };
}
