// The manufacturing side of the demo world: lines and machines at every CM facility, and work orders
// that turn received component lots into subassembly lots and those into the finished lots the CMs
// ship — so that lot genealogy is three levels deep (component → subassembly → finished → shipment).
// Pure functions of the universe: production seeds the work orders, inventory the subassembly lots.
import { addDays, type SeedPurchaseOrder, type Universe } from './universe';
import { random, seedId } from './random';

export const LINES_PER_FACILITY = 2;
export const MACHINES_PER_LINE = 3;

export interface SeedLine { id: string; facilityId: string; supplierId: string; code: string; name: string; idealCycleSeconds: number }
export interface SeedMachine { id: string; lineId: string; facilityId: string; code: string; name: string; idealCycleSeconds: number }

export interface SeedConsumption { lotId: string; productId: string; quantity: number }
export interface SeedWorkOrder {
  id: string; number: string; stage: 'SUBASSEMBLY' | 'FINAL';
  supplierId: string; facilityId: string; lineId: string; productId: string; purchaseOrderLineId: string | null;
  outputLotId: string; outputLotNumber: string;
  quantityPlanned: number; quantityGood: number; quantityScrap: number;
  startedOn: string; completedOn: string;
  consumed: SeedConsumption[];
}

/** Lines and machines of every facility that belongs to a contract manufacturer. */
export function productionTopology(world: Universe): { lines: SeedLine[]; machines: SeedMachine[] } {
  const cms = new Set(world.suppliers.filter((s) => s.type === 'CM').map((s) => s.id));
  const lines: SeedLine[] = [];
  const machines: SeedMachine[] = [];
  world.facilities.forEach((facility, f) => {
    if (!cms.has(facility.supplierId)) return;
    for (let l = 0; l < LINES_PER_FACILITY; l++) {
      const index = f * LINES_PER_FACILITY + l;
      const line: SeedLine = {
        id: seedId('line', index), facilityId: facility.id, supplierId: facility.supplierId,
        code: `L${l + 1}`, name: `${l === 0 ? 'Subassembly' : 'Final assembly'} line`, idealCycleSeconds: 20 + ((f + l) % 4) * 10,
      };
      lines.push(line);
      for (let m = 0; m < MACHINES_PER_LINE; m++) {
        machines.push({
          id: seedId('machine', index * MACHINES_PER_LINE + m), lineId: line.id, facilityId: facility.id,
          code: `${line.code}-M${m + 1}`, name: ['Feeder', 'Press', 'Tester'][m]!, idealCycleSeconds: line.idealCycleSeconds - 5 + m * 5,
        });
      }
    }
  });
  return { lines, machines };
}

/** About one in `stride` CM orders is traced through production (all at `small`). */
const STRIDE = { small: 1, medium: 10, large: 50 } as const;
/** Shipment lines per traced order that get work orders (keeps `large` proportionate). */
const TRACED_LINES = 2;

/**
 * Work orders, oldest first. Each traced shipment line of a delivered CM order gets a FINAL work order
 * producing its (finished) lot from one subassembly lot, which a SUBASSEMBLY work order produced from two
 * component lots received earlier from COMPONENT suppliers.
 */
export function* workOrders(world: Universe): Generator<SeedWorkOrder> {
  const suppliers = new Map(world.suppliers.map((s) => [s.id, s]));
  const { lines } = productionTopology(world);
  const linesByFacility = new Map<string, SeedLine[]>();
  for (const line of lines) linesByFacility.set(line.facilityId, [...(linesByFacility.get(line.facilityId) ?? []), line]);
  const components: SeedConsumption[] = []; // recently received component lots, a ring of 64
  let n = 0;
  for (const po of world.purchaseOrders()) {
    const shipment = po.shipment;
    if (!shipment?.deliveredOn) continue;
    const type = suppliers.get(po.supplierId)!.type;
    if (type === 'COMPONENT') {
      for (const line of shipment.lines) {
        components.push({ lotId: line.lotId, productId: po.lines[line.lineIndex]!.productId, quantity: line.quantity });
        if (components.length > 64) components.shift();
      }
      continue;
    }
    const factoryLines = linesByFacility.get(shipment.facilityId);
    // sampled per order, not by index: orders go to suppliers round-robin, and every CM should be traced
    if (type !== 'CM' || !factoryLines || components.length < 2 || random(`trace:${po.index}`).next() * STRIDE[world.scale] >= 1) continue;
    for (const line of shipment.lines.slice(0, TRACED_LINES)) yield* trace(po, line.lineIndex, n++, factoryLines, components);
  }
}

function* trace(po: SeedPurchaseOrder, lineIndex: number, n: number, lines: SeedLine[], components: SeedConsumption[]): Generator<SeedWorkOrder> {
  const r = random(`work-order:${n}`);
  const shipment = po.shipment!;
  const shipped = shipment.lines[lineIndex]!;
  const quantity = shipped.quantity;
  const scrap = (q: number) => (r.chance(0.7) ? 0 : r.int(1, Math.max(1, Math.round(q * 0.04))));
  const subScrap = scrap(quantity);
  const subLot = { id: seedId('subassembly-lot', n), number: `S${String(n + 1).padStart(7, '0')}` };
  const inputs = [components[r.int(0, components.length - 1)]!, components[r.int(0, components.length - 1)]!];
  const subProduct = inputs[0]!.productId;
  const finalStart = addDays(shipment.shippedOn, -3);
  const subStart = addDays(finalStart, -4);
  const base = { supplierId: po.supplierId, facilityId: shipment.facilityId };
  yield {
    ...base, id: seedId('work-order', n * 2), number: `WO-${String(n * 2 + 1).padStart(7, '0')}`, stage: 'SUBASSEMBLY',
    lineId: lines[0]!.id, productId: subProduct, purchaseOrderLineId: null, outputLotId: subLot.id, outputLotNumber: subLot.number,
    quantityPlanned: quantity + subScrap, quantityGood: quantity, quantityScrap: subScrap, startedOn: subStart, completedOn: addDays(subStart, 2),
    consumed: inputs.map((input) => ({ ...input, quantity: Math.min(input.quantity, quantity + subScrap) })),
  };
  const finalScrap = scrap(quantity);
  yield {
    ...base, id: seedId('work-order', n * 2 + 1), number: `WO-${String(n * 2 + 2).padStart(7, '0')}`, stage: 'FINAL',
    lineId: (lines[1] ?? lines[0])!.id, productId: po.lines[lineIndex]!.productId, purchaseOrderLineId: po.lines[lineIndex]!.id,
    outputLotId: shipped.lotId, outputLotNumber: shipped.lotNumber,
    quantityPlanned: quantity + finalScrap, quantityGood: quantity, quantityScrap: finalScrap, startedOn: finalStart, completedOn: addDays(finalStart, 2),
    consumed: [{ lotId: subLot.id, productId: subProduct, quantity }],
  };
}
