// Builders for orders tests: the suppliers and inventory records an order points at, orders taken
// through their lifecycle, and row counts that prove a refused mutation wrote nothing.
import { dataOf, type GraphqlResponse, type Stack } from '@cmgraph/testkit';

let serial = 0;
const next = () => ++serial;

/** The data of a response, failing the test with the errors when there are any (the testkit's `dataOf`). */
export const ok: <T = any>(response: GraphqlResponse<T>) => T = dataOf;

export async function mutate<T = any>(stack: Stack, document: string, input: unknown): Promise<T> {
  return ok(await stack.gateway<T>(document, { input }));
}

export interface Parties {
  supplierId: string;
  facilityId: string;
  locationId: string;
  productIds: string[];
}

/** A supplier with one facility (suppliers), a warehouse and `products` products (inventory). */
export async function createParties(stack: Stack, products = 3): Promise<Parties> {
  const n = next();
  const { createSupplier } = await mutate(stack, `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`, {
    code: `CM-${String(n).padStart(4, '0')}`, name: `Contract Maker ${n}`, type: 'CM', country: 'MX',
  });
  const { addFacility } = await mutate(stack, `mutation($input: AddFacilityInput!) { addFacility(input: $input) { id } }`, {
    supplierId: createSupplier.id, name: `Plant ${n}`, country: 'MX', region: 'North America', nearshore: true, capabilities: ['SMT'],
  });
  const { createLocation } = await mutate(stack, `mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }`, {
    code: `DC-${n}`, name: `Warehouse ${n}`, type: 'WAREHOUSE', country: 'US',
  });
  const productIds: string[] = [];
  for (let i = 0; i < products; i++) {
    const { createProduct } = await mutate(stack, `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`, {
      sku: `SKU-${n}-${i}`, name: `Part ${n}-${i}`, uom: 'EA', tracking: 'LOT',
    });
    productIds.push(createProduct.id);
  }
  return { supplierId: createSupplier.id, facilityId: addFacility.id, locationId: createLocation.id, productIds };
}

export const CREATE_PO = `mutation($input: CreatePurchaseOrderInput!) {
  createPurchaseOrder(input: $input) { id number status lines { id lineNumber quantity openQuantity ackStatus } }
}`;
export const SEND_PO = `mutation($id: ID!) { sendPurchaseOrder(id: $id) { id status sentAt } }`;
export const ACKNOWLEDGE_PO = `mutation($input: AcknowledgePurchaseOrderInput!) {
  acknowledgePurchaseOrder(input: $input) {
    id status acknowledgedAt
    lines { id ackStatus originalPromisedDate currentPromisedDate openQuantity }
  }
}`;
export const CREATE_SHIPMENT = `mutation($input: CreateShipmentInput!) {
  createShipment(input: $input) { id number status lines { id quantity purchaseOrderLine { id quantityShipped openQuantity } } }
}`;
export const RECORD_MILESTONE = `mutation($input: RecordShipmentMilestoneInput!) {
  recordShipmentMilestone(input: $input) { id status shippedAt deliveredAt eta events { type occurredAt } }
}`;

export interface LineSpec {
  quantity: number;
  requestedDate?: string;
  unitPrice?: number;
  productIndex?: number;
}

export function purchaseOrderInput(parties: Parties, lines: LineSpec[], overrides: Record<string, unknown> = {}) {
  return {
    number: `PO-${String(next()).padStart(7, '0')}`, supplierId: parties.supplierId, shipToLocationId: parties.locationId,
    incoterms: 'FCA', currency: 'USD',
    lines: lines.map((line, i) => ({
      productId: parties.productIds[(line.productIndex ?? i) % parties.productIds.length], quantity: line.quantity, uom: 'EA',
      unitPrice: line.unitPrice ?? 2.5, requestedDate: line.requestedDate ?? '2026-03-01',
    })),
    ...overrides,
  };
}

export interface CreatedOrder {
  id: string;
  number: string;
  lines: { id: string; lineNumber: number }[];
}

/** Creates and sends an order, then accepts every line with the given promised dates (default: requested). */
export async function acknowledgedOrder(stack: Stack, parties: Parties, lines: (LineSpec & { promisedDate?: string; status?: string })[]): Promise<CreatedOrder> {
  const { createPurchaseOrder: order } = await mutate(stack, CREATE_PO, purchaseOrderInput(parties, lines));
  ok(await stack.gateway(SEND_PO, { id: order.id }));
  await mutate(stack, ACKNOWLEDGE_PO, {
    purchaseOrderId: order.id,
    lines: order.lines.map((line: { id: string }, i: number) => ({
      lineId: line.id, status: lines[i]!.status ?? 'ACCEPTED', promisedDate: lines[i]!.promisedDate ?? lines[i]!.requestedDate ?? '2026-03-01',
    })),
  });
  return order;
}

export function shipmentInput(parties: Parties, lines: { purchaseOrderLineId: string; quantity: number; packageSscc?: string }[], overrides: Record<string, unknown> = {}) {
  return {
    number: `ASN-${String(next()).padStart(7, '0')}`, supplierId: parties.supplierId, shipFromFacilityId: parties.facilityId,
    shipToLocationId: parties.locationId, carrier: 'DHL', mode: 'ROAD', trackingNumber: `TRK${next()}`, eta: '2026-03-05',
    packages: [], lines: lines.map((line) => ({ lotNumber: 'LOT-1', ...line })), ...overrides,
  };
}

/** Books a shipment and records its delivery at `deliveredAt`. */
export async function deliver(stack: Stack, parties: Parties, lines: { purchaseOrderLineId: string; quantity: number }[], deliveredAt: string): Promise<string> {
  const { createShipment } = await mutate(stack, CREATE_SHIPMENT, shipmentInput(parties, lines));
  await mutate(stack, RECORD_MILESTONE, { shipmentId: createShipment.id, type: 'DELIVERED', occurredAt: deliveredAt });
  return createShipment.id;
}

const TABLES = ['purchase_order', 'purchase_order_line', 'shipment', 'shipment_line', 'shipment_package', 'shipment_event'];

/** Rows per table in the orders database, read straight from PostgreSQL. */
export async function rowCounts(stack: Stack): Promise<Record<string, number>> {
  const sql = TABLES.map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(' union all ');
  const rows = await stack.subgraphs.orders!.server.orm.em.getConnection().execute<{ t: string; n: number }[]>(sql);
  return Object.fromEntries(rows.map((row) => [row.t, row.n]));
}

/** Sum of shipped and delivered quantities over all PO lines (a refused shipment must not move them). */
export async function lineTotals(stack: Stack): Promise<{ shipped: number; delivered: number }> {
  const [row] = await stack.subgraphs.orders!.server.orm.em.getConnection().execute<{ shipped: string; delivered: string }[]>(
    'select coalesce(sum(quantity_shipped), 0) as shipped, coalesce(sum(quantity_delivered), 0) as delivered from purchase_order_line',
  );
  return { shipped: Number(row!.shipped), delivered: Number(row!.delivered) };
}
