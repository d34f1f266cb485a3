// DataLoaders at work: the same federated query costs this subgraph the same number of SQL statements
// over 10 order lines as over 500, for orders, their lines, shipments and entity references.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '@cmgraph/testkit';
import { acknowledgedOrder, createParties, deliver, ok, type CreatedOrder } from './fixtures';

let stack: Stack;
const orders: Record<'small' | 'large', CreatedOrder> = {} as never;
const shipments: Record<'small' | 'large', string> = {} as never;

beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders']);
  const parties = await createParties(stack, 4);
  for (const [size, count] of [['small', 10], ['large', 500]] as const) {
    orders[size] = await acknowledgedOrder(stack, parties, Array.from({ length: count }, () => ({ quantity: 3 })));
    shipments[size] = await deliver(stack, parties, orders[size].lines.map((l) => ({ purchaseOrderLineId: l.id, quantity: 2 })), '2026-03-02T10:00:00Z');
  }
}, 120_000);
afterAll(async () => stack?.stop());

/** Statements the orders subgraph sends for one gateway query. */
async function statementsFor(query: string, variables: Record<string, unknown>): Promise<number> {
  stack.resetStatementCounts();
  ok(await stack.gateway(query, variables));
  return stack.subgraphs.orders!.statements;
}

describe('SQL statements per federated query', () => {
  it('does not grow with the number of order lines', async () => {
    const query = `query($id: ID!) { purchaseOrder(id: $id) {
      number supplier { name } shipTo { code } totalAmount
      lines { lineNumber openQuantity product { sku } purchaseOrder { number status } }
      shipments { number lines { quantity package { sscc } purchaseOrderLine { lineNumber purchaseOrder { number } } } events { type } }
    } }`;
    const small = await statementsFor(query, { id: orders.small.id });
    const large = await statementsFor(query, { id: orders.large.id });
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(8);
  });

  it('does not grow with the number of shipment lines, including the hop back to the order', async () => {
    const query = `query($id: ID!) { shipment(id: $id) {
      supplier { name } shipFrom { name } shipTo { code }
      lines { product { sku } shipment { number } purchaseOrderLine { openQuantity quantityDelivered purchaseOrder { number supplier { code } } } }
    } }`;
    expect(await statementsFor(query, { id: shipments.large })).toBe(await statementsFor(query, { id: shipments.small }));
  });

  it('resolves any number of order-line references in two statements (the lines, then their orders)', async () => {
    const representations = (order: CreatedOrder) => order.lines.map((line) => ({ __typename: 'PurchaseOrderLine', id: line.id }));
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on PurchaseOrderLine { lineNumber purchaseOrder { number } } } }`;
    const counts: number[] = [];
    for (const order of [orders.small, orders.large]) {
      stack.resetStatementCounts();
      const result = await stack.subgraph('orders')(query, { r: representations(order) });
      expect(result.errors).toBeUndefined();
      counts.push(stack.subgraphs.orders!.statements);
    }
    expect(counts).toEqual([2, 2]);
  });
});
