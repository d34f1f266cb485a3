// How the demo universe's orders and shipments become rows of this subgraph's tables: one column list
// per table, each value derived from the universe, so every seed at a scale writes identical rows.
import type { Column } from '@cmgraph/seedkit';
import { seedId } from '@cmgraph/seedkit';
import { addDays, type SeedPurchaseOrder, type SeedShipment } from '@cmgraph/seedkit';
import { makeSscc } from './shipment/sscc';

type SeedLine = SeedPurchaseOrder['lines'][number];
type SeedShipmentLine = SeedShipment['lines'][number];

export interface LineRow { po: SeedPurchaseOrder; line: SeedLine; shipped: number; delivered: number }
export interface ShipmentRow { po: SeedPurchaseOrder; shipment: SeedShipment }
export interface PackageRow { po: SeedPurchaseOrder; shipment: SeedShipment; k: number }
export interface ShipmentLineRow { po: SeedPurchaseOrder; shipment: SeedShipment; line: SeedShipmentLine }
export interface EventRow { po: SeedPurchaseOrder; shipment: SeedShipment; k: number; type: 'PICKED_UP' | 'DELIVERED'; at: string }

/** Packages per shipment: lines 0–1 travel in the first, 2–3 in the second. */
export const PACKAGES_PER_SHIPMENT = 2;
const GS1_COMPANY_PREFIX = '0614141'; // GS1's example prefix, never a real company's
const INCOTERMS = ['FCA', 'FOB', 'DAP', 'DDP', 'EXW', 'CIF'] as const;
const CARRIERS = { ROAD: 'XPO Logistics', SEA: 'Maersk', AIR: 'DHL Aviation' } as const;

const at = (day: string, time: string) => new Date(`${day}T${time}Z`);
const orderedAt = (po: SeedPurchaseOrder) => at(po.orderedOn, '09:00:00');
const acknowledged = (po: SeedPurchaseOrder) => po.status !== 'SENT';
const acknowledgedAt = (po: SeedPurchaseOrder) => (acknowledged(po) ? at(addDays(po.orderedOn, 2), '15:00:00') : null);
const closedAt = (po: SeedPurchaseOrder) => (po.status === 'CLOSED' ? at(po.shipment!.deliveredOn!, '14:00:00') : null);
const shippedAt = (s: SeedShipment) => at(s.shippedOn, '08:00:00');
const deliveredAt = (s: SeedShipment) => (s.deliveredOn ? at(s.deliveredOn, '14:00:00') : null);
/** The last thing that happened to the order, for `updatedSince`. */
const lastChange = (po: SeedPurchaseOrder) =>
  closedAt(po) ?? (po.shipment ? deliveredAt(po.shipment) ?? shippedAt(po.shipment) : null) ?? acknowledgedAt(po) ?? orderedAt(po);

export const packageIndex = (po: SeedPurchaseOrder, k: number) => po.index * PACKAGES_PER_SHIPMENT + k;

export const purchaseOrderColumns: Column<SeedPurchaseOrder>[] = [
  { name: 'id', type: 'uuid[]', value: (po) => po.id },
  { name: 'created_at', type: 'timestamptz[]', value: orderedAt },
  { name: 'updated_at', type: 'timestamptz[]', value: lastChange },
  { name: 'number', type: 'text[]', value: (po) => po.number },
  { name: 'supplier_id', type: 'uuid[]', value: (po) => po.supplierId },
  { name: 'ship_to_location_id', type: 'uuid[]', value: (po) => po.locationId },
  { name: 'status', type: 'text[]', value: (po) => po.status },
  { name: 'incoterms', type: 'text[]', value: (po) => INCOTERMS[po.index % INCOTERMS.length] },
  { name: 'currency', type: 'text[]', value: (po) => (po.index % 5 === 4 ? 'EUR' : 'USD') },
  { name: 'ordered_at', type: 'timestamptz[]', value: orderedAt },
  { name: 'sent_at', type: 'timestamptz[]', value: orderedAt },
  { name: 'acknowledged_at', type: 'timestamptz[]', value: acknowledgedAt },
  { name: 'closed_at', type: 'timestamptz[]', value: closedAt },
];

export const lineColumns: Column<LineRow>[] = [
  { name: 'id', type: 'uuid[]', value: (r) => r.line.id },
  { name: 'created_at', type: 'timestamptz[]', value: (r) => orderedAt(r.po) },
  { name: 'updated_at', type: 'timestamptz[]', value: (r) => lastChange(r.po) },
  { name: 'purchase_order_id', type: 'uuid[]', value: (r) => r.po.id },
  { name: 'supplier_id', type: 'uuid[]', value: (r) => r.po.supplierId },
  // the universe ships a line at most once: its facility is that shipment's
  { name: 'ship_from_facility_id', type: 'uuid[]', value: (r) => (r.shipped > 0 ? r.po.shipment!.facilityId : null) },
  { name: 'line_number', type: 'int[]', value: (r) => r.line.lineNumber },
  { name: 'product_id', type: 'uuid[]', value: (r) => r.line.productId },
  { name: 'quantity', type: 'numeric[]', value: (r) => r.line.quantity },
  { name: 'uom', type: 'text[]', value: (r) => r.line.uom },
  { name: 'unit_price', type: 'numeric[]', value: (r) => r.line.unitPrice },
  { name: 'requested_date', type: 'date[]', value: (r) => r.line.requestedDate },
  // The universe's promise is the only one ever made, so original and current promise agree.
  { name: 'original_promised_date', type: 'date[]', value: (r) => (acknowledged(r.po) ? r.line.promisedDate : null) },
  { name: 'current_promised_date', type: 'date[]', value: (r) => (acknowledged(r.po) ? r.line.promisedDate : null) },
  { name: 'ack_status', type: 'text[]', value: (r) => (acknowledged(r.po) ? 'ACCEPTED' : 'PENDING') },
  { name: 'quantity_shipped', type: 'numeric[]', value: (r) => r.shipped },
  { name: 'quantity_delivered', type: 'numeric[]', value: (r) => r.delivered },
  {
    name: 'delivered_in_full_on', type: 'date[]',
    value: (r) => (r.delivered >= r.line.quantity ? r.po.shipment!.deliveredOn : null),
  },
];

export const shipmentColumns: Column<ShipmentRow>[] = [
  { name: 'id', type: 'uuid[]', value: (r) => r.shipment.id },
  { name: 'created_at', type: 'timestamptz[]', value: (r) => shippedAt(r.shipment) },
  { name: 'updated_at', type: 'timestamptz[]', value: (r) => deliveredAt(r.shipment) ?? shippedAt(r.shipment) },
  { name: 'number', type: 'text[]', value: (r) => r.shipment.number },
  { name: 'supplier_id', type: 'uuid[]', value: (r) => r.po.supplierId },
  { name: 'ship_from_facility_id', type: 'uuid[]', value: (r) => r.shipment.facilityId },
  { name: 'ship_to_location_id', type: 'uuid[]', value: (r) => r.po.locationId },
  { name: 'carrier', type: 'text[]', value: (r) => CARRIERS[r.shipment.mode] },
  { name: 'mode', type: 'text[]', value: (r) => r.shipment.mode },
  { name: 'tracking_number', type: 'text[]', value: (r) => `${r.shipment.mode}${String(r.po.index + 1).padStart(10, '0')}` },
  { name: 'eta', type: 'date[]', value: (r) => r.shipment.eta },
  { name: 'status', type: 'text[]', value: (r) => (r.shipment.deliveredOn ? 'DELIVERED' : 'IN_TRANSIT') },
  { name: 'shipped_at', type: 'timestamptz[]', value: (r) => shippedAt(r.shipment) },
  { name: 'delivered_at', type: 'timestamptz[]', value: (r) => deliveredAt(r.shipment) },
  { name: 'gross_weight_kg', type: 'float8[]', value: (r) => packageWeight(r.po, 0) + packageWeight(r.po, 1) },
  { name: 'distance_km', type: 'float8[]', value: (r) => DISTANCE_KM[r.shipment.mode] + ((r.po.index * 53) % 400) },
];

const DISTANCE_KM = { ROAD: 1_200, SEA: 12_000, AIR: 9_000 } as const;
const packageWeight = (po: SeedPurchaseOrder, k: number) => 120 + ((packageIndex(po, k) * 37) % 480);

export const packageColumns: Column<PackageRow>[] = [
  { name: 'id', type: 'uuid[]', value: (r) => seedId('shipment-package', packageIndex(r.po, r.k)) },
  { name: 'created_at', type: 'timestamptz[]', value: (r) => shippedAt(r.shipment) },
  { name: 'updated_at', type: 'timestamptz[]', value: (r) => shippedAt(r.shipment) },
  { name: 'shipment_id', type: 'uuid[]', value: (r) => r.shipment.id },
  { name: 'sscc', type: 'text[]', value: (r) => makeSscc(GS1_COMPANY_PREFIX, packageIndex(r.po, r.k) + 1) },
  { name: 'weight_kg', type: 'numeric[]', value: (r) => packageWeight(r.po, r.k) },
];

export const shipmentLineColumns: Column<ShipmentLineRow>[] = [
  { name: 'id', type: 'uuid[]', value: (r) => r.line.id },
  { name: 'created_at', type: 'timestamptz[]', value: (r) => shippedAt(r.shipment) },
  { name: 'updated_at', type: 'timestamptz[]', value: (r) => shippedAt(r.shipment) },
  { name: 'shipment_id', type: 'uuid[]', value: (r) => r.shipment.id },
  {
    name: 'package_id', type: 'uuid[]',
    value: (r) => seedId('shipment-package', packageIndex(r.po, Math.floor((r.line.lineIndex * PACKAGES_PER_SHIPMENT) / r.po.lines.length))),
  },
  { name: 'purchase_order_line_id', type: 'uuid[]', value: (r) => r.po.lines[r.line.lineIndex]!.id },
  { name: 'purchase_order_id', type: 'uuid[]', value: (r) => r.po.id },
  { name: 'product_id', type: 'uuid[]', value: (r) => r.po.lines[r.line.lineIndex]!.productId },
  { name: 'quantity', type: 'numeric[]', value: (r) => r.line.quantity },
  { name: 'lot_number', type: 'text[]', value: (r) => r.line.lotNumber },
];

export const eventColumns: Column<EventRow>[] = [
  { name: 'id', type: 'uuid[]', value: (r) => seedId('shipment-event', r.po.index * 2 + r.k) },
  { name: 'created_at', type: 'timestamptz[]', value: (r) => new Date(r.at) },
  { name: 'updated_at', type: 'timestamptz[]', value: (r) => new Date(r.at) },
  { name: 'shipment_id', type: 'uuid[]', value: (r) => r.shipment.id },
  { name: 'type', type: 'text[]', value: (r) => r.type },
  { name: 'occurred_at', type: 'timestamptz[]', value: (r) => new Date(r.at) },
];

export function shipmentEvents(po: SeedPurchaseOrder, shipment: SeedShipment): EventRow[] {
  const events: EventRow[] = [{ po, shipment, k: 0, type: 'PICKED_UP', at: shippedAt(shipment).toISOString() }];
  const delivered = deliveredAt(shipment);
  if (delivered) events.push({ po, shipment, k: 1, type: 'DELIVERED', at: delivered.toISOString() });
  return events;
}
