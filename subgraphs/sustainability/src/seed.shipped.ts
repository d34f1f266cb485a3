// The part of the seed that follows what was shipped: for every shipment line the purchased material
// in it, for every shipment its outbound freight (tonne-km by mode), and for CM plants the good units of
// each product per month. Orders are streamed oldest first; a month's output is written once no later
// order can ship in it, so memory stays flat at every scale (about 1,160,000 activity rows at `large`).
import { addDays, random, SEED_TODAY, type SeedProduct, type SeedShipment, type Universe } from '@cmgraph/seedkit';
import { ActivityType as A } from './factor/emission-factor.enums';
import { FREIGHT_FACTOR } from './shipment/transport';
import type { TransportMode } from './shipment/shipment.reference';
import { monthOf, WINDOW_START, type FacilityProfile } from './seed.profile';

const MATERIALS = [A.PURCHASED_STEEL, A.PURCHASED_PLASTIC, A.PURCHASED_ALUMINIUM, A.PURCHASED_COPPER] as const;
/** Typical lane lengths by mode, km. */
const LANE_KM = { ROAD: 1_200, SEA: 12_000, AIR: 9_000 } as const;
/** Gross weight shipped per kg of a product's main material (other parts, packaging, pallets). */
const GROSS_PER_MATERIAL_KG = 2;
/**
 * A later order never ships in a month that ended this many days before it was placed: orders ship at
 * most ~10 days before their order date (promised ≥ ordered + 20 days, transit ≤ 28, up to 2 days early);
 * the rest is margin. Were it ever wrong, a month would get a second output row, never a wrong sum.
 */
const MONTH_CLOSED_AFTER_DAYS = 40;

const round2 = (value: number) => Math.round(value * 100) / 100;

export interface ShippedSink {
  profiles: Map<string, FacilityProfile>;
  addActivity(p: FacilityProfile, period: { start: string; end: string }, type: A, quantity: number, dataQuality: string): Promise<void>;
  addOutput(p: FacilityProfile, period: { start: string; end: string }, productId: string, goodUnits: number): Promise<void>;
  /** A CM plant shipped `quantity` of `productId` (the footprints' ledger). */
  shipped(facilityId: string, productId: string, quantity: number): void;
}

export async function seedShipped(world: Universe, sink: ShippedSink): Promise<void> {
  const products = new Map(world.products.map((product) => [product.id, product]));
  const cms = new Set(world.suppliers.filter((s) => s.type === 'CM').map((s) => s.id));
  // month start → facility id → product id → good units, for months still open
  const open = new Map<string, Map<string, Map<string, number>>>();
  const closeMonths = async (before: string | null) => {
    for (const [start, facilities] of [...open].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const period = monthOf(start);
      if (before !== null && period.end > before) break;
      for (const [facilityId, units] of facilities) {
        for (const [productId, goodUnits] of units) await sink.addOutput(sink.profiles.get(facilityId)!, period, productId, goodUnits);
      }
      open.delete(start);
    }
  };
  for (const po of world.purchaseOrders()) {
    await closeMonths(addDays(po.orderedOn, -MONTH_CLOSED_AFTER_DAYS));
    const shipment = po.shipment;
    if (!shipment || shipment.shippedOn >= SEED_TODAY) continue;
    const p = sink.profiles.get(shipment.facilityId)!;
    const period = monthOf(shipment.shippedOn < WINDOW_START ? WINDOW_START : shipment.shippedOn);
    let grossKg = 0;
    for (const line of shipment.lines) {
      const product = products.get(po.lines[line.lineIndex]!.productId)!;
      const bom = materialOf(product);
      await sink.addActivity(p, period, bom.material, round2(line.quantity * bom.kgPerUnit), 'SECONDARY');
      grossKg += line.quantity * bom.kgPerUnit * GROSS_PER_MATERIAL_KG;
      if (!cms.has(po.supplierId)) continue;
      const facilities = open.get(period.start) ?? open.set(period.start, new Map()).get(period.start)!;
      const units = facilities.get(p.facility.id) ?? facilities.set(p.facility.id, new Map()).get(p.facility.id)!;
      units.set(product.id, (units.get(product.id) ?? 0) + line.quantity);
      sink.shipped(p.facility.id, product.id, line.quantity);
    }
    await sink.addActivity(p, period, freightOf(shipment.mode), round2((grossKg / 1000) * LANE_KM[shipment.mode]), 'SECONDARY');
  }
  await closeMonths(null);
}

function freightOf(mode: SeedShipment['mode']): A {
  return FREIGHT_FACTOR[mode as TransportMode];
}

/** Each product's main material and how much of it goes into one unit: a pure function of the product. */
function materialOf(product: SeedProduct): { material: (typeof MATERIALS)[number]; kgPerUnit: number } {
  const r = random(`sustainability:bom:${product.id}`);
  const material = MATERIALS[Number(product.sku.slice(-3)) % MATERIALS.length]!;
  const range = { [A.PURCHASED_STEEL]: [0.2, 0.6], [A.PURCHASED_PLASTIC]: [0.05, 0.2], [A.PURCHASED_ALUMINIUM]: [0.05, 0.15], [A.PURCHASED_COPPER]: [0.01, 0.05] }[material];
  return { material, kgPerUnit: range[0]! + r.next() * (range[1]! - range[0]!) };
}
