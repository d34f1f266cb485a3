// The whole supergraph on the seeded demo world: one supplier query answered by all six subgraphs,
// each figure equal to what its owning subgraph says directly; lot genealogy three hops deep; and
// SQL statements per subgraph that do not grow with the number of suppliers asked for.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LotGenealogyDocument, Supplier360Document, Suppliers360Document } from '@cmgraph/client';
import { seedId, universe, workOrders } from '@cmgraph/seedkit';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';

const period = { from: '2026-01-01', to: '2026-11-01', fromTime: '2026-01-01T00:00:00Z', toTime: '2026-11-01T00:00:00Z' };
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await stack.seed('small');
}, 120_000);
afterAll(async () => stack?.stop());

async function direct<T>(subgraph: string, typename: string, id: string, selection: string): Promise<T> {
  const answer = dataOf(await stack.subgraph(subgraph)(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`,
    { r: [{ __typename: typename, id }] },
  )) as { _entities: T[] };
  return answer._entities[0]!;
}

describe('the six-subgraph supergraph', () => {
  it('answers one supplier query with data from all six subgraphs, each equal to its owner\'s own answer', async () => {
    const id = seedId('supplier', 0); // CM-0001 of the demo world
    const { supplier } = dataOf(await stack.gateway(Supplier360Document, { id, ...period }));
    expect(supplier?.code).toBe('CM-0001'); // suppliers
    const plant = supplier!.facilities.find((f) => f.oee)!;
    expect(plant.oee!.oee).toBeGreaterThan(0); // production
    expect(plant.energy!.totalKwh).toBeGreaterThan(0); // sustainability
    expect(supplier!.co2ePerUnit).toBeGreaterThan(0);
    expect(supplier!.firstPassYield).not.toBeNull(); // quality
    expect(supplier!.purchaseOrders.totalCount).toBeGreaterThan(0); // orders
    expect(supplier!.purchaseOrders.nodes[0]!.lines[0]!.product.sku).toMatch(/^SKU-/); // inventory

    const facilityId = seedId('facility', 0);
    const args = `from: "${period.from}", to: "${period.to}"`;
    expect(await direct('quality', 'Supplier', id, `ppm(${args}) firstPassYield(${args}) openNonConformanceCount`)).toEqual({
      ppm: supplier!.ppm, firstPassYield: supplier!.firstPassYield, openNonConformanceCount: supplier!.openNonConformanceCount,
    });
    expect(await direct('sustainability', 'Supplier', id, `co2ePerUnit(${args}) renewableShare(${args})`)).toEqual({
      co2ePerUnit: supplier!.co2ePerUnit, renewableShare: supplier!.renewableShare,
    });
    expect(await direct('orders', 'Supplier', id, `onTimeInFullRate(${args})`)).toEqual({ onTimeInFullRate: supplier!.onTimeInFullRate });
    const oee = await direct<{ oee: { oee: number } | null }>('production', 'Facility', facilityId, `oee(from: "${period.fromTime}", to: "${period.toTime}") { oee }`);
    expect(oee.oee?.oee).toBe(supplier!.facilities[0]!.oee?.oee);
  });

  it('traces a finished lot back to the inspected component lots, and a component lot forward to the shipment', async () => {
    const world = universe('small');
    const final = [...workOrders(world)].find((order) => order.stage === 'FINAL')!;
    const { lot } = dataOf(await stack.gateway(LotGenealogyDocument, { id: final.outputLotId }));
    expect(lot?.producedBy?.number).toBe(final.number);
    const back = lot!.ancestors;
    expect(back.filter((link) => link.depth === 1).map((link) => link.lot.lotNumber)).toEqual([expect.stringMatching(/^S\d+/)]);
    const components = back.filter((link) => link.depth === 2);
    expect(components.length).toBeGreaterThanOrEqual(1);
    for (const link of components) {
      expect(link.lot.supplier?.code).toMatch(/^CP-/); // made by a component supplier
      expect(link.lot.inspections.length).toBeGreaterThan(0); // and inspected on receipt
    }

    const componentId = final.consumed[0]!.lotId; // the subassembly lot; its inputs are components
    const subassembly = [...workOrders(world)].find((order) => order.outputLotId === componentId)!;
    const forward = dataOf(await stack.gateway(LotGenealogyDocument, { id: subassembly.consumed[0]!.lotId })).lot!.descendants;
    const finished = forward.filter((link) => link.depth === 2).map((link) => link.lot);
    expect(finished.map((l) => l.lotNumber)).toContain(final.outputLotNumber);
    const shipped = finished.find((l) => l.lotNumber === final.outputLotNumber)!;
    expect(shipped.shipmentLines.map((line) => line.shipment.number)).toEqual([expect.stringMatching(/^ASN-/)]);
  });

  it('issues the same number of SQL statements per subgraph for 2 and for 8 suppliers\' scorecard inputs', async () => {
    const counts = async (first: number) => {
      stack.resetStatementCounts();
      const { suppliers } = dataOf(await stack.gateway(Suppliers360Document, { first, ...period }));
      expect(suppliers.nodes).toHaveLength(first);
      return Object.fromEntries(Object.entries(stack.subgraphs).map(([name, sub]) => [name, sub.statements]));
    };
    const two = await counts(2);
    expect(await counts(8)).toEqual(two);
    expect(Object.keys(two)).toHaveLength(6);
  });
});
