// Purchase orders and shipments for production tests (built as ADMIN through the gateway): a brand
// warehouse, a PO to a plant's supplier, its acknowledgement with promised dates, ASNs carrying lots, and
// their receipt at the warehouse — what delivery risk and recall impact read through federation.
import { dataOf, type Stack } from '@cmgraph/testkit';
import { mutate, type Plant } from './fixtures';

let serial = 0;
const next = () => ++serial;

export async function createWarehouse(stack: Stack, code = `DC-${next()}`): Promise<string> {
  const { createLocation } = await mutate(stack, `mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }`, {
    code, name: `Warehouse ${code}`, type: 'WAREHOUSE', country: 'US',
  });
  return createLocation.id;
}

export interface OrderLine {
  productId: string;
  quantity: number;
  /** The date the supplier promises at acknowledgement (null: the line stays unacknowledged, no promise). */
  promisedDate: string | null;
}

/** A PO of `plant`'s supplier shipping to `locationId`, sent, and acknowledged line by line. */
export async function placeOrder(stack: Stack, plant: Plant, locationId: string, lines: OrderLine[]): Promise<{ id: string; lineIds: string[] }> {
  const { createPurchaseOrder } = await mutate(stack, `mutation($input: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $input) { id lines { id } } }`, {
    number: `PO-P${String(next()).padStart(5, '0')}`, supplierId: plant.supplierId, shipToLocationId: locationId, incoterms: 'FCA', currency: 'USD',
    lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, uom: 'EA', unitPrice: 1, requestedDate: l.promisedDate ?? '2026-12-31' })),
  });
  const lineIds: string[] = createPurchaseOrder.lines.map((l: { id: string }) => l.id);
  dataOf(await stack.gateway(`mutation($id: ID!) { sendPurchaseOrder(id: $id) { id } }`, { id: createPurchaseOrder.id }));
  const answers = lines.flatMap((l, i) => (l.promisedDate ? [{ lineId: lineIds[i], status: 'ACCEPTED', promisedDate: l.promisedDate }] : []));
  if (answers.length) {
    await mutate(stack, `mutation($input: AcknowledgePurchaseOrderInput!) { acknowledgePurchaseOrder(input: $input) { id } }`, {
      purchaseOrderId: createPurchaseOrder.id, lines: answers,
    });
  }
  return { id: createPurchaseOrder.id, lineIds };
}

export interface ShippedLine {
  purchaseOrderLineId: string;
  quantity: number;
  lotNumber?: string;
}

/** An ASN from `plant`'s facility to `locationId` with an ETA; returns the shipment and its line ids. */
export async function ship(stack: Stack, plant: Plant, locationId: string, eta: string, lines: ShippedLine[]): Promise<{ id: string; lineIds: string[] }> {
  const { createShipment } = await mutate(stack, `mutation($input: CreateShipmentInput!) { createShipment(input: $input) { id lines { id } } }`, {
    number: `ASN-P${String(next()).padStart(5, '0')}`, supplierId: plant.supplierId, shipFromFacilityId: plant.facilityId, shipToLocationId: locationId,
    carrier: 'DHL', mode: 'ROAD', eta, lines,
  });
  return { id: createShipment.id, lineIds: createShipment.lines.map((l: { id: string }) => l.id) };
}

/** The warehouse books the receipt of every line in full. */
export async function receive(stack: Stack, plant: Plant, locationId: string, shipment: { id: string; lineIds: string[] }, lines: (ShippedLine & { productId: string })[]): Promise<void> {
  await mutate(stack, `mutation($input: ReceiveShipmentInput!) { receiveShipment(input: $input) { id } }`, {
    shipmentId: shipment.id, locationId, supplierId: plant.supplierId, receivedAt: '2026-03-10T10:00:00Z',
    lines: lines.map((l, i) => ({
      productId: l.productId, lotNumber: l.lotNumber, expectedQuantity: l.quantity, receivedQuantity: l.quantity, acceptedQuantity: l.quantity,
      rejectedQuantity: 0, shipmentLineId: shipment.lineIds[i],
    })),
  });
}
