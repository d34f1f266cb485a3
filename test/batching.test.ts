// Every relation and entity reference is batched: the same federated query over 10 and over 500
// purchase order lines issues the same number of SQL statements in each subgraph.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PurchaseOrderWithStockDocument } from '@cmgraph/client';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { createOrder, shipAndReceive, type Chain } from './supply-chain.fixture';

let stack: Stack;
const chains: Record<number, Chain> = {};
beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders']);
  for (const lines of [10, 500]) {
    chains[lines] = await createOrder(stack, `B${lines}`, lines, lines);
    await shipAndReceive(stack, chains[lines]!);
  }
}, 120_000);
afterAll(async () => stack?.stop());

async function statementsFor(lines: number): Promise<Record<string, number>> {
  stack.resetStatementCounts();
  const { purchaseOrder } = dataOf(await stack.gateway(PurchaseOrderWithStockDocument, { id: chains[lines]!.purchaseOrderId }));
  expect(purchaseOrder?.lines).toHaveLength(lines);
  expect(purchaseOrder?.lines[0]?.product.onHand).toBe(100);
  return Object.fromEntries(Object.entries(stack.subgraphs).map(([name, sub]) => [name, sub.statements]));
}

describe('batching', () => {
  it('issues the same number of SQL statements per subgraph for 10 and for 500 order lines', async () => {
    const ten = await statementsFor(10);
    const fiveHundred = await statementsFor(500);
    expect(fiveHundred).toEqual(ten);
    // and the numbers are small and real: every subgraph was asked something
    for (const count of Object.values(ten)) {
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(6);
    }
  });
});
