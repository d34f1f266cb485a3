// Builders for quality tests: lots that really arrived (supplier, PO, shipment, delivery, and the
// receipt inventory books for it, all through the gateway), inspection plans, a stand-in production
// subgraph, and row counts for refused mutations.
import { dataOf, startEntitiesStub, type EntitiesStub, type GraphqlResponse, type Stack } from '@cmgraph/testkit';

let serial = 0;

export async function mutate<T = any>(stack: Stack, document: string, input: unknown): Promise<T> {
  return dataOf(await stack.gateway<T>(document, { input }));
}

export interface ReceivedLots {
  supplierId: string;
  productId: string;
  shipmentId: string;
  receiptId: string;
  lotIds: string[];
}

/** A supplier delivers one shipment with one lot per quantity of one product (a new one unless given), received in full. */
export async function receivedLots(stack: Stack, quantities: number[], product?: string): Promise<ReceivedLots> {
  const n = ++serial;
  const { createSupplier } = await mutate(stack, `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`, {
    code: `CP-${String(n).padStart(4, '0')}`, name: `Component maker ${n}`, type: 'COMPONENT', country: 'MX',
  });
  const supplierId = createSupplier.id;
  const { addFacility } = await mutate(stack, `mutation($input: AddFacilityInput!) { addFacility(input: $input) { id } }`, {
    supplierId, name: `Plant ${n}`, country: 'MX', region: 'North America', nearshore: true, capabilities: ['SMT'],
  });
  const { createLocation } = await mutate(stack, `mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }`, {
    code: `DC-${n}`, name: `Warehouse ${n}`, type: 'WAREHOUSE', country: 'US',
  });
  const productId = product ?? await createProduct(stack, `PART-${n}`);
  const { createPurchaseOrder: po } = await mutate(stack, `mutation($input: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $input) { id lines { id } } }`, {
    number: `PO-${n}`, supplierId, shipToLocationId: createLocation.id, incoterms: 'FCA', currency: 'USD',
    lines: quantities.map((quantity) => ({ productId, quantity, uom: 'EA', unitPrice: 1, requestedDate: '2026-03-01' })),
  });
  dataOf(await stack.gateway(`mutation($id: ID!) { sendPurchaseOrder(id: $id) { id } }`, { id: po.id }));
  await mutate(stack, `mutation($input: AcknowledgePurchaseOrderInput!) { acknowledgePurchaseOrder(input: $input) { id } }`, {
    purchaseOrderId: po.id, lines: po.lines.map((line: { id: string }) => ({ lineId: line.id, status: 'ACCEPTED', promisedDate: '2026-03-01' })),
  });
  const lotNumbers = quantities.map((_, i) => `L${n}-${i + 1}`);
  const { createShipment } = await mutate(stack, `mutation($input: CreateShipmentInput!) { createShipment(input: $input) { id lines { id } } }`, {
    number: `ASN-${n}`, supplierId, shipFromFacilityId: addFacility.id, shipToLocationId: createLocation.id, carrier: 'DHL', mode: 'ROAD',
    eta: '2026-03-01', lines: po.lines.map((line: { id: string }, i: number) => ({ purchaseOrderLineId: line.id, quantity: quantities[i], lotNumber: lotNumbers[i] })),
  });
  await mutate(stack, `mutation($input: RecordShipmentMilestoneInput!) { recordShipmentMilestone(input: $input) { id } }`, {
    shipmentId: createShipment.id, type: 'DELIVERED', occurredAt: '2026-03-01T10:00:00Z',
  });
  // Inventory books the receipt itself when it sees the delivery (an event); receive by hand only if it did not.
  await stack.settle();
  const { shipment } = dataOf(await stack.gateway<any>(`query($id: ID!) { shipment(id: $id) { receipt { id lines { lot { id lotNumber } } } } }`, { id: createShipment.id }));
  const receipt: { id: string; lines: { lot: { id: string; lotNumber: string } }[] } = shipment.receipt ?? (await mutate(stack,
    `mutation($input: ReceiveShipmentInput!) { receiveShipment(input: $input) { id lines { lot { id lotNumber } } } }`, {
      shipmentId: createShipment.id, locationId: createLocation.id, supplierId, receivedAt: '2026-03-01T12:00:00Z',
      lines: quantities.map((quantity, i) => ({
        productId, lotNumber: lotNumbers[i], receivedQuantity: quantity, acceptedQuantity: quantity, rejectedQuantity: 0, shipmentLineId: createShipment.lines[i].id,
      })),
    })).receiveShipment;
  const lotByNumber = new Map(receipt.lines.map((line) => [line.lot.lotNumber, line.lot.id]));
  return { supplierId, productId, shipmentId: createShipment.id, receiptId: receipt.id, lotIds: lotNumbers.map((number) => lotByNumber.get(number)!) };
}

export async function createProduct(stack: Stack, sku: string): Promise<string> {
  const { createProduct } = await mutate(stack, `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`, {
    sku, name: `Product ${sku}`, uom: 'EA', tracking: 'LOT',
  });
  return createProduct.id;
}

/** A lot made at a CM (registered in inventory, as production's work-order output would be). */
export async function registeredLot(stack: Stack, productId: string, supplierId: string): Promise<string> {
  const { registerLot } = await mutate(stack, `mutation($input: RegisterLotInput!) { registerLot(input: $input) { id } }`, {
    productId, lotNumber: `FG-${++serial}`, supplierId,
  });
  return registerLot.id;
}

export const CREATE_PLAN = `mutation($input: CreateInspectionPlanInput!) { createInspectionPlan(input: $input) { id version active } }`;

/** AQL 1.0 incoming plan: outer diameter 10 ± 0.1 mm, weight 50–55 g. */
export async function incomingPlan(stack: Stack, productId: string): Promise<string> {
  const { createInspectionPlan } = await mutate(stack, CREATE_PLAN, {
    productId, name: 'Incoming check', trigger: 'INCOMING', samplingMethod: 'AQL', aql: 1.0,
    characteristics: [
      { name: 'Outer diameter', nominal: 10, lowerLimit: 9.9, upperLimit: 10.1, unit: 'MM' },
      { name: 'Weight', nominal: 52, lowerLimit: 50, upperLimit: 55, unit: 'G' },
    ],
  });
  return createInspectionPlan.id;
}

export const GOOD_READINGS = [{ characteristic: 'Outer diameter', value: 10.02, unit: 'MM' }, { characteristic: 'Weight', value: 52, unit: 'G' }];

export const RECORD = `mutation($input: RecordInspectionInput!) {
  recordInspection(input: $input) { id result firstPass sampleSize acceptanceNumber nonConformances { id number quantity status severity } }
}`;

export async function inspect(stack: Stack, input: Record<string, unknown>): Promise<any> {
  return (await mutate(stack, RECORD, { readings: GOOD_READINGS, ...input })).recordInspection;
}

export function errorOf(response: GraphqlResponse<unknown>) {
  return response.errors?.[0];
}

const TABLES = ['inspection', 'inspection_reading', 'non_conformance', 'inspection_plan', 'inspection_characteristic', 'corrective_action', 'corrective_action_step', 'recall', 'document_counter'];

/** Rows per table in the quality database, read straight from PostgreSQL. */
export async function rowCounts(stack: Stack): Promise<Record<string, number>> {
  const sql = TABLES.map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(' union all ');
  const rows = await stack.subgraphs.quality!.server.orm.em.getConnection().execute<{ t: string; n: number }[]>(sql);
  return Object.fromEntries(rows.map((row) => [row.t, row.n]));
}

/** Stands in for production in reference checks: resolves the WorkOrder ids added to `known`. */
export const startProductionStub = () => startEntitiesStub();
export type ProductionStub = EntitiesStub;
