// Seeds production's part of the demo world in bulk: the default downtime reasons, lines and machines of
// every CM facility, a BOM per product the work orders make, the work orders (CLOSED, with output lot,
// consumption and the stops of their run), and machine telemetry with its alerts. Work orders stream
// twice (BOMs first, for the foreign key) in chunks, so memory stays flat at any scale.
import type { Client } from 'pg';
import {
  insertRows, productionTopology, random, seedId, workOrders, type SeedContext, type SeedLine, type SeedMachine, type SeedWorkOrder,
  type SubgraphSeed,
} from '@cmgraph/seedkit';
import { DEFAULT_DOWNTIME_REASONS } from './downtime/downtime.defaults';
import { simulateRun } from './seed.run';
import { seedTelemetry } from './seed.telemetry';
import {
  BOM_COLUMNS, BOM_LINE_COLUMNS, CONSUMPTION_COLUMNS, DOWNTIME_COLUMNS, LINE_COLUMNS, MACHINE_COLUMNS, OUTPUT_COLUMNS, REASON_COLUMNS,
  WORK_ORDER_COLUMNS, type BomLineRow, type ConsumptionRow, type DowntimeRow, type OutputRow, type WorkOrderRow,
} from './seed.columns';

/** Work orders per batch: each brings about one output, two consumptions and a few stops. */
const CHUNK = 2_000;

interface Batch {
  orders: WorkOrderRow[];
  outputs: OutputRow[];
  consumption: ConsumptionRow[];
  stops: DowntimeRow[];
}

export const seed: SubgraphSeed = async ({ db, world, progress }) => {
  const reasons = DEFAULT_DOWNTIME_REASONS.map((reason, i) => ({ id: seedId('downtime-reason', i), ...reason }));
  await insertRows(db, 'downtime_reason', REASON_COLUMNS, reasons);
  const { lines, machines } = productionTopology(world);
  await insertRows(db, 'line', LINE_COLUMNS, lines);
  await insertRows(db, 'machine', MACHINE_COLUMNS, machines);
  progress(reasons.length + lines.length + machines.length);

  const boms = await seedBillsOfMaterials(db, world, progress);
  const uomOf = new Map(world.products.map((p) => [p.id, p.uom]));
  const lineOf = new Map(lines.map((l) => [l.id, l]));
  const machinesOf = new Map<string, SeedMachine[]>();
  for (const m of machines) machinesOf.set(m.lineId, [...(machinesOf.get(m.lineId) ?? []), m]);
  const reasonId = new Map(reasons.map((r) => [r.code as string, r.id]));
  const counters = { outputs: 0, consumption: 0, stops: 0 };
  const lineFreeAt = new Map<string, number>();

  let batch = emptyBatch();
  for (const order of workOrders(world)) {
    const line = lineOf.get(order.lineId)!;
    addWorkOrder(batch, order, { bomId: boms.get(order.productId)!, uomOf, line, machines: machinesOf.get(line.id)!, reasonId, lineFreeAt, counters });
    if (batch.orders.length === CHUNK) {
      await writeBatch(db, batch, progress);
      batch = emptyBatch();
    }
  }
  await writeBatch(db, batch, progress);
  await seedTelemetry(db, machines, lineOf, progress);
};

/** One ACTIVE version 1 per product a work order makes; its components are the products it consumed. */
async function seedBillsOfMaterials(db: Client, world: SeedContext['world'], progress: (rows: number) => void): Promise<Map<string, string>> {
  const components = new Map<string, Set<string>>();
  for (const order of workOrders(world)) {
    const set = components.get(order.productId) ?? new Set<string>();
    for (const input of order.consumed) if (input.productId !== order.productId) set.add(input.productId);
    components.set(order.productId, set);
  }
  const uomOf = new Map(world.products.map((p) => [p.id, p.uom]));
  const ids = new Map<string, string>();
  const lines: BomLineRow[] = [];
  for (const [productId, parts] of components) {
    const bomId = seedId('bom', ids.size);
    ids.set(productId, bomId);
    for (const part of parts) lines.push({ id: seedId('bom-line', lines.length), bomId, componentProductId: part, uom: uomOf.get(part) ?? 'EA' });
  }
  const boms = [...ids].map(([productId, id]) => ({ id, productId }));
  for (let i = 0; i < boms.length; i += 5_000) await insertRows(db, 'bill_of_materials', BOM_COLUMNS, boms.slice(i, i + 5_000));
  for (let i = 0; i < lines.length; i += 5_000) await insertRows(db, 'bill_of_materials_line', BOM_LINE_COLUMNS, lines.slice(i, i + 5_000));
  progress(boms.length + lines.length);
  return ids;
}

interface OrderContext {
  bomId: string;
  uomOf: Map<string, string>;
  line: SeedLine;
  machines: SeedMachine[];
  reasonId: Map<string, string>;
  /** When each line finished its latest order (one entry per line: bounded memory). */
  lineFreeAt: Map<string, number>;
  counters: { outputs: number; consumption: number; stops: number };
}

function addWorkOrder(batch: Batch, order: SeedWorkOrder, ctx: OrderContext): void {
  const run = simulateRun(order, ctx.line, ctx.machines, ctx.lineFreeAt.get(order.lineId) ?? 0, random(`production:run:${order.id}`));
  ctx.lineFreeAt.set(order.lineId, run.end);
  const actualStart = new Date(run.start).toISOString();
  const actualEnd = new Date(run.end).toISOString();
  batch.orders.push({
    id: order.id, number: order.number, productId: order.productId, bomId: ctx.bomId, facilityId: order.facilityId, lineId: order.lineId,
    purchaseOrderLineId: order.purchaseOrderLineId, uom: ctx.uomOf.get(order.productId) ?? 'EA', planned: order.quantityPlanned,
    good: order.quantityGood, scrap: order.quantityScrap, plannedStart: `${order.startedOn}T06:00:00Z`, plannedEnd: `${order.completedOn}T18:00:00Z`,
    actualStart, actualEnd,
  });
  batch.outputs.push({
    id: seedId('work-order-output', ctx.counters.outputs++), workOrderId: order.id, lotId: order.outputLotId,
    good: order.quantityGood, scrap: order.quantityScrap, reportedAt: actualEnd,
  });
  for (const input of order.consumed) {
    batch.consumption.push({
      id: seedId('consumption', ctx.counters.consumption++), workOrderId: order.id, lotId: input.lotId, productId: input.productId,
      quantity: input.quantity, uom: ctx.uomOf.get(input.productId) ?? 'EA', consumedAt: actualStart,
    });
  }
  for (const stop of run.stops) {
    batch.stops.push({
      id: seedId('downtime', ctx.counters.stops++), machineId: stop.machineId, reasonId: ctx.reasonId.get(stop.reasonCode)!,
      startedAt: new Date(stop.start).toISOString(), endedAt: new Date(stop.end).toISOString(), planned: stop.planned,
    });
  }
}

function emptyBatch(): Batch {
  return { orders: [], outputs: [], consumption: [], stops: [] };
}

/** Parents before children, so every foreign key holds at each INSERT. */
async function writeBatch(db: Client, batch: Batch, progress: (rows: number) => void): Promise<void> {
  await insertRows(db, 'work_order', WORK_ORDER_COLUMNS, batch.orders);
  await insertRows(db, 'work_order_output', OUTPUT_COLUMNS, batch.outputs);
  await insertRows(db, 'material_consumption', CONSUMPTION_COLUMNS, batch.consumption);
  await insertRows(db, 'downtime_event', DOWNTIME_COLUMNS, batch.stops);
  progress(batch.orders.length + batch.outputs.length + batch.consumption.length + batch.stops.length);
}
