// Seeds the orders part of the demo universe: purchase orders and lines, shipments with packages,
// lines and milestones. Streams the universe in rounds and writes each table in bulk (INSERT … SELECT
// unnest), parents before children, so `large` (1,000,000 lines) never sits in memory.
import type { SubgraphSeed } from '@cmgraph/seedkit';
import { BulkWriter } from '@cmgraph/seedkit';
import type { SeedPurchaseOrder } from '@cmgraph/seedkit';
import {
  eventColumns, lineColumns, packageColumns, purchaseOrderColumns, shipmentColumns, shipmentEvents, shipmentLineColumns,
  PACKAGES_PER_SHIPMENT, type EventRow, type LineRow, type PackageRow, type ShipmentLineRow, type ShipmentRow,
} from './seed.columns';

/** Orders per round: 4 lines each makes 5,000 line rows, one bulk statement for the largest table. */
const ROUND = 1_250;

export const seed: SubgraphSeed = async ({ db, world, progress }) => {
  const orders = new BulkWriter<SeedPurchaseOrder>(db, 'purchase_order', purchaseOrderColumns);
  const shipments = new BulkWriter<ShipmentRow>(db, 'shipment', shipmentColumns);
  const packages = new BulkWriter<PackageRow>(db, 'shipment_package', packageColumns);
  const lines = new BulkWriter<LineRow>(db, 'purchase_order_line', lineColumns);
  const shipmentLines = new BulkWriter<ShipmentLineRow>(db, 'shipment_line', shipmentLineColumns);
  const events = new BulkWriter<EventRow>(db, 'shipment_event', eventColumns);

  let round: SeedPurchaseOrder[] = [];
  const writeRound = async () => {
    // Table by table in foreign-key order: a child batch never reaches the database before its parents.
    const rows = { count: 0 };
    const write = async <Row>(writer: BulkWriter<Row>, items: Row[]) => {
      for (const item of items) await writer.add(item);
      await writer.flush();
      rows.count += items.length;
    };
    const shipped = round.filter((po) => po.shipment).map((po) => ({ po, shipment: po.shipment! }));
    await write(orders, round);
    await write(shipments, shipped);
    await write(packages, shipped.flatMap(({ po, shipment }) => Array.from({ length: PACKAGES_PER_SHIPMENT }, (_, k) => ({ po, shipment, k }))));
    await write(lines, round.flatMap(lineRows));
    await write(shipmentLines, shipped.flatMap(({ po, shipment }) => shipment.lines.map((line) => ({ po, shipment, line }))));
    await write(events, shipped.flatMap(({ po, shipment }) => shipmentEvents(po, shipment)));
    progress(rows.count);
    round = [];
  };

  for (const po of world.purchaseOrders()) {
    round.push(po);
    if (round.length >= ROUND) await writeRound();
  }
  if (round.length) await writeRound();
};

/** PO lines with shipped and delivered quantities consistent with the order's one shipment. */
function lineRows(po: SeedPurchaseOrder): LineRow[] {
  return po.lines.map((line, k) => {
    const shipped = po.shipment?.lines.find((s) => s.lineIndex === k)?.quantity ?? 0;
    return { po, line, shipped, delivered: po.shipment?.deliveredOn ? shipped : 0 };
  });
}
