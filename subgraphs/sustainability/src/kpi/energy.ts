// Energy KPIs, defined once as pure functions; energy.query.ts computes the same in SQL.
// Over a window [from, to), records pro rata to their days in it:
// - totalKwh = Σ share × kWh of every source; renewableKwh the same over SOLAR, WIND and HYDRO.
// - renewableShare = renewableKwh ÷ totalKwh; null when no energy was recorded (or all of it is 0).
// - scope2LocationBasedKg / scope2MarketBasedKg = Σ share × the records' scope 2 figures (see scope2.ts).
// Every figure is null when no record overlaps the window.
import { Field, Float, ObjectType } from 'type-graphql';
import { overlapShare, type Period } from '../period';

export interface EnergyContribution {
  period: Period;
  kwh: number;
  renewable: boolean;
  scope2LocationBasedKg: number;
  scope2MarketBasedKg: number;
}

export interface EnergyTotals {
  records: number;
  kwh: number;
  renewableKwh: number;
  locationKg: number;
  marketKg: number;
}

@ObjectType({ description: 'Energy used over [from, to), records pro rata to their days in it. Null when nothing was recorded.' })
export class EnergySummary {
  @Field(() => Float, { nullable: true }) totalKwh!: number | null;
  @Field(() => Float, { nullable: true, description: 'kWh from SOLAR, WIND and HYDRO.' }) renewableKwh!: number | null;
  @Field(() => Float, { nullable: true, description: 'renewableKwh ÷ totalKwh; null when no energy was recorded.' }) renewableShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'Electricity at the grid average of the country, kgCO2e.' }) scope2LocationBasedKg!: number | null;
  @Field(() => Float, { nullable: true, description: 'Electricity, certified renewables at zero, kgCO2e.' }) scope2MarketBasedKg!: number | null;
}

export function energyTotals(records: readonly EnergyContribution[], window: Period): EnergyTotals {
  const totals: EnergyTotals = { records: 0, kwh: 0, renewableKwh: 0, locationKg: 0, marketKg: 0 };
  for (const record of records) {
    const share = overlapShare(record.period, window);
    if (share <= 0) continue;
    totals.records++;
    totals.kwh += share * record.kwh;
    if (record.renewable) totals.renewableKwh += share * record.kwh;
    totals.locationKg += share * record.scope2LocationBasedKg;
    totals.marketKg += share * record.scope2MarketBasedKg;
  }
  return totals;
}

export function energyFromTotals(totals: EnergyTotals): EnergySummary {
  if (!totals.records) return { totalKwh: null, renewableKwh: null, renewableShare: null, scope2LocationBasedKg: null, scope2MarketBasedKg: null };
  return {
    totalKwh: totals.kwh,
    renewableKwh: totals.renewableKwh,
    renewableShare: totals.kwh ? totals.renewableKwh / totals.kwh : null,
    scope2LocationBasedKg: totals.locationKg,
    scope2MarketBasedKg: totals.marketKg,
  };
}
