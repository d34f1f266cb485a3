// The carbon report's GraphQL shapes: how rows are grouped, the filter, and one row's figures.
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Product, Supplier } from '../references/external.reference';

export enum CarbonGrouping {
  SCOPE = 'SCOPE',
  CATEGORY = 'CATEGORY',
  SCOPE_CATEGORY = 'SCOPE_CATEGORY',
  SUPPLIER = 'SUPPLIER',
  PRODUCT = 'PRODUCT',
  NEARSHORE = 'NEARSHORE',
}

registerEnumType(CarbonGrouping, {
  name: 'CarbonGrouping',
  description: 'What one row of the carbon report sums. Rows exist for groups with at least one emission record in the period.',
  valuesConfig: {
    SCOPE: { description: 'Per GHG Protocol scope. Key: "1", "2", "3".' },
    CATEGORY: { description: 'Per scope 3 category (scope 3 records only; scopes 1 and 2 have none). Key: the category, two digits ("01", "04"), "-" for none.' },
    SCOPE_CATEGORY: { description: 'Per scope and scope 3 category. Key: scope|category, e.g. "1|-", "3|05".' },
    SUPPLIER: { description: "Per supplier (the records' supplier), with its good units and intensity. Key: the supplier id." },
    PRODUCT: {
      description:
        "Per product: each facility's emissions split over the products it made by their share of its good units in the period. " +
        'Key: the product id; "unallocated" for emissions of facilities without output and the share of output without a product.',
    },
    NEARSHORE: { description: "Nearshore vs offshore facilities (suppliers' Facility.nearshore), with good units and intensity. Key: \"nearshore\", \"offshore\"." },
  },
});

@InputType({ description: 'Each list, when given and not empty, narrows the report; lists combine with AND.' })
export class CarbonReportFilter {
  @Field(() => [ID], { nullable: true, description: "Only these suppliers' records (a PARTNER may name only its own)." })
  supplierIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only records (and output) of these facilities.' })
  facilityIds?: string[] | null;

  @Field(() => [Int], { nullable: true, description: 'Only emissions of these scopes (1, 2, 3); output is never filtered by scope.' })
  scopes?: number[] | null;
}

@ObjectType({
  description:
    'kgCO2e of one group over the period: scope 1 and 3 from activity and waste records, scope 2 market-based from electricity ' +
    'records (as EmissionsSummary.totalKgCO2e), every record counted with the share of its days inside [from, to).',
})
export class CarbonReportRow {
  @Field({ description: 'Unique, stable row key (see CarbonGrouping); rows come in key order.' })
  key!: string;

  @Field(() => Int, { nullable: true, description: 'With SCOPE, CATEGORY (always 3) and SCOPE_CATEGORY.' })
  scope!: number | null;

  @Field(() => Int, { nullable: true, description: 'Scope 3 category 1–15, with CATEGORY and SCOPE_CATEGORY; null for scopes 1 and 2.' })
  category!: number | null;

  @Field(() => Supplier, { nullable: true, description: 'With SUPPLIER.' })
  supplier!: Supplier | null;

  @Field(() => Product, { nullable: true, description: 'With PRODUCT; null on the "unallocated" row.' })
  product!: Product | null;

  @Field(() => Boolean, { nullable: true, description: 'With NEARSHORE.' })
  nearshore!: boolean | null;

  @Field(() => Float, { description: 'kgCO2e of the group in the period (market-based for scope 2).' })
  co2eKg!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Good units produced in the period (ProductionOutputRecord, pro rata to days), with SUPPLIER, PRODUCT and NEARSHORE: ' +
      'of the supplier, of the product, of the facilities of the group; null for other groupings, on the "unallocated" row, ' +
      'and when the group recorded no output.',
  })
  units!: number | null;

  @Field(() => Float, { nullable: true, description: 'co2eKg ÷ units: kgCO2e per good unit; null when units is null or 0.' })
  intensity!: number | null;
}
