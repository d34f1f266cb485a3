// Quality KPIs — PPM and first-pass yield — defined once, as pure functions over inspections.
//
// For a supplier (or a product) and a period [from, to] of inspection days (UTC, inclusive):
// - PPM = Σ quantityRejected ÷ Σ lotSize × 10⁶ over the INCOMING inspections that were the first
//   inspection of their lot against their plan (firstPass). A received lot counts once: re-inspecting
//   it after sorting or rework would otherwise count its units as received twice. Null when nothing
//   was received (Σ lotSize = 0).
// - First-pass yield = first inspections (of any trigger) that PASSED ÷ first inspections. Null when
//   there was no first inspection.
// The SQL in quality-kpi.query.ts implements the same predicates, batched over suppliers and products.
import 'reflect-metadata';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { InspectionTrigger } from '../plan/plan.enums';
import { InspectionResult } from '../inspection/inspection.enums';

export interface KpiPeriod {
  from: string;
  to: string;
}

export interface KpiInspection {
  trigger: InspectionTrigger;
  result: InspectionResult;
  firstPass: boolean;
  lotSize: number;
  quantityRejected: number;
  /** Day of the inspection, YYYY-MM-DD (UTC). */
  inspectedOn: string;
}

export interface QualityTotals {
  firstInspections: number;
  firstInspectionsPassed: number;
  quantityReceived: number;
  quantityRejected: number;
}

@ObjectType({ description: 'PPM and first-pass yield over a period of inspection days; see the field descriptions for the definitions.' })
export class QualityPerformance implements QualityTotals {
  @Field(() => Int, { description: 'First inspections of a lot against a plan in the period, any trigger.' })
  firstInspections!: number;

  @Field(() => Int, { description: 'Of those, the ones that passed.' })
  firstInspectionsPassed!: number;

  @Field(() => Float, { nullable: true, description: 'firstInspectionsPassed ÷ firstInspections; null when there were none.' })
  firstPassYield!: number | null;

  @Field(() => Float, { description: 'Σ lot size over first INCOMING inspections (units received and inspected).' })
  quantityReceived!: number;

  @Field(() => Float, { description: 'Σ quantity rejected over the same inspections.' })
  quantityRejected!: number;

  @Field(() => Float, { nullable: true, description: 'quantityRejected ÷ quantityReceived × 10⁶; null when nothing was received.' })
  ppm!: number | null;
}

export function inPeriod(inspection: Pick<KpiInspection, 'inspectedOn'>, period: KpiPeriod): boolean {
  return period.from <= inspection.inspectedOn && inspection.inspectedOn <= period.to;
}

export function qualityTotals(inspections: readonly KpiInspection[], period: KpiPeriod): QualityTotals {
  const first = inspections.filter((i) => i.firstPass && inPeriod(i, period));
  const incoming = first.filter((i) => i.trigger === InspectionTrigger.INCOMING);
  return {
    firstInspections: first.length,
    firstInspectionsPassed: first.filter((i) => i.result === InspectionResult.PASS).length,
    quantityReceived: incoming.reduce((sum, i) => sum + i.lotSize, 0),
    quantityRejected: incoming.reduce((sum, i) => sum + i.quantityRejected, 0),
  };
}

/** The rates from the totals (shared by the pure path and the SQL path). */
export function qualityFromTotals(totals: QualityTotals): QualityPerformance {
  return {
    ...totals,
    ppm: totals.quantityReceived > 0 ? (totals.quantityRejected / totals.quantityReceived) * 1e6 : null,
    firstPassYield: totals.firstInspections > 0 ? totals.firstInspectionsPassed / totals.firstInspections : null,
  };
}

export function qualityPerformance(inspections: readonly KpiInspection[], period: KpiPeriod): QualityPerformance {
  return qualityFromTotals(qualityTotals(inspections, period));
}
