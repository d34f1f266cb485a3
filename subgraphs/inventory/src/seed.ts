// Seeds inventory's part of the demo universe in bulk: products, locations, and for every delivered
// shipment its lots, receipt, RECEIPT movements and later ISSUEs; stock levels are summed from the
// ledger at the end; the subassembly lots CMs make from received components are registered too. POs are streamed in chunks so `large` (1,000,000 lines) never sits in memory.
import type { Client } from 'pg';
import type { SubgraphSeed } from '@cmgraph/seedkit';
import { insertRows } from '@cmgraph/seedkit';
import { random, seedId } from '@cmgraph/seedkit';
import { addDays, SEED_TODAY, workOrders, type SeedPurchaseOrder, type Universe } from '@cmgraph/seedkit';
import { DEMAND_WINDOW_DAYS } from './stock/stock.rules';
import {
  LOCATION_COLUMNS, LOT_COLUMNS, MOVEMENT_COLUMNS, PRODUCT_COLUMNS, RECEIPT_COLUMNS, RECEIPT_LINE_COLUMNS, STOCK_LEVEL_COLUMNS,
  type LotRow, type MovementRow, type ReceiptLineRow, type ReceiptRow,
} from './seed.columns';

/** POs per batch: 4 lines each, so about 5,000 rows per table per INSERT. */
const CHUNK = 1_250;
/** Share of each receipt issued onward later, so days of supply has demand to divide by. */
const ISSUED_SHARE = 0.6;

interface Batch {
  lots: LotRow[];
  receipts: ReceiptRow[];
  lines: ReceiptLineRow[];
  movements: MovementRow[];
}

export const seed: SubgraphSeed = async ({ db, world, progress }) => {
  await insertRows(db, 'product', PRODUCT_COLUMNS, world.products);
  progress(world.products.length);
  await insertRows(db, 'location', LOCATION_COLUMNS, world.locations);
  progress(world.locations.length);

  let batch = emptyBatch();
  let pending = 0;
  for (const po of world.purchaseOrders()) {
    addDelivery(batch, po);
    if (++pending === CHUNK) {
      await writeBatch(db, batch, progress);
      batch = emptyBatch();
      pending = 0;
    }
  }
  await writeBatch(db, batch, progress);
  await writeSubassemblyLots(db, world, progress);
  await writeStockLevels(db, progress);
};

/** The lots CMs make from received components (work orders in seedkit's manufacturing world). */
async function writeSubassemblyLots(db: Client, world: Universe, progress: (rows: number) => void): Promise<void> {
  let lots: LotRow[] = [];
  const flush = async () => {
    await insertRows(db, 'lot', LOT_COLUMNS, lots);
    progress(lots.length);
    lots = [];
  };
  for (const order of workOrders(world)) {
    if (order.stage !== 'SUBASSEMBLY') continue;
    lots.push({
      id: order.outputLotId, productId: order.productId, lotNumber: order.outputLotNumber, supplierId: order.supplierId,
      createdAt: `${order.completedOn}T18:00:00Z`, manufacturedOn: order.completedOn, expiresOn: addDays(order.completedOn, 720),
    });
    if (lots.length === 5_000) await flush();
  }
  await flush();
}

function emptyBatch(): Batch {
  return { lots: [], receipts: [], lines: [], movements: [] };
}

/** A delivered shipment becomes a receipt at the PO's ship-to location, fully accepted. */
function addDelivery(batch: Batch, po: SeedPurchaseOrder): void {
  const shipment = po.shipment;
  if (!shipment?.deliveredOn) return;
  const r = random(`inventory:receipt:${po.index}`);
  const receivedAt = `${shipment.deliveredOn}T10:00:00Z`;
  const receiptId = seedId('receipt', po.index);
  batch.receipts.push({ id: receiptId, shipmentId: shipment.id, locationId: po.locationId, supplierId: po.supplierId, receivedAt });
  for (const line of shipment.lines) {
    const index = po.index * 4 + line.lineIndex;
    const productId = po.lines[line.lineIndex]!.productId;
    batch.lots.push({
      id: line.lotId, productId, lotNumber: line.lotNumber, supplierId: po.supplierId, createdAt: receivedAt,
      manufacturedOn: addDays(shipment.shippedOn, -r.int(2, 20)), expiresOn: addDays(shipment.shippedOn, r.int(120, 1_000)),
    });
    batch.lines.push({
      id: seedId('receipt-line', index), receiptId, productId, lotId: line.lotId, shipmentLineId: line.id,
      quantity: line.quantity, createdAt: receivedAt,
    });
    batch.movements.push({
      id: seedId('receipt-movement', index), type: 'RECEIPT', productId, lotId: line.lotId, fromLocationId: null,
      toLocationId: po.locationId, quantity: line.quantity, occurredAt: receivedAt, reference: `receipt:${receiptId}`,
    });
    // Goods leave some days after arrival, never after the universe's "today".
    const issuedOn = addDays(shipment.deliveredOn, r.int(3, 40));
    if (issuedOn <= SEED_TODAY) {
      batch.movements.push({
        id: seedId('issue-movement', index), type: 'ISSUE', productId, lotId: line.lotId, fromLocationId: po.locationId,
        toLocationId: null, quantity: Math.max(1, Math.round(line.quantity * ISSUED_SHARE)),
        occurredAt: `${issuedOn}T14:00:00Z`, reference: `seed:${po.number}`,
      });
    }
  }
}

/** Parents before children, so every foreign key holds at each INSERT. */
async function writeBatch(db: Client, batch: Batch, progress: (rows: number) => void): Promise<void> {
  await insertRows(db, 'lot', LOT_COLUMNS, batch.lots);
  await insertRows(db, 'receipt', RECEIPT_COLUMNS, batch.receipts);
  await insertRows(db, 'receipt_line', RECEIPT_LINE_COLUMNS, batch.lines);
  await insertRows(db, 'stock_movement', MOVEMENT_COLUMNS, batch.movements);
  progress(batch.lots.length + batch.receipts.length + batch.lines.length + batch.movements.length);
}

/**
 * Stock levels are the ledger's sums, per product and location (at most products × locations rows),
 * with safety stock of a week's and a reorder point of two weeks' recent demand.
 */
async function writeStockLevels(db: Client, progress: (rows: number) => void): Promise<void> {
  const { rows } = await db.query<{ product_id: string; location_id: string; on_hand: number; demand: number }>(
    `select product_id, location_id, sum(delta) as on_hand, sum(demand) as demand
     from (
       select product_id, to_location_id as location_id, quantity as delta, 0 as demand
       from stock_movement where to_location_id is not null
       union all
       select product_id, from_location_id, -quantity,
              case when type in ('ISSUE', 'CONSUME') and occurred_at > $1::timestamptz - make_interval(days => $2) then quantity else 0 end
       from stock_movement where from_location_id is not null
     ) ledger
     group by product_id, location_id
     order by product_id, location_id`,
    [`${SEED_TODAY}T23:59:59Z`, DEMAND_WINDOW_DAYS],
  );
  const levels = rows.map((row, i) => {
    const daily = Number(row.demand) / DEMAND_WINDOW_DAYS;
    return {
      id: seedId('stock-level', i), productId: row.product_id, locationId: row.location_id, onHand: Number(row.on_hand),
      safetyStock: Math.ceil(daily * 7), reorderPoint: Math.ceil(daily * 14),
    };
  });
  for (let start = 0; start < levels.length; start += 5_000) {
    const slice = levels.slice(start, start + 5_000);
    await insertRows(db, 'stock_level', STOCK_LEVEL_COLUMNS, slice);
    progress(slice.length);
  }
}
