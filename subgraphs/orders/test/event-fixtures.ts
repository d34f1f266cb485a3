// Builders for the event tests: a stack of inventory + orders with a stand-in for suppliers (its only
// part in these tests is saying that supplier and facility ids exist), orders taken through their life
// by calling the orders subgraph directly, and the outbox read straight from PostgreSQL.
import { newId } from '@cmgraph/platform';
import {
  dataOf, outboxHead, outboxOf, startEntitiesStub, startStack, writerOf as writerOfRow, type EntitiesStub, type GraphqlClient, type Stack,
} from '@cmgraph/testkit';
import { ACKNOWLEDGE_PO, CREATE_PO, CREATE_SHIPMENT, SEND_PO, purchaseOrderInput, shipmentInput, type CreatedOrder, type Parties } from './fixtures';

export interface Scene {
  stack: Stack;
  suppliers: EntitiesStub;
  /** Straight to the orders subgraph. */
  orders: GraphqlClient;
  stop(): Promise<void>;
}

/**
 * `withoutRelay`: orders runs no relay, so its outbox rows stay exactly as the mutations wrote them (the
 * relay marks rows relayed, which rewrites their xmin); nothing in such a test may wait for events to settle.
 */
export async function startScene(options: { withoutRelay?: boolean } = {}): Promise<Scene> {
  const suppliers = await startEntitiesStub();
  const stack = await startStack(['inventory', 'orders'], {
    peers: { suppliers: suppliers.url },
    withoutWorkers: options.withoutRelay ? ['orders'] : [],
  });
  return {
    stack,
    suppliers,
    orders: stack.subgraph('orders'),
    async stop() {
      await stack.stop();
      await suppliers.close();
    },
  };
}

let serial = 0;

/** A supplier and facility the stand-in knows, a warehouse and `products` lot-tracked products in inventory. */
export async function createParties(scene: Scene, products = 2): Promise<Parties> {
  const n = ++serial;
  const supplierId = newId();
  const facilityId = newId();
  scene.suppliers.known.add(supplierId).add(facilityId);
  const inventory = scene.stack.subgraph('inventory');
  const { createLocation } = dataOf(await inventory(`mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }`, {
    input: { code: `EV-DC-${n}`, name: `Warehouse ${n}`, type: 'WAREHOUSE', country: 'US' },
  }));
  const productIds: string[] = [];
  for (let i = 0; i < products; i++) {
    const { createProduct } = dataOf(await inventory(`mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`, {
      input: { sku: `EV-${n}-${i}`, name: `Part ${n}-${i}`, uom: 'EA', tracking: 'LOT' },
    }));
    productIds.push(createProduct.id);
  }
  return { supplierId, facilityId, locationId: createLocation.id, productIds };
}

export async function call<T = any>(scene: Scene, document: string, variables: Record<string, unknown>): Promise<T> {
  return dataOf(await scene.orders<T>(document, variables));
}

/** Created, sent, and every line accepted for `promisedDate`. */
export async function acknowledgedOrder(scene: Scene, parties: Parties, quantities: number[], promisedDate = '2026-03-10'): Promise<CreatedOrder> {
  const { createPurchaseOrder: order } = await call(scene, CREATE_PO, { input: purchaseOrderInput(parties, quantities.map((quantity) => ({ quantity }))) });
  await call(scene, SEND_PO, { id: order.id });
  await call(scene, ACKNOWLEDGE_PO, {
    input: { purchaseOrderId: order.id, lines: order.lines.map((line: { id: string }) => ({ lineId: line.id, status: 'ACCEPTED', promisedDate })) },
  });
  return order;
}

/** A shipment of `quantity` of each line of the order, arriving on `eta`. */
export async function bookShipment(scene: Scene, parties: Parties, order: CreatedOrder, quantity: number, eta = '2026-03-08'): Promise<{ id: string; number: string }> {
  const input = shipmentInput(parties, order.lines.map((line) => ({ purchaseOrderLineId: line.id, quantity })), { eta });
  const { createShipment } = await call(scene, CREATE_SHIPMENT, { input });
  return { id: createShipment.id, number: input.number };
}

export const UPDATE_ETA = `mutation($input: UpdateShipmentEtaInput!) { updateShipmentEta(input: $input) { id eta status } }`;

export type { OutboxRow } from '@cmgraph/testkit';

/** The orders outbox after `afterSeq`, in log order. */
export const outbox = (stack: Stack, afterSeq = '0') => outboxOf(stack, 'orders', { afterSeq });
export const headSeq = (stack: Stack) => outboxHead(stack, 'orders');
/** The transaction that last wrote a row of `table` (its xmin). */
export const writerOf = (stack: Stack, table: string, id: string) => writerOfRow(stack, 'orders', table, id);
