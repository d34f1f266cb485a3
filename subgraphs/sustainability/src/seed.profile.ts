// How each facility of the demo world behaves environmentally: a pure function of its supplier, so
// that KPIs differ between suppliers (renewable share, energy and gas intensity, waste diversion, water
// recycling) while every seed at a scale writes identical rows.
import { random, SEED_TODAY, type SeedFacility, type SeedSupplier, type Universe } from '@cmgraph/seedkit';

export interface FacilityProfile {
  facility: SeedFacility;
  supplier: SeedSupplier;
  /** Good units a month, roughly: the basis of every other quantity. */
  unitsPerMonth: number;
  kwhPerUnit: number;
  renewableShare: number;
  renewableSource: 'SOLAR' | 'WIND';
  certificates: boolean;
  gasM3PerUnit: number;
  dieselLPerUnit: number;
  wasteKgPerUnit: number;
  divertedShare: number;
  waterM3PerUnit: number;
  recycledRatio: number;
}

/** Twelve monthly periods [start, end) ending at the universe's "today" (2025-11 … 2026-10). */
export function seedMonths(): { start: string; end: string }[] {
  const first = `${Number(SEED_TODAY.slice(0, 4)) - 1}-${SEED_TODAY.slice(5, 7)}-01`;
  return Array.from({ length: 12 }, (_, m) => {
    const start = monthStart(first, m);
    return { start, end: monthStart(first, m + 1) };
  });
}

export function monthStart(first: string, months: number): string {
  const d = new Date(`${first}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months, 1);
  return d.toISOString().slice(0, 10);
}

/** The month [start, end) a day falls in. */
export function monthOf(day: string): { start: string; end: string } {
  const start = `${day.slice(0, 7)}-01`;
  return { start, end: monthStart(start, 1) };
}

export function facilityProfiles(world: Universe): FacilityProfile[] {
  const suppliers = new Map(world.suppliers.map((s) => [s.id, s]));
  const makers = world.suppliers.filter((s) => s.type !== 'LOGISTICS').length;
  // Order lines average 255 units and 4 per order; the supplier's first plant ships them all.
  const shippedPerMonth = ((world.purchaseOrderCount / makers) * 4 * 255) / 12;
  return world.facilities.map((facility, f) => {
    const supplier = suppliers.get(facility.supplierId)!;
    const r = random(`sustainability:profile:${supplier.id}`);
    const firstPlant = f % 2 === 0;
    // Nearshore suppliers invest more in renewables; a few offshore ones buy certificates too.
    const renewableShare = facility.nearshore ? 0.15 + r.next() * 0.5 : r.next() * 0.25;
    return {
      facility, supplier,
      unitsPerMonth: Math.max(100, Math.round(shippedPerMonth * (firstPlant ? 1 : 0.4))),
      kwhPerUnit: 1.5 + r.next() * 3,
      renewableShare, renewableSource: r.chance(0.5) ? 'SOLAR' : 'WIND', certificates: r.chance(0.6),
      gasM3PerUnit: 0.05 + r.next() * 0.15,
      dieselLPerUnit: 0.005 + r.next() * 0.02,
      wasteKgPerUnit: 0.02 + r.next() * 0.08,
      divertedShare: 0.3 + r.next() * 0.65,
      waterM3PerUnit: 0.005 + r.next() * 0.02,
      recycledRatio: r.chance(0.2) ? 10 + r.next() * 5 : r.next() * 2,
    };
  });
}

/** Month-to-month variation of ±10 %, deterministic per facility and month. */
export function seasonal(facilityId: string, month: number): number {
  return 0.9 + random(`sustainability:season:${facilityId}:${month}`).next() * 0.2;
}

export const WINDOW_START = seedMonths()[0]!.start;
export const WINDOW_END = SEED_TODAY;
