// The stock report for BI: per product and location, stock, policy and days of supply, paged in one
// SQL statement per page (stock-report.query.ts). Brand stock: refused to partners.
import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '@cmgraph/platform';
import type { Context } from '../context';
import { Product } from '../product/product.entity';
import { Location } from '../location/location.entity';
import { BRAND_ROLES, requireBrandScope } from '../access';
import { StockReportFilter } from './stock-report.input';
import { StockReportRow, StockReportRowConnection } from './stock-report.row';
import { stockReportPage } from './stock-report.query';

@Resolver(() => StockReportRow)
export class StockReportResolver {
  @Authorized(...BRAND_ROLES)
  @Query(() => StockReportRowConnection, {
    description:
      'One row per stock level (product × location), ordered by product id then location id; `updatedSince` keeps the rows ' +
      'whose level changed since (days of supply also drift as days pass). FORBIDDEN for partners (brand stock).',
  })
  stockReport(
    @Arg('filter', () => StockReportFilter, { nullable: true }) filter: StockReportFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    requireBrandScope(ctx.em, 'the stock report');
    return stockReportPage(ctx.em, filter ?? {}, page);
  }

  @FieldResolver(() => Product)
  product(@Root() row: StockReportRow, @Ctx() ctx: Context): Promise<Product | null> {
    return ctx.loaders.product.load(row.productId);
  }

  @FieldResolver(() => Location)
  location(@Root() row: StockReportRow, @Ctx() ctx: Context): Promise<Location | null> {
    return ctx.loaders.location.load(row.locationId);
  }
}
