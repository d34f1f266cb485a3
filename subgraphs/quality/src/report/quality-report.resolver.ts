// `qualityReport`: quality per supplier, product, supplier and product, or defect code over a period,
// for BI tools — one SQL aggregate per page, paged by row key (stable while rows are added).
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { connectionOf, decodeKeyCursor, PageArgs, paginateRows, parsePeriod, requireId, requireOwnSupplier, type Page } from '@cmgraph/platform';
import type { Context } from '../context';
import { DefectCode } from '../defect/defect-code.entity';
import { Product, Supplier } from '../references/contributed.reference';
import { stub } from '../references/external.reference';
import { qualityReportCount, qualityReportRows, type QualityReportQuery } from './quality-report.query';
import { QualityGrouping, QualityReportFilter, QualityReportRow } from './quality-report.types';

export const QualityReportRowConnection = connectionOf(QualityReportRow);

@Resolver(() => QualityReportRow)
export class QualityReportResolver {
  @Query(() => QualityReportRowConnection, {
    description: 'Quality over a period (`YYYY`, `YYYY-Qn` or `YYYY-MM`, UTC) grouped by supplier, product, supplier and product, or defect code: ' +
      'inspections recorded in the period and non-conformances opened in it. One row per group with any; rows in key order. ' +
      '`updatedSince` keeps the groups in which a counted inspection or non-conformance was created or changed at or after that time. ' +
      'A partner gets its own supplier\'s figures only.',
  })
  async qualityReport(
    @Arg('period') period: string,
    @Arg('groupBy', () => QualityGrouping) groupBy: QualityGrouping,
    @Arg('filter', () => QualityReportFilter, { nullable: true }) filter: QualityReportFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<QualityReportRow>> {
    const supplierIds = (filter?.supplierIds ?? []).map((id, i) => requireId(id, `filter.supplierIds[${i}]`));
    // asking about another supplier is refused rather than silently answered with nothing
    for (const id of supplierIds) requireOwnSupplier(ctx.identity, id, 'filter.supplierIds');
    const query: QualityReportQuery = {
      period: parsePeriod(period, 'period'),
      groupBy,
      supplierIds,
      productIds: (filter?.productIds ?? []).map((id, i) => requireId(id, `filter.productIds[${i}]`)),
      updatedSince: page.updatedSince ?? null,
      after: page.after ? decodeKeyCursor(page.after) : null,
      limit: page.first + 1, // one more than the page: is there a next page?
    };
    const rows = await qualityReportRows(ctx.em, query);
    // SQL has cut the page already; paginateRows makes the edges and cursors the way every report does
    return { ...paginateRows(rows, (row) => row.key, page), countTotal: () => qualityReportCount(ctx.em, query) };
  }

  @FieldResolver(() => Supplier, { nullable: true, description: 'The supplier of a SUPPLIER or SUPPLIER_PRODUCT row; null otherwise, and for inspections of no supplier.' })
  supplier(@Root() row: QualityReportRow): Supplier | null {
    return stub(row.supplierId);
  }

  @FieldResolver(() => Product, { nullable: true, description: 'The product of a PRODUCT or SUPPLIER_PRODUCT row; null otherwise.' })
  product(@Root() row: QualityReportRow): Product | null {
    return stub(row.productId);
  }

  @FieldResolver(() => DefectCode, { nullable: true, description: 'The defect code of a DEFECT_CODE row; null otherwise, and for unclassified non-conformances.' })
  defectCode(@Root() row: QualityReportRow, @Ctx() ctx: Context): Promise<DefectCode | null> | null {
    return row.defectCodeId ? ctx.loaders.defectCode.load(row.defectCodeId) : null;
  }
}


