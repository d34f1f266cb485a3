// The delivery-performance report's vocabulary: how rows are grouped, the filter, one row, the paging.
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Supplier } from '../supplier/supplier.reference';
import { Facility } from '../references/external.reference';

export enum DeliveryGrouping {
  SUPPLIER = 'SUPPLIER',
  FACILITY = 'FACILITY',
  MONTH = 'MONTH',
  SUPPLIER_MONTH = 'SUPPLIER_MONTH',
  FACILITY_MONTH = 'FACILITY_MONTH',
}

registerEnumType(DeliveryGrouping, {
  name: 'DeliveryGrouping',
  description: 'What a delivery-performance row stands for. FACILITY: the ship-from facility of the last delivered ' +
    'shipment carrying the line (see DeliveryPerformanceRow.facility).',
});

@InputType()
export class DeliveryReportFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these suppliers (a partner sees only its own whatever it names).' })
  supplierIds?: string[] | null;
}

@ObjectType({ description: 'Delivery performance of one group of due lines (definitions as Supplier.deliveryPerformance, window 3 days early / 0 late).' })
export class DeliveryPerformanceRow {
  @Field({
    description: 'Unique, stable row key, the order of the rows: supplier id, facility id (or "none"), month, or "<id>|<month>".',
  })
  key!: string;

  @Field(() => Supplier, { nullable: true, description: 'The supplier, when grouped by it (SUPPLIER, SUPPLIER_MONTH).' })
  supplier!: Supplier | null;

  @Field(() => Facility, {
    nullable: true,
    description: 'When grouped by it (FACILITY, FACILITY_MONTH): the ship-from facility of the last delivered shipment ' +
      'carrying the line (by delivery time, then shipment id) — for a line delivered in full, the delivery that completed it; ' +
      'a line with no delivered shipment counts for the facility of its latest booked shipment; null (key "none") for ' +
      'lines no shipment carries yet.',
  })
  facility!: Facility | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM of the promised date, when grouped by month.' })
  month!: string | null;

  @Field(() => Int, { description: 'Lines promised in the period in this group: not rejected, order sent and not cancelled.' })
  linesDue!: number;

  @Field(() => Int, { description: 'Due lines delivered in full within [promised − 3 days, promised].' })
  linesOnTimeInFull!: number;

  @Field(() => Float, { nullable: true, description: 'linesOnTimeInFull ÷ linesDue; null when no line is due.' })
  otif!: number | null;

  @Field(() => Float, { nullable: true, description: 'Σ min(delivered, ordered) ÷ Σ ordered over the due lines; null when nothing is due.' })
  fillRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean days late over the due lines delivered in full after their promise; 0 when none late; null when none delivered.',
  })
  averageDaysLate!: number | null;
}
