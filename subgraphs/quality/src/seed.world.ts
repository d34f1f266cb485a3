// The quality side of the demo world, as pure functions of the universe: how good each supplier is,
// the plans of each product, and the inspections (with readings consistent with their result) of
// delivered lots and finished work orders.
import { random, seedId, type Universe } from '@cmgraph/seedkit';
import { aqlSamplingPlan, percentSamplingPlan } from './plan/aql';

/** Share of a supplier's lots that fail inspection, by quality tier: some suppliers ~0 PPM, some thousands. */
export interface QualityTier { failRate: number; marginalRate: number }
const TIERS: QualityTier[] = [
  { failRate: 0, marginalRate: 0 },       // excellent: no rejects at all
  { failRate: 0.02, marginalRate: 0.05 }, // good: a few hundred PPM
  { failRate: 0.06, marginalRate: 0.1 },  // fair
  { failRate: 0.15, marginalRate: 0.2 },  // poor: thousands of PPM
];

export function supplierTiers(world: Universe): Map<string, QualityTier> {
  return new Map(world.suppliers.map((s, i) => [s.id, TIERS[(i + Math.floor(i / 4)) % TIERS.length]!]));
}

export interface SeedCharacteristic { id: string; planId: string; name: string; nominal: number; lower: number; upper: number; unit: string }
export interface SeedPlan { id: string; productId: string; trigger: 'INCOMING' | 'FINAL'; name: string; aql: number | null; percent: number | null; characteristics: SeedCharacteristic[] }

const INCOMING_CHARACTERISTICS = [
  { name: 'Length', nominal: 50, lower: 49.8, upper: 50.2, unit: 'MM' },
  { name: 'Weight', nominal: 120, lower: 115, upper: 125, unit: 'G' },
  { name: 'Resistance', nominal: 100, lower: 95, upper: 105, unit: 'OHM' },
];
const FINAL_CHARACTERISTICS = [
  { name: 'Output voltage', nominal: 5, lower: 4.75, upper: 5.25, unit: 'V' },
  { name: 'Fastener torque', nominal: 2.5, lower: 2.2, upper: 2.8, unit: 'NM' },
];

/** Every product is bought in somewhere, so each has an INCOMING plan with 2–3 characteristics. */
export function incomingPlan(productId: string, index: number): SeedPlan {
  const id = seedId('quality-plan-incoming', index);
  return {
    id, productId, trigger: 'INCOMING', name: 'Incoming inspection', aql: index % 2 ? 2.5 : 1.0, percent: null,
    characteristics: INCOMING_CHARACTERISTICS.slice(0, 2 + (index % 2)).map((c, k) => ({ ...c, id: seedId('quality-char-incoming', index * 3 + k), planId: id })),
  };
}

/** Products a CM finishes get a FINAL plan: 10% of the lot, both characteristics. */
export function finalPlan(productId: string, index: number): SeedPlan {
  const id = seedId('quality-plan-final', index);
  return {
    id, productId, trigger: 'FINAL', name: 'Final inspection', aql: null, percent: 10,
    characteristics: FINAL_CHARACTERISTICS.map((c, k) => ({ ...c, id: seedId('quality-char-final', index * 2 + k), planId: id })),
  };
}

export interface SeedReading { id: string; inspectionId: string; characteristic: SeedCharacteristic; value: number; withinLimits: boolean }
export interface SeedInspection {
  id: string; plan: SeedPlan; lotId: string; productId: string; supplierId: string;
  shipmentId: string | null; workOrderId: string | null;
  lotSize: number; sampleSize: number; acceptanceNumber: number; quantityRejected: number;
  result: 'PASS' | 'FAIL'; firstPass: boolean; inspectedAt: string; readings: SeedReading[];
}

export interface InspectionDraft { kind: 'incoming' | 'final'; index: number; plan: SeedPlan; lotId: string; productId: string; supplierId: string; shipmentId: string | null; workOrderId: string | null; lotSize: number; inspectedAt: string }

/**
 * One inspection of a lot; `failRate` decides whether it fails. A failure rejects more than Ac and
 * puts one reading just outside its limits; a pass keeps every reading inside (and may hold up to Ac
 * defectives, which still count towards PPM).
 */
export function inspectLot(draft: InspectionDraft, tier: QualityTier, firstPass = true, forcePass = false): SeedInspection {
  const kind = `quality-${draft.kind}-${firstPass ? 'first' : 'repeat'}`;
  const r = random(`${kind}:${draft.index}`);
  const sampling = draft.plan.aql !== null ? aqlSamplingPlan(draft.lotSize, draft.plan.aql) : percentSamplingPlan(draft.lotSize, draft.plan.percent!);
  const fails = !forcePass && r.chance(tier.failRate);
  const quantityRejected = fails
    ? Math.min(sampling.sampleSize, sampling.acceptanceNumber + 1 + r.int(0, 3))
    : !forcePass && r.chance(tier.marginalRate) ? r.int(0, sampling.acceptanceNumber) : 0;
  const id = seedId(`${kind}-inspection`, draft.index);
  const failing = fails ? r.int(0, draft.plan.characteristics.length - 1) : -1;
  const readings = draft.plan.characteristics.map((c, k): SeedReading => {
    const span = c.upper - c.lower;
    const value = k === failing ? c.upper + span * (0.05 + r.next() * 0.2) : c.lower + span * (0.2 + r.next() * 0.6);
    return { id: seedId(`${kind}-reading`, draft.index * 3 + k), inspectionId: id, characteristic: c, value: Math.round(value * 1000) / 1000, withinLimits: k !== failing };
  });
  return {
    ...draft, id, sampleSize: sampling.sampleSize, acceptanceNumber: sampling.acceptanceNumber, quantityRejected,
    result: fails ? 'FAIL' : 'PASS', firstPass, readings,
  };
}
