// Builds a small supply chain through the gateway with the typed documents frontend teams use: a CM
// with two sites, products and a warehouse, a purchase order taken through acknowledgement, a partial
// shipment delivered and received.
import {
  AcknowledgePurchaseOrderDocument,
  AddFacilityDocument,
  CreateLocationDocument,
  CreatePurchaseOrderDocument,
  CreateShipmentDocument,
  CreateSupplierDocument,
  ReceiveShipmentDocument,
  RecordShipmentMilestoneDocument,
  SendPurchaseOrderDocument,
} from '@cmgraph/client';
import { dataOf, type Stack } from '@cmgraph/testkit';

export interface Chain {
  tag: string;
  supplierId: string;
  facilityId: string;
  locationId: string;
  productIds: string[];
  purchaseOrderId: string;
  lineIds: string[];
}

/** A supplier, its facilities, `products` products, a warehouse, and a DRAFT PO over `lines` lines. */
export async function createOrder(stack: Stack, tag: string, products: number, lines: number): Promise<Chain> {
  const { createSupplier } = dataOf(await stack.gateway(CreateSupplierDocument, {
    input: { code: `CM-${tag}`, name: `Contract maker ${tag}`, type: 'CM', country: 'MX' },
  }));
  const { addFacility } = dataOf(await stack.gateway(AddFacilityDocument, {
    input: { supplierId: createSupplier.id, name: `${tag} Monterrey`, country: 'MX', region: 'North America', nearshore: true, capabilities: ['SMT'] },
  }));
  await stack.gateway(AddFacilityDocument, {
    input: { supplierId: createSupplier.id, name: `${tag} Shenzhen`, country: 'CN', region: 'East Asia', nearshore: false, capabilities: [] },
  });
  const { createLocation } = dataOf(await stack.gateway(CreateLocationDocument, {
    input: { code: `DC-${tag}`, name: `Warehouse ${tag}`, type: 'WAREHOUSE', country: 'US' },
  }));
  const productIds = await createProducts(stack, tag, products);
  const { createPurchaseOrder } = dataOf(await stack.gateway(CreatePurchaseOrderDocument, {
    input: {
      number: `PO-${tag}`, supplierId: createSupplier.id, shipToLocationId: createLocation.id, incoterms: 'FCA', currency: 'USD',
      lines: Array.from({ length: lines }, (_, i) => ({
        productId: productIds[i % products]!, quantity: 100, uom: 'EA', unitPrice: 2.5, requestedDate: '2026-03-01',
      })),
    },
  }));
  return {
    tag,
    supplierId: createSupplier.id, facilityId: addFacility.id, locationId: createLocation.id, productIds,
    purchaseOrderId: createPurchaseOrder.id, lineIds: createPurchaseOrder.lines.map((line) => line.id),
  };
}

/** Products `<tag>-0000`…, a hundred per request (aliased mutations, straight to inventory: fixture set-up,
 *  not a gateway client — the gateway allows far fewer aliases) to keep large fixtures quick. */
async function createProducts(stack: Stack, tag: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 100) {
    const indexes = Array.from({ length: Math.min(100, count - start) }, (_, k) => start + k);
    const fields = indexes.map((i) => `p${i}: createProduct(input: { sku: "${tag}-${String(i).padStart(4, '0')}", name: "Part ${i}", uom: EA, tracking: LOT }) { id }`);
    const created = dataOf(await stack.subgraph('inventory')<Record<string, { id: string }>>(`mutation { ${fields.join(' ')} }`));
    ids.push(...indexes.map((i) => created[`p${i}`]!.id));
  }
  return ids;
}

/** Sends and accepts the PO (every line promised for 2026-03-05), ships 100 + 60 of the first two lines,
 *  delivers on 2026-03-04 and receives 100 + 55 accepted (5 rejected). */
export async function shipAndReceive(stack: Stack, chain: Chain): Promise<void> {
  dataOf(await stack.gateway(SendPurchaseOrderDocument, { id: chain.purchaseOrderId }));
  dataOf(await stack.gateway(AcknowledgePurchaseOrderDocument, {
    input: { purchaseOrderId: chain.purchaseOrderId, lines: chain.lineIds.map((lineId) => ({ lineId, status: 'ACCEPTED' as const, promisedDate: '2026-03-05' })) },
  }));
  const { createShipment } = dataOf(await stack.gateway(CreateShipmentDocument, {
    input: {
      number: `ASN-${chain.tag}`, supplierId: chain.supplierId, shipFromFacilityId: chain.facilityId,
      shipToLocationId: chain.locationId, carrier: 'DHL', mode: 'ROAD', eta: '2026-03-04', distanceKm: 850,
      lines: [
        { purchaseOrderLineId: chain.lineIds[0]!, quantity: 100, lotNumber: 'LOT-A' },
        { purchaseOrderLineId: chain.lineIds[1]!, quantity: 60, lotNumber: 'LOT-B' },
      ],
    },
  }));
  const milestone = async (type: 'PICKED_UP' | 'DELIVERED', occurredAt: string) =>
    dataOf(await stack.gateway(RecordShipmentMilestoneDocument, { input: { shipmentId: createShipment.id, type, occurredAt } }));
  await milestone('PICKED_UP', '2026-03-02T08:00:00Z');
  // the dock books the receipt (with its rejects) before the carrier's DELIVERED milestone; the
  // DELIVERED reaction in inventory then finds the shipment received and books nothing more
  dataOf(await stack.gateway(ReceiveShipmentDocument, {
    input: {
      shipmentId: createShipment.id, locationId: chain.locationId, supplierId: chain.supplierId, receivedAt: '2026-03-04T16:00:00Z',
      lines: [
        { productId: chain.productIds[0]!, lotNumber: 'LOT-A', expectedQuantity: 100, receivedQuantity: 100, acceptedQuantity: 100, rejectedQuantity: 0, shipmentLineId: createShipment.lines[0]!.id },
        { productId: chain.productIds[1 % chain.productIds.length]!, lotNumber: 'LOT-B', expectedQuantity: 60, receivedQuantity: 60, acceptedQuantity: 55, rejectedQuantity: 5, shipmentLineId: createShipment.lines[1]!.id },
      ],
    },
  }));
  await milestone('DELIVERED', '2026-03-04T15:00:00Z');
  await stack.settle();
}
