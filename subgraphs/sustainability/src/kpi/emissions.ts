// Emissions KPIs, defined once as pure functions; emissions.query.ts computes the same in SQL.
//
// For an owner (facility, supplier or everyone) and a window [from, to):
// - Every record overlapping the window counts with the share of its days inside it (a March record
//   counts half in a window ending on 16 March).
// - scope1, scope3: Σ share × kgCO2e of the activity records (and waste records: scope 3, category 5)
//   of that scope. scope2LocationBased / scope2MarketBased: Σ share × the electricity records' two
//   scope 2 figures, plus scope 2 activity records (which have one figure, counted in both).
// - totalKgCO2e = scope1 + scope2MarketBased + scope3 (market-based, as the GHG Protocol reports totals).
// - Every figure is null when no record overlaps the window: no data is not zero emissions.
// - carbon intensity = (scope1 + scope2MarketBased [+ scope3 when asked]) ÷ good units produced in the
//   window (output records, pro rata too); null when there is no output or no emission record.
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { overlapShare, type Period } from '../period';

export interface EmissionContribution {
  period: Period;
  scope: number;
  category: number | null;
  locationKg: number;
  marketKg: number;
  primary: boolean;
}

export interface ScopeCategoryTotal {
  scope: number;
  category: number | null;
  locationKg: number;
  marketKg: number;
}

export interface EmissionTotals {
  records: number;
  groups: ScopeCategoryTotal[];
  primaryKg: number;
  outputRecords: number;
  goodUnits: number;
}

@ObjectType({ description: 'kgCO2e of one scope (and scope 3 category).' })
export class EmissionsByCategory {
  @Field(() => Int) scope!: number;
  @Field(() => Int, { nullable: true, description: 'Scope 3 category 1–15; null for scopes 1 and 2.' }) category!: number | null;
  @Field(() => Float, { description: 'kgCO2e; market-based for scope 2.' }) kgCO2e!: number;
}

@ObjectType({ description: 'Greenhouse gas emissions over [from, to), records attributed pro rata to their days in it. Null when no record overlaps.' })
export class EmissionsSummary {
  @Field(() => Float, { nullable: true, description: 'Direct emissions (fuels burnt on site), kgCO2e.' }) scope1!: number | null;
  @Field(() => Float, { nullable: true, description: 'Purchased electricity at the grid average of the country, kgCO2e.' }) scope2LocationBased!: number | null;
  @Field(() => Float, { nullable: true, description: 'Purchased electricity; certified renewables count zero, kgCO2e.' }) scope2MarketBased!: number | null;
  @Field(() => Float, { nullable: true, description: 'Value chain (purchased goods, waste, freight…), kgCO2e.' }) scope3!: number | null;
  @Field(() => [EmissionsByCategory], { description: 'By scope, then scope 3 category.' }) byCategory!: EmissionsByCategory[];
  @Field(() => Float, { nullable: true, description: 'scope1 + scope2MarketBased + scope3, kgCO2e.' }) totalKgCO2e!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share (0–1) of totalKgCO2e from primary (metered) data.' }) primaryDataShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'Good units produced in the window; null when no output was recorded.' }) goodUnits!: number | null;
  @Field(() => Int, { description: 'Records overlapping the window.' }) recordCount!: number;
}

export function emissionTotals(contributions: readonly EmissionContribution[], outputs: readonly { period: Period; goodUnits: number }[], window: Period): EmissionTotals {
  const groups = new Map<string, ScopeCategoryTotal>();
  let records = 0;
  let primaryKg = 0;
  for (const c of contributions) {
    const share = overlapShare(c.period, window);
    if (share <= 0) continue;
    records++;
    const key = `${c.scope}|${c.category}`;
    const group = groups.get(key) ?? { scope: c.scope, category: c.category, locationKg: 0, marketKg: 0 };
    group.locationKg += share * c.locationKg;
    group.marketKg += share * c.marketKg;
    groups.set(key, group);
    if (c.primary) primaryKg += share * c.marketKg;
  }
  const counted = outputs.filter((o) => overlapShare(o.period, window) > 0);
  const goodUnits = counted.reduce((sum, o) => sum + overlapShare(o.period, window) * o.goodUnits, 0);
  return { records, groups: [...groups.values()], primaryKg, outputRecords: counted.length, goodUnits };
}

/** The summary from the totals (shared by the pure path and the SQL path). */
export function emissionsFromTotals(totals: EmissionTotals): EmissionsSummary {
  const goodUnits = totals.outputRecords ? totals.goodUnits : null;
  if (!totals.records) {
    return { scope1: null, scope2LocationBased: null, scope2MarketBased: null, scope3: null, byCategory: [], totalKgCO2e: null, primaryDataShare: null, goodUnits, recordCount: 0 };
  }
  const sum = (scope: number, pick: (g: ScopeCategoryTotal) => number) =>
    totals.groups.filter((g) => g.scope === scope).reduce((s, g) => s + pick(g), 0);
  const scope1 = sum(1, (g) => g.marketKg);
  const scope2MarketBased = sum(2, (g) => g.marketKg);
  const scope3 = sum(3, (g) => g.marketKg);
  const total = scope1 + scope2MarketBased + scope3;
  const byCategory = [...totals.groups]
    .sort((a, b) => a.scope - b.scope || (a.category ?? 0) - (b.category ?? 0))
    .map((g) => ({ scope: g.scope, category: g.category, kgCO2e: g.marketKg }));
  return {
    scope1, scope2LocationBased: sum(2, (g) => g.locationKg), scope2MarketBased, scope3, byCategory, totalKgCO2e: total,
    primaryDataShare: total ? totals.primaryKg / total : null, goodUnits, recordCount: totals.records,
  };
}

/** kgCO2e per good unit; null without output or without emission records. */
export function carbonIntensity(summary: EmissionsSummary, includeScope3: boolean): number | null {
  if (!summary.recordCount || !summary.goodUnits) return null;
  const kg = summary.scope1! + summary.scope2MarketBased! + (includeScope3 ? summary.scope3! : 0);
  return kg / summary.goodUnits;
}
