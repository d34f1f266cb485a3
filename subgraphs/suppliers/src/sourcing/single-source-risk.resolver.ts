// `singleSourceRisk`: products with exactly one active source, that source's risk tier, certification
// standing today and certificates expiring within 60 days. The brand's internal risk view: a PARTNER
// gets FORBIDDEN (like `Product.sourcing`, the list tells who else makes — or does not make — a product).
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { connectionOf, requireId, today, type Page } from '@cmgraph/platform';
import type { Context } from '../context';
import { INTERNAL_ROLES } from '../access/internal-roles';
import { Supplier } from '../supplier/supplier.entity';
import { RiskTier } from '../supplier/supplier.enums';
import { Certification } from '../certification/certification.entity';
import { CertificationStanding, EXPIRING_CERTIFICATIONS_DAYS, standingKey } from '../certification/certification-standing';
import { keyAfter, keysetPage, ReportPageArgs } from '../report/report-page';
import { Product } from './product.reference';
import { singleSourceRows, type SingleSourceRow } from './single-source-risk.query';

@ObjectType({ description: 'A product with exactly one active source (an assignment to a supplier that is not BLOCKED).' })
export class SingleSourceRiskRow {
  @Field({ description: 'Unique and stable: the product id.' })
  key!: string;

  @Field(() => RiskTier, { description: 'The sole supplier\'s risk tier.' })
  riskTier!: RiskTier;

  productId!: string;
  supplierId!: string;
}

@InputType()
export class SingleSourceRiskFilter {
  @Field(() => [ID], { nullable: true, description: 'Only products whose sole source is one of these suppliers.' })
  supplierIds?: string[];

  @Field(() => [RiskTier], { nullable: true })
  riskTiers?: RiskTier[];
}

export const SingleSourceRiskRowConnection = connectionOf(SingleSourceRiskRow);

@Resolver(() => SingleSourceRiskRow)
export class SingleSourceRiskResolver {
  @Authorized(INTERNAL_ROLES)
  @Query(() => SingleSourceRiskRowConnection, { description: 'Products with exactly one active source, in product id order. Not for PARTNER callers (FORBIDDEN).' })
  async singleSourceRisk(
    @Arg('filter', () => SingleSourceRiskFilter, { nullable: true }) filter: SingleSourceRiskFilter | null,
    @Args() page: ReportPageArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<SingleSourceRiskRow>> {
    const query = {
      supplierIds: filter?.supplierIds?.map((id) => requireId(id, 'filter.supplierIds')) ?? null,
      riskTiers: filter?.riskTiers ?? null,
    };
    const after = keyAfter(page);
    const { rows, total } = await singleSourceRows(ctx.em, { ...query, after, limit: page.first + 1 });
    const countTotal = async () => total ?? (await singleSourceRows(ctx.em, { ...query, after: null, limit: 1 })).total ?? 0;
    return keysetPage(rows.map(riskRow), (row) => row.key, page.first, countTotal);
  }

  @FieldResolver(() => Product)
  product(@Root() row: SingleSourceRiskRow): Product {
    return { id: row.productId };
  }

  @FieldResolver(() => Supplier)
  supplier(@Root() row: SingleSourceRiskRow, @Ctx() ctx: Context): Promise<Supplier | null> {
    return ctx.loaders.supplier.load(row.supplierId);
  }

  @FieldResolver(() => CertificationStanding, { description: 'The sole supplier\'s certification standing today.' })
  certificationStatus(@Root() row: SingleSourceRiskRow, @Ctx() ctx: Context): Promise<CertificationStanding> {
    return ctx.loaders.certificationStanding.load(standingKey(row.supplierId, today()));
  }

  @FieldResolver(() => [Certification], {
    description: `The sole supplier's certificates in force today whose last day is within ${EXPIRING_CERTIFICATIONS_DAYS} days (today included), soonest first.`,
  })
  expiringCertifications(@Root() row: SingleSourceRiskRow, @Ctx() ctx: Context): Promise<Certification[]> {
    return ctx.loaders.expiringCertificationsBySupplier.load(row.supplierId);
  }
}

function riskRow(row: SingleSourceRow): SingleSourceRiskRow {
  return { key: row.productId, ...row };
}
