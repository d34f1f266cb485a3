// The quality report's vocabulary: how rows are grouped, what may narrow them, and one row's columns.
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum QualityGrouping {
  SUPPLIER = 'SUPPLIER',
  PRODUCT = 'PRODUCT',
  DEFECT_CODE = 'DEFECT_CODE',
  SUPPLIER_PRODUCT = 'SUPPLIER_PRODUCT',
}

registerEnumType(QualityGrouping, {
  name: 'QualityGrouping',
  description: 'One row per supplier (the maker of the lot), per product, per supplier and product, or per defect code. ' +
    'Defect codes classify non-conformances, not inspections: DEFECT_CODE rows count non-conformances only.',
});

@InputType()
export class QualityReportFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these suppliers\' inspections and non-conformances.' })
  supplierIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only these products\' inspections and non-conformances.' })
  productIds?: string[] | null;
}

/** One group's figures as the SQL returns them; `supplier`, `product` and `defectCode` resolve from the ids. */
@ObjectType({
  description: 'Quality figures of one group over a period [from, to) of inspection and opening times (UTC). Inspection columns are null on ' +
    'DEFECT_CODE rows. Counts and quantities add up across rows; the rates do not (recompute them from the sums).',
})
export class QualityReportRow {
  @Field({
    description: 'Unique and stable within the report: the supplier id (SUPPLIER), product id (PRODUCT), "supplierId|productId" (SUPPLIER_PRODUCT) ' +
      'or defect code (DEFECT_CODE); "none" for inspections of no supplier, "(unclassified)" for non-conformances without a code. Rows come in key order.',
  })
  key!: string;

  supplierId!: string | null;
  productId!: string | null;
  defectCodeId!: string | null;

  @Field(() => Int, { nullable: true, description: 'Inspections in the period: every trigger, first inspections and re-inspections alike.' })
  inspections!: number | null;

  @Field(() => Int, { nullable: true, description: 'Of those, first inspections of a lot against its plan (the first-pass yield denominator).' })
  firstInspections!: number | null;

  @Field(() => Int, { nullable: true, description: 'First inspections that passed.' })
  firstInspectionsPassed!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Units received and inspected: Σ lot size over first INCOMING inspections (the PPM denominator; not the sample size).',
  })
  quantityInspected!: number | null;

  @Field(() => Float, { nullable: true, description: 'Σ quantity rejected over the same first INCOMING inspections (the PPM numerator).' })
  quantityRejected!: number | null;

  @Field(() => Float, { nullable: true, description: 'quantityRejected ÷ quantityInspected × 10⁶ (as Supplier.ppm); null when nothing was received.' })
  ppm!: number | null;

  @Field(() => Float, { nullable: true, description: 'firstInspectionsPassed ÷ firstInspections (as Supplier.firstPassYield); null when there were none.' })
  firstPassYield!: number | null;

  @Field(() => Int, { description: 'Non-conformances opened in the period (openedAt in [from, to)), whatever their status now.' })
  nonConformances!: number;

  @Field(() => Float, { description: 'Σ quantity (non-conforming units) of those non-conformances.' })
  nonConformingQuantity!: number;
}
