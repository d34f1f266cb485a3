// Waste KPIs, defined once as pure functions; waste.query.ts computes the same in SQL.
// Over a window [from, to), records pro rata to their days in it:
// - totalKg = Σ share × kg; hazardousKg the same over hazardous records; kgCO2e over the treatments' factors.
// - divertedShare = kg sent to REUSE, RECYCLE or RECOVERY ÷ totalKg; null when no waste (or 0 kg) was recorded.
// Every figure is null when no record overlaps the window.
import { Field, Float, ObjectType } from 'type-graphql';
import { overlapShare, type Period } from '../period';
import { DIVERTED, WasteTreatment } from '../waste/waste.enums';

export interface WasteContribution {
  period: Period;
  kg: number;
  hazardous: boolean;
  treatment: WasteTreatment;
  kgCo2e: number;
}

export interface TreatmentTotal {
  treatment: WasteTreatment;
  kg: number;
  hazardousKg: number;
  kgCo2e: number;
  records: number;
}

@ObjectType({ description: 'Waste by treatment.' })
export class WasteByTreatment {
  @Field(() => WasteTreatment) treatment!: WasteTreatment;
  @Field(() => Float) kg!: number;
  @Field(() => Float) kgCO2e!: number;
}

@ObjectType({ description: 'Waste over [from, to), records pro rata to their days in it. Null when nothing was recorded.' })
export class WasteSummary {
  @Field(() => Float, { nullable: true }) totalKg!: number | null;
  @Field(() => Float, { nullable: true }) hazardousKg!: number | null;
  @Field(() => Float, { nullable: true, description: '(REUSE + RECYCLE + RECOVERY) kg ÷ totalKg.' }) divertedShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'kgCO2e of the treatments (scope 3 category 5).' }) kgCO2e!: number | null;
  @Field(() => [WasteByTreatment], { description: 'In the order of WasteTreatment.' }) byTreatment!: WasteByTreatment[];
}

export function wasteTotals(records: readonly WasteContribution[], window: Period): TreatmentTotal[] {
  const byTreatment = new Map<WasteTreatment, TreatmentTotal>();
  for (const record of records) {
    const share = overlapShare(record.period, window);
    if (share <= 0) continue;
    const total = byTreatment.get(record.treatment) ?? { treatment: record.treatment, kg: 0, hazardousKg: 0, kgCo2e: 0, records: 0 };
    total.kg += share * record.kg;
    if (record.hazardous) total.hazardousKg += share * record.kg;
    total.kgCo2e += share * record.kgCo2e;
    total.records++;
    byTreatment.set(record.treatment, total);
  }
  return [...byTreatment.values()];
}

export function wasteFromTotals(totals: readonly TreatmentTotal[]): WasteSummary {
  if (!totals.length) return { totalKg: null, hazardousKg: null, divertedShare: null, kgCO2e: null, byTreatment: [] };
  const sum = (pick: (t: TreatmentTotal) => number, rows = totals) => rows.reduce((s, t) => s + pick(t), 0);
  const totalKg = sum((t) => t.kg);
  const order = Object.values(WasteTreatment);
  return {
    totalKg,
    hazardousKg: sum((t) => t.hazardousKg),
    divertedShare: totalKg ? sum((t) => t.kg, totals.filter((t) => DIVERTED.has(t.treatment))) / totalKg : null,
    kgCO2e: sum((t) => t.kgCo2e),
    byTreatment: [...totals]
      .sort((a, b) => order.indexOf(a.treatment) - order.indexOf(b.treatment))
      .map((t) => ({ treatment: t.treatment, kg: t.kg, kgCO2e: t.kgCo2e })),
  };
}
