// DataLoaders at work: a list of 5 and a list of 50 inspections (with their readings, plans, lots,
// non-conformances and the lots' contributed fields) cost this subgraph the same SQL statements.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { incomingPlan, inspect, receivedLots, type ReceivedLots } from './fixtures';

let stack: Stack;
const chains: Record<number, ReceivedLots> = {};
beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders', 'quality']);
  for (const size of [5, 50]) {
    const chain = await receivedLots(stack, Array.from({ length: size }, () => 100));
    const planId = await incomingPlan(stack, chain.productId);
    for (const [i, lotId] of chain.lotIds.entries()) {
      await inspect(stack, { planId, lotId, shipmentId: chain.shipmentId, lotSize: 100, quantityInspected: 13, quantityRejected: i % 3 === 0 ? 1 : 0 });
    }
    chains[size] = chain;
  }
}, 180_000);
afterAll(async () => stack?.stop());

async function statementsFor(query: string, variables: Record<string, unknown>, expected: number): Promise<Record<string, number>> {
  stack.resetStatementCounts();
  const data = dataOf(await stack.gateway(query, variables));
  expect(JSON.stringify(data).match(/"result"/g)?.length ?? 0).toBeGreaterThanOrEqual(expected);
  return Object.fromEntries(Object.entries(stack.subgraphs).map(([name, sub]) => [name, sub.statements]));
}

describe('SQL statements per federated query', () => {
  it('do not grow from 5 to 50 inspections, in quality or in any other subgraph', async () => {
    const query = `query($s: ID!) { inspections(first: 100, filter: { supplierId: $s }) { totalCount nodes {
      result firstPass plan { name characteristics { name } } readings { value characteristic { unit } }
      nonConformances { number defectCode { code } }
      supplier { code ppm(from: "2026-01-01", to: "2026-12-31") openNonConformanceCount }
      product { sku ppm(from: "2026-01-01", to: "2026-12-31") }
      lot { lotNumber disposition nonConformances { number } inspections { result } }
      shipment { number incomingInspection { result } }
    } } }`;
    const five = await statementsFor(query, { s: chains[5]!.supplierId }, 5);
    const fifty = await statementsFor(query, { s: chains[50]!.supplierId }, 50);
    expect(fifty).toEqual(five);
    expect(five.quality).toBeLessThanOrEqual(16);
  });

  it('resolve any number of inspection references in one statement', async () => {
    const counts: number[] = [];
    for (const size of [5, 50]) {
      const { inspections } = dataOf(await stack.gateway(`query($s: ID!) { inspections(first: 100, filter: { supplierId: $s }) { nodes { id } } }`, { s: chains[size]!.supplierId }));
      stack.resetStatementCounts();
      const result = await stack.subgraph('quality')(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Inspection { result } } }`,
        { r: inspections.nodes.map((n: { id: string }) => ({ __typename: 'Inspection', id: n.id })) });
      expect(result.errors).toBeUndefined();
      counts.push(stack.subgraphs.quality!.statements);
    }
    expect(counts).toEqual([1, 1]);
  });
});
