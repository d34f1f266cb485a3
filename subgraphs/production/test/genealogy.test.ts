// Lot genealogy three and more levels deep through the gateway, joined with inventory's lot numbers:
// components → subassembly → finished → kit, both directions, the depth cap, and a cycle that ends.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { createBom, createPlant, createProduct, createWorkOrder, mutate, RECORD_CONSUMPTION, registerLot, REPORT_OUTPUT, run } from './fixtures';

let stack: Stack;
const lots: Record<string, string> = {};
const orders: Record<string, string> = {};
const numbers: Record<string, string> = {};

/** A work order on `lineId` making `output` (of product `product`) from the given input lots. */
async function make(lineId: string, name: string, product: string, output: string, inputs: string[]): Promise<void> {
  const id = await createWorkOrder(stack, lineId, product);
  await run(stack, id, '2026-03-02T06:00:00Z');
  await mutate(stack, REPORT_OUTPUT, { workOrderId: id, lotId: lots[output], goodQuantity: 10 });
  for (const input of inputs) await mutate(stack, RECORD_CONSUMPTION, { workOrderId: id, lotId: lots[input], quantity: 10 });
  orders[name] = id;
  numbers[name] = dataOf(await stack.gateway(`query($id: ID!) { workOrder(id: $id) { number } }`, { id })).workOrder.number;
}

beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders', 'production']);
  const { lineId } = await createPlant(stack, 1);
  const [a, b, sub, fin, kit, p, q] = await Promise.all(['GA', 'GB', 'GS', 'GF', 'GK', 'GP', 'GQ'].map((sku) => createProduct(stack, sku)));
  await createBom(stack, sub!, [a!, b!]);
  await createBom(stack, fin!, [sub!]);
  await createBom(stack, kit!, [fin!]);
  await createBom(stack, p!, [q!]);
  await createBom(stack, q!, [p!]);
  for (const [name, product] of [['A1', a], ['B1', b], ['S1', sub], ['F1', fin], ['K1', kit], ['P1', p], ['Q1', q]] as const) {
    lots[name] = await registerLot(stack, product!, name);
  }
  await make(lineId, 'SUB', sub!, 'S1', ['A1', 'B1']);
  await make(lineId, 'FIN', fin!, 'F1', ['S1']);
  await make(lineId, 'KIT', kit!, 'K1', ['F1']);
  // A cycle the data allows (P is made from Q and Q from P): walks must still end.
  await make(lineId, 'MAKE_P', p!, 'P1', ['Q1']);
  await make(lineId, 'MAKE_Q', q!, 'Q1', ['P1']);
}, 120_000);
afterAll(async () => stack?.stop());

const LINKS = 'depth lot { lotNumber } workOrder { number }';

describe('lot genealogy', () => {
  it('walks ancestors three levels up, nearest first, with the work order of each step', async () => {
    const { lot } = dataOf(await stack.gateway(`query($id: ID!) { lot(id: $id) { lotNumber producedBy { number } consumedIn { number } ancestors { ${LINKS} } } }`, { id: lots.K1 }));
    expect(lot).toEqual({
      lotNumber: 'K1', producedBy: { number: numbers.KIT }, consumedIn: [],
      ancestors: [
        { depth: 1, lot: { lotNumber: 'F1' }, workOrder: { number: numbers.KIT } },
        { depth: 2, lot: { lotNumber: 'S1' }, workOrder: { number: numbers.FIN } },
        { depth: 3, lot: expect.objectContaining({ lotNumber: expect.stringMatching(/^[AB]1$/) }), workOrder: { number: numbers.SUB } },
        { depth: 3, lot: expect.objectContaining({ lotNumber: expect.stringMatching(/^[AB]1$/) }), workOrder: { number: numbers.SUB } },
      ],
    });
    expect(lot.ancestors.slice(2).map((l: { lot: { lotNumber: string } }) => l.lot.lotNumber).sort()).toEqual(['A1', 'B1']);
  });

  it('walks descendants three levels down and stops at maxDepth', async () => {
    const { lot } = dataOf(await stack.gateway(`query($id: ID!) { lot(id: $id) { producedBy { number } consumedIn { number } all: descendants { ${LINKS} } two: descendants(maxDepth: 2) { depth } } }`, { id: lots.A1 }));
    expect(lot).toEqual({
      producedBy: null, consumedIn: [{ number: numbers.SUB }],
      all: [
        { depth: 1, lot: { lotNumber: 'S1' }, workOrder: { number: numbers.SUB } },
        { depth: 2, lot: { lotNumber: 'F1' }, workOrder: { number: numbers.FIN } },
        { depth: 3, lot: { lotNumber: 'K1' }, workOrder: { number: numbers.KIT } },
      ],
      two: [{ depth: 1 }, { depth: 2 }],
    });
  });

  it('ends a walk through a cycle instead of looping, each lot once at its nearest depth', async () => {
    const { lot } = dataOf(await stack.gateway(`query($id: ID!) { lot(id: $id) { ancestors(maxDepth: 50) { depth lot { lotNumber } } } }`, { id: lots.P1 }));
    expect(lot.ancestors).toEqual([{ depth: 1, lot: { lotNumber: 'Q1' } }]);
  });

  it('refuses a maxDepth outside 1 to 50, naming it', async () => {
    const response = await stack.gateway(`query($id: ID!) { lot(id: $id) { ancestors(maxDepth: 51) { depth } } }`, { id: lots.K1 });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxDepth' });
  });
});
