// One query across suppliers, orders and inventory through the real gateway, with the typed documents.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SupplierSupplyChainDocument } from '@cmgraph/client';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { createOrder, shipAndReceive, type Chain } from './supply-chain.fixture';

let stack: Stack;
let chain: Chain;
beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders']);
  chain = await createOrder(stack, 'E2E', 3, 3);
  await shipAndReceive(stack, chain);
});
afterAll(async () => stack?.stop());

describe('the supergraph', () => {
  it('joins a supplier, its sites, its open orders, each line\'s product and stock, and each shipment\'s receipt in one query', async () => {
    const { supplier } = dataOf(await stack.gateway(SupplierSupplyChainDocument, { id: chain.supplierId, from: '2026-03-01', to: '2026-03-31' }));
    expect(supplier).toEqual({
      code: 'CM-E2E',
      name: 'Contract maker E2E',
      facilities: [
        { name: 'E2E Monterrey', region: 'North America', nearshore: true },
        { name: 'E2E Shenzhen', region: 'East Asia', nearshore: false },
      ],
      // three lines due on 2026-03-05: only the first was delivered in full (on 03-04, within the window)
      onTimeInFullRate: 1 / 3,
      fillRate: 160 / 300,
      purchaseOrders: {
        totalCount: 1,
        nodes: [{
          number: 'PO-E2E',
          status: 'PARTIALLY_SHIPPED',
          lines: [
            { lineNumber: 1, quantity: 100, quantityShipped: 100, quantityDelivered: 100, product: { sku: 'E2E-0000', onHand: 100 } },
            { lineNumber: 2, quantity: 100, quantityShipped: 60, quantityDelivered: 60, product: { sku: 'E2E-0001', onHand: 55 } },
            { lineNumber: 3, quantity: 100, quantityShipped: 0, quantityDelivered: 0, product: { sku: 'E2E-0002', onHand: 0 } },
          ],
          shipments: [{
            number: expect.stringMatching(/^ASN-/),
            status: 'DELIVERED',
            receipt: { lines: [{ acceptedQuantity: 100, rejectedQuantity: 0 }, { acceptedQuantity: 55, rejectedQuantity: 5 }] },
          }],
        }],
      },
    });
  });

  it('answers an unknown supplier with null, not an error', async () => {
    const result = await stack.gateway(SupplierSupplyChainDocument, { id: '01900000-0000-7000-8000-000000000000', from: '2026-03-01', to: '2026-03-31' });
    expect(result).toEqual({ data: { supplier: null } });
  });
});

describe('lots and shipments', () => {
  it('follows a received lot to the ASN lines that shipped it (orders resolves it from inventory\'s lot number)', async () => {
    const result = dataOf(await stack.gateway(
      `query($p: ID!) { lots(filter: { productId: $p }) { nodes { lotNumber shipmentLines { quantity shipment { status distanceKm grossWeightKg } } } } }`,
      { p: chain.productIds[1] },
    ));
    expect(result.lots.nodes).toEqual([
      { lotNumber: 'LOT-B', shipmentLines: [{ quantity: 60, shipment: { status: 'DELIVERED', distanceKm: 850, grossWeightKg: null } }] },
    ]);
  });
});
