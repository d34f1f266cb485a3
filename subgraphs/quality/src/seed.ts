// Seeds the quality part of the demo universe: defect codes, inspection plans, an INCOMING inspection
// for delivered lots (every lot at small, one PO in five above), FINAL inspections of finished work
// orders, non-conformances for the failures, a few corrective actions and one recall. Streams the
// universe in rounds and writes each table in bulk, so `large` never sits in memory.
// Sizes (first inspections; re-inspections of half the failed lots come on top): small 548 INCOMING +
// 230 FINAL, medium ≈ 18,200 + 3,900, large ≈ 182,000 + 7,600 — over the 100,000 inspections `large`
// must have for the BI reports (issue 6; test/seed.test.ts counts them).
import type { Client } from 'pg';
import { addDays, insertRows, random, seedId, SEED_TODAY, workOrders, type Column, type SubgraphSeed, type Universe } from '@cmgraph/seedkit';
import { finalPlan, incomingPlan, inspectLot, supplierTiers, type InspectionDraft, type SeedInspection, type SeedPlan } from './seed.world';
import {
  CHARACTERISTIC_COLUMNS, DEFECT_CODE_COLUMNS, INSPECTION_COLUMNS, NON_CONFORMANCE_COLUMNS, PLAN_COLUMNS, READING_COLUMNS, type NonConformanceRow,
} from './seed.columns';
import { formatDocumentNumber } from './numbering/document-number';
import { seedCorrectiveActions, seedRecall } from './seed.follow-up';

const INCOMING_STRIDE = { small: 1, medium: 5, large: 5 } as const;
const ROUND = 1_000;
const BATCH = 5_000;
const DEFECT_CODES = [
  ['DIM-01', 'Dimension out of tolerance', 'DIMENSIONAL'], ['DIM-02', 'Warped or bent', 'DIMENSIONAL'], ['COS-01', 'Scratches or marks', 'COSMETIC'],
  ['FUN-01', 'Electrical test failed', 'FUNCTIONAL'], ['FUN-02', 'Torque out of specification', 'FUNCTIONAL'], ['MAT-01', 'Wrong material or resin', 'MATERIAL'],
  ['PKG-01', 'Damaged packaging', 'PACKAGING'], ['DOC-01', 'Missing certificate of conformance', 'DOCUMENTATION'],
].map(([code, description, category], i) => ({ id: seedId('quality-defect-code', i), code: code!, description: description!, category: category! }));
const DISPOSITIONS = ['RETURN_TO_VENDOR', 'SCRAP', 'USE_AS_IS', 'REWORK'] as const;

export const seed: SubgraphSeed = async ({ db, world, progress }) => {
  const write = async <Row>(table: string, columns: Column<Row>[], rows: Row[]) => {
    for (let start = 0; start < rows.length; start += BATCH) await insertRows(db, table, columns, rows.slice(start, start + BATCH));
    progress(rows.length);
  };
  await write('defect_code', DEFECT_CODE_COLUMNS, DEFECT_CODES);
  const productIndex = new Map(world.products.map((p, i) => [p.id, i]));
  const plans = world.products.map((p, i) => incomingPlan(p.id, i));
  await write('inspection_plan', PLAN_COLUMNS, plans);
  await write('inspection_characteristic', CHARACTERISTIC_COLUMNS, plans.flatMap((p) => p.characteristics));

  const tiers = supplierTiers(world);
  const nonConformances = new NonConformanceNumbering();
  let round: SeedInspection[] = [];
  let newPlans: SeedPlan[] = [];
  const flush = async () => {
    await write('inspection_plan', PLAN_COLUMNS, newPlans);
    await write('inspection_characteristic', CHARACTERISTIC_COLUMNS, newPlans.flatMap((p) => p.characteristics));
    await write('inspection', INSPECTION_COLUMNS, round);
    await write('inspection_reading', READING_COLUMNS, round.flatMap((i) => i.readings.map((r) => ({ ...r, inspectedAt: i.inspectedAt }))));
    await write('non_conformance', NON_CONFORMANCE_COLUMNS, round.filter((i) => i.result === 'FAIL').map((i) => nonConformances.next(i, round)));
    round = [];
    newPlans = [];
  };
  const add = async (inspections: SeedInspection[]) => {
    round.push(...inspections);
    if (round.length >= ROUND) await flush();
  };

  for (const draft of incomingDrafts(world, (productId) => plans[productIndex.get(productId)!]!)) {
    await add(withReinspection(draft, tiers.get(draft.supplierId)!));
  }
  const finalPlans = new Map<string, SeedPlan>();
  let finals = 0;
  for (const wo of workOrders(world)) {
    if (wo.stage !== 'FINAL') continue;
    let plan = finalPlans.get(wo.productId);
    if (!plan) {
      plan = finalPlan(wo.productId, productIndex.get(wo.productId)!);
      finalPlans.set(wo.productId, plan);
      newPlans.push(plan);
    }
    const tier = tiers.get(wo.supplierId)!;
    await add([inspectLot({
      kind: 'final', index: finals++, plan, lotId: wo.outputLotId, productId: wo.productId, supplierId: wo.supplierId,
      shipmentId: null, workOrderId: wo.id, lotSize: wo.quantityGood, inspectedAt: `${wo.completedOn}T16:00:00Z`,
    }, { failRate: tier.failRate / 2, marginalRate: 0 })]);
  }
  await flush();
  // each failed inspection is recorded under the non-conformance it opened
  await db.query('update inspection set non_conformance_id = n.id from non_conformance n where n.inspection_id = inspection.id');
  const actions = await seedCorrectiveActions(db, world, nonConformances.firstOpenPerSupplier, progress);
  const recalls = await seedRecall(db, world, progress);
  await setCounters(db, { NC: nonConformances.count, CA: actions, RC: recalls });
};

/** The first INCOMING inspection of every lot the seed inspects: each line of a sampled delivered PO. */
export function* incomingDrafts(world: Universe, planOf: (productId: string) => SeedPlan): Generator<InspectionDraft> {
  let index = 0;
  for (const po of world.purchaseOrders()) {
    const shipment = po.shipment;
    if (!shipment?.deliveredOn || !sampledForInspection(po.index, INCOMING_STRIDE[world.scale])) continue;
    for (const line of shipment.lines) {
      const productId = po.lines[line.lineIndex]!.productId;
      yield {
        kind: 'incoming', index: index++, plan: planOf(productId), lotId: line.lotId, productId,
        supplierId: po.supplierId, shipmentId: shipment.id, workOrderId: null, lotSize: line.quantity, inspectedAt: `${shipment.deliveredOn}T12:00:00Z`,
      };
    }
  }
}

/**
 * One PO in `stride`, drawn at random rather than by `index % stride`: POs go to suppliers round-robin,
 * so a modulo would inspect only the suppliers whose turn falls on a multiple of the stride.
 */
function sampledForInspection(index: number, stride: number): boolean {
  return stride === 1 || random(`quality-sampled:${index}`).chance(1 / stride);
}

/** Half of the failed lots are sorted or reworked and inspected again two days later, passing. */
function withReinspection(draft: Parameters<typeof inspectLot>[0], tier: Parameters<typeof inspectLot>[1]): SeedInspection[] {
  const first = inspectLot(draft, tier);
  if (first.result === 'PASS' || !random(`quality-repeat:${draft.index}`).chance(0.5)) return [first];
  const inspectedAt = `${addDays(draft.inspectedAt.slice(0, 10), 2)}T12:00:00Z`;
  return [first, inspectLot({ ...draft, inspectedAt }, tier, false, true)];
}

/** Numbers failures NC-0000001…, dispositioned and mostly closed when older than a month, open when recent. */
class NonConformanceNumbering {
  count = 0;
  firstOpenPerSupplier = new Map<string, { id: string; supplierId: string; openedOn: string }>();

  next(inspection: SeedInspection, round: SeedInspection[]): NonConformanceRow {
    const r = random(`quality-nc:${this.count}`);
    const id = seedId('quality-nc', this.count);
    const number = formatDocumentNumber('NC', ++this.count);
    const openedOn = inspection.inspectedAt.slice(0, 10);
    const reworked = round.some((i) => !i.firstPass && i.lotId === inspection.lotId && i.plan.id === inspection.plan.id);
    const settled = reworked || openedOn < addDays(SEED_TODAY, -30);
    const closed = settled && r.chance(0.7);
    if (!closed && !this.firstOpenPerSupplier.has(inspection.supplierId)) this.firstOpenPerSupplier.set(inspection.supplierId, { id, supplierId: inspection.supplierId, openedOn });
    return {
      id, number, inspection, defectCodeId: r.pick(DEFECT_CODES).id, severity: r.pick(['MINOR', 'MAJOR', 'MAJOR', 'MAJOR', 'CRITICAL']),
      status: closed ? 'CLOSED' : settled ? 'DISPOSITIONED' : r.pick(['OPEN', 'UNDER_REVIEW']),
      disposition: settled ? (reworked ? 'REWORK' : r.pick(DISPOSITIONS)) : null,
      rootCause: settled ? r.pick(['Worn tooling', 'Operator error', 'Wrong material lot', 'Gauge out of calibration']) : null,
      dispositionedAt: settled ? `${addDays(openedOn, 3)}T10:00:00Z` : null,
      closedAt: closed ? `${addDays(openedOn, 20)}T10:00:00Z` : null,
    };
  }
}

async function setCounters(db: Client, counters: Record<string, number>): Promise<void> {
  const kinds = Object.keys(counters).filter((kind) => counters[kind]! > 0);
  await insertRows(db, 'document_counter', [
    { name: 'kind', type: 'text[]', value: (kind: string) => kind },
    { name: 'last_value', type: 'int[]', value: (kind: string) => counters[kind] },
  ], kinds);
}
