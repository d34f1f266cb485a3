// Column maps for the bulk seed: how each seeded row becomes a column of an `unnest` INSERT.
import type { Column } from '@cmgraph/seedkit';
import type { SeedLocation, SeedProduct } from '@cmgraph/seedkit';

export interface LotRow { id: string; productId: string; lotNumber: string; supplierId: string; createdAt: string; manufacturedOn: string; expiresOn: string }
export interface ReceiptRow { id: string; shipmentId: string; locationId: string; supplierId: string; receivedAt: string }
export interface ReceiptLineRow { id: string; receiptId: string; productId: string; lotId: string; shipmentLineId: string; quantity: number; createdAt: string }
export interface MovementRow {
  id: string; type: 'RECEIPT' | 'ISSUE'; productId: string; lotId: string; fromLocationId: string | null; toLocationId: string | null;
  quantity: number; occurredAt: string; reference: string;
}
export interface StockLevelRow { id: string; productId: string; locationId: string; onHand: number; safetyStock: number; reorderPoint: number }

const SEEDED_AT = '2026-11-01T00:00:00Z';

/** id, created_at and updated_at, the base-entity columns every table has. */
function base<Row extends { id: string }>(createdAt: (row: Row) => string): Column<Row>[] {
  return [
    { name: 'id', type: 'uuid[]', value: (r) => r.id },
    { name: 'created_at', type: 'timestamptz[]', value: createdAt },
    { name: 'updated_at', type: 'timestamptz[]', value: createdAt },
  ];
}

export const PRODUCT_COLUMNS: Column<SeedProduct>[] = [
  ...base<SeedProduct>(() => SEEDED_AT),
  { name: 'sku', type: 'text[]', value: (p) => p.sku },
  { name: 'gtin', type: 'text[]', value: (p) => p.gtin },
  { name: 'name', type: 'text[]', value: (p) => p.name },
  { name: 'uom', type: 'text[]', value: (p) => p.uom },
  { name: 'tracking', type: 'text[]', value: (p) => (p.lotTracked ? 'LOT' : 'NONE') },
];

export const LOCATION_COLUMNS: Column<SeedLocation>[] = [
  ...base<SeedLocation>(() => SEEDED_AT),
  { name: 'code', type: 'text[]', value: (l) => l.code },
  { name: 'name', type: 'text[]', value: (l) => l.name },
  { name: 'type', type: 'text[]', value: () => 'DISTRIBUTION_CENTER' },
  { name: 'country', type: 'text[]', value: (l) => l.country },
];

export const LOT_COLUMNS: Column<LotRow>[] = [
  ...base<LotRow>((l) => l.createdAt),
  { name: 'product_id', type: 'uuid[]', value: (l) => l.productId },
  { name: 'lot_number', type: 'text[]', value: (l) => l.lotNumber },
  { name: 'status', type: 'text[]', value: () => 'AVAILABLE' },
  { name: 'supplier_id', type: 'uuid[]', value: (l) => l.supplierId },
  { name: 'manufactured_on', type: 'date[]', value: (l) => l.manufacturedOn },
  { name: 'expires_on', type: 'date[]', value: (l) => l.expiresOn },
];

export const RECEIPT_COLUMNS: Column<ReceiptRow>[] = [
  ...base<ReceiptRow>((r) => r.receivedAt),
  { name: 'shipment_id', type: 'uuid[]', value: (r) => r.shipmentId },
  { name: 'location_id', type: 'uuid[]', value: (r) => r.locationId },
  { name: 'supplier_id', type: 'uuid[]', value: (r) => r.supplierId },
  { name: 'received_at', type: 'timestamptz[]', value: (r) => r.receivedAt },
];

/** Seeded deliveries arrive complete and clean: expected = received = accepted = the shipped quantity. */
export const RECEIPT_LINE_COLUMNS: Column<ReceiptLineRow>[] = [
  ...base<ReceiptLineRow>((l) => l.createdAt),
  { name: 'receipt_id', type: 'uuid[]', value: (l) => l.receiptId },
  { name: 'product_id', type: 'uuid[]', value: (l) => l.productId },
  { name: 'lot_id', type: 'uuid[]', value: (l) => l.lotId },
  { name: 'shipment_line_id', type: 'uuid[]', value: (l) => l.shipmentLineId },
  { name: 'expected_quantity', type: 'float8[]', value: (l) => l.quantity },
  { name: 'received_quantity', type: 'float8[]', value: (l) => l.quantity },
  { name: 'accepted_quantity', type: 'float8[]', value: (l) => l.quantity },
  { name: 'rejected_quantity', type: 'float8[]', value: () => 0 },
];

export const MOVEMENT_COLUMNS: Column<MovementRow>[] = [
  ...base<MovementRow>((m) => m.occurredAt),
  { name: 'type', type: 'text[]', value: (m) => m.type },
  { name: 'product_id', type: 'uuid[]', value: (m) => m.productId },
  { name: 'lot_id', type: 'uuid[]', value: (m) => m.lotId },
  { name: 'from_location_id', type: 'uuid[]', value: (m) => m.fromLocationId },
  { name: 'to_location_id', type: 'uuid[]', value: (m) => m.toLocationId },
  { name: 'quantity', type: 'float8[]', value: (m) => m.quantity },
  { name: 'occurred_at', type: 'timestamptz[]', value: (m) => m.occurredAt },
  { name: 'reference', type: 'text[]', value: (m) => m.reference },
];

export const STOCK_LEVEL_COLUMNS: Column<StockLevelRow>[] = [
  ...base<StockLevelRow>(() => SEEDED_AT),
  { name: 'product_id', type: 'uuid[]', value: (s) => s.productId },
  { name: 'location_id', type: 'uuid[]', value: (s) => s.locationId },
  { name: 'on_hand', type: 'float8[]', value: (s) => s.onHand },
  { name: 'reserved', type: 'float8[]', value: () => 0 },
  { name: 'in_transit', type: 'float8[]', value: () => 0 },
  { name: 'safety_stock', type: 'float8[]', value: (s) => s.safetyStock },
  { name: 'reorder_point', type: 'float8[]', value: (s) => s.reorderPoint },
];
