// Water KPIs, defined once as pure functions; water.query.ts computes the same in SQL.
// Over a window [from, to), records pro rata to their days in it:
// - withdrawal, discharge, recycled: Σ share × m3; consumption = withdrawal − discharge.
// - recycledShare = recycled ÷ (withdrawal + recycled): the part of all water used that was used again;
//   null when no water was used. closedLoop = recycledShare ≥ 0.9 (null when the share is).
// Every figure is null when no record overlaps the window.
import { Field, Float, ObjectType } from 'type-graphql';
import { overlapShare, type Period } from '../period';

export const CLOSED_LOOP_SHARE = 0.9;

export interface WaterContribution {
  period: Period;
  withdrawalM3: number;
  dischargeM3: number;
  recycledM3: number;
}

export interface WaterTotals {
  records: number;
  withdrawalM3: number;
  dischargeM3: number;
  recycledM3: number;
}

@ObjectType({ description: 'Water balance over [from, to), records pro rata to their days in it. Null when nothing was recorded.' })
export class WaterSummary {
  @Field(() => Float, { nullable: true }) withdrawalM3!: number | null;
  @Field(() => Float, { nullable: true }) dischargeM3!: number | null;
  @Field(() => Float, { nullable: true, description: 'withdrawalM3 − dischargeM3.' }) consumptionM3!: number | null;
  @Field(() => Float, { nullable: true }) recycledM3!: number | null;
  @Field(() => Float, { nullable: true, description: 'recycledM3 ÷ (withdrawalM3 + recycledM3).' }) recycledShare!: number | null;
  @Field(() => Boolean, { nullable: true, description: `recycledShare ≥ ${CLOSED_LOOP_SHARE}.` }) closedLoop!: boolean | null;
}

export function waterTotals(records: readonly WaterContribution[], window: Period): WaterTotals {
  const totals: WaterTotals = { records: 0, withdrawalM3: 0, dischargeM3: 0, recycledM3: 0 };
  for (const record of records) {
    const share = overlapShare(record.period, window);
    if (share <= 0) continue;
    totals.records++;
    totals.withdrawalM3 += share * record.withdrawalM3;
    totals.dischargeM3 += share * record.dischargeM3;
    totals.recycledM3 += share * record.recycledM3;
  }
  return totals;
}

export function waterFromTotals(totals: WaterTotals): WaterSummary {
  if (!totals.records) {
    return { withdrawalM3: null, dischargeM3: null, consumptionM3: null, recycledM3: null, recycledShare: null, closedLoop: null };
  }
  const used = totals.withdrawalM3 + totals.recycledM3;
  const recycledShare = used ? totals.recycledM3 / used : null;
  return {
    withdrawalM3: totals.withdrawalM3,
    dischargeM3: totals.dischargeM3,
    consumptionM3: totals.withdrawalM3 - totals.dischargeM3,
    recycledM3: totals.recycledM3,
    recycledShare,
    closedLoop: recycledShare === null ? null : recycledShare >= CLOSED_LOOP_SHARE,
  };
}
