// Recall impact through the gateway on a three-level tree worked out by hand:
//
//   C1 ─┐            ┌─ S1 ── FIN1 ── F1 ── KIT ── K1        (F1 and K1 shipped to the warehouse and received)
//       ├── SUB ─────┤
//   C2 ─┘            └─ S2 ── FIN2 ── F2 ── (CM B) KIT-B ── B2
//   C2 ── OTHER ── X1                                        (not reached from C1: C2 is not affected)
//
// Recalling C1 reaches S1, S2 (depth 1), F1, F2 (2), K1 and B2 (3), and the work orders SUB, FIN1, FIN2, KIT
// and KIT-B; never OTHER. The shipments of F1 and K1 and the warehouse that received them come through
// federation (orders: Lot.shipmentLines, inventory: Shipment.receipt).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { createBom, createPlant, createProduct, createWorkOrder, mutate, RECORD_CONSUMPTION, refusal, REPORT_OUTPUT, run, type Plant } from './fixtures';
import { registerLotOf } from './partners.fixture';
import { createWarehouse, placeOrder, receive, ship } from './orders.fixture';

let stack: Stack;
let a: Plant;
let b: Plant;
const lots: Record<string, string> = {};
const numbers: Record<string, string> = {};

async function make(plant: Plant, name: string, product: string, outputs: string[], inputs: string[]): Promise<void> {
  const id = await createWorkOrder(stack, plant.lineId, product);
  await run(stack, id, '2026-03-02T06:00:00Z');
  for (const output of outputs) await mutate(stack, REPORT_OUTPUT, { workOrderId: id, lotId: lots[output], goodQuantity: 10 });
  for (const input of inputs) await mutate(stack, RECORD_CONSUMPTION, { workOrderId: id, lotId: lots[input], quantity: 10 });
  numbers[name] = dataOf(await stack.gateway(`query($id: ID!) { workOrder(id: $id) { number } }`, { id })).workOrder.number;
}

beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders', 'production']);
  a = await createPlant(stack, 1);
  b = await createPlant(stack, 1);
  const [comp, sub, fin, kit, other] = await Promise.all(['RC-C', 'RC-S', 'RC-F', 'RC-K', 'RC-O'].map((sku) => createProduct(stack, sku)));
  await createBom(stack, sub!, [comp!]);
  await createBom(stack, fin!, [sub!]);
  await createBom(stack, kit!, [fin!]);
  await createBom(stack, other!, [comp!]);
  const products: Record<string, string> = { C1: comp!, C2: comp!, S1: sub!, S2: sub!, F1: fin!, F2: fin!, K1: kit!, X1: other!, B2: kit! };
  for (const [name, product] of Object.entries(products)) lots[name] = await registerLotOf(stack, product, name, name === 'B2' ? b.supplierId : a.supplierId);
  await make(a, 'SUB', sub!, ['S1', 'S2'], ['C1', 'C2']);
  await make(a, 'FIN1', fin!, ['F1'], ['S1']);
  await make(a, 'FIN2', fin!, ['F2'], ['S2']);
  await make(a, 'KIT', kit!, ['K1'], ['F1']);
  await make(a, 'OTHER', other!, ['X1'], ['C2']);
  await make(b, 'KIT-B', kit!, ['B2'], ['F2']);
  // F1 and K1 go to the brand's warehouse on one ASN, received there
  const warehouse = await createWarehouse(stack, 'DC-RECALL');
  const { lineIds: [finLine, kitLine] } = await placeOrder(stack, a, warehouse, [
    { productId: fin!, quantity: 10, promisedDate: '2026-03-09' }, { productId: kit!, quantity: 10, promisedDate: '2026-03-09' },
  ]);
  const shipped = [
    { purchaseOrderLineId: finLine!, quantity: 10, lotNumber: 'F1', productId: fin! },
    { purchaseOrderLineId: kitLine!, quantity: 10, lotNumber: 'K1', productId: kit! },
  ];
  const shipment = await ship(stack, a, warehouse, '2026-03-09', shipped.map(({ productId: _p, ...line }) => line));
  await receive(stack, a, warehouse, shipment, shipped);
  await stack.settle();
}, 240_000);
afterAll(async () => stack?.stop());

const IMPACT = `query($lot: ID!) { recallImpact(lotId: $lot) {
  rootLot { lotNumber } lots { lotNumber } workOrders { number }
} }`;

const numbersOf = (names: string[]) => names.map((n) => numbers[n]);

describe('recallImpact', () => {
  it('reaches every lot made from the root, three levels down, nearest first, and every work order that consumed or produced one', async () => {
    const { recallImpact } = dataOf(await stack.gateway(IMPACT, { lot: lots.C1 }));
    expect(recallImpact.rootLot).toEqual({ lotNumber: 'C1' });
    const names = recallImpact.lots.map((l: { lotNumber: string }) => l.lotNumber);
    expect(names[0]).toBe('C1');
    expect(names.slice(1, 3).sort()).toEqual(['S1', 'S2']);
    expect(names.slice(3, 5).sort()).toEqual(['F1', 'F2']);
    expect(names.slice(5).sort()).toEqual(['B2', 'K1']);
    // OTHER consumed C2, which C1's recall does not reach
    expect(recallImpact.workOrders).toEqual(numbersOf(['SUB', 'FIN1', 'FIN2', 'KIT', 'KIT-B']).sort().map((number) => ({ number })));
  });

  it('counts the work order that made a produced root lot, and only the branch below it', async () => {
    const { recallImpact } = dataOf(await stack.gateway(IMPACT, { lot: lots.S1 }));
    expect(recallImpact.lots).toEqual([{ lotNumber: 'S1' }, { lotNumber: 'F1' }, { lotNumber: 'K1' }]);
    expect(recallImpact.workOrders).toEqual(numbersOf(['SUB', 'FIN1', 'KIT']).map((number) => ({ number })));
    const leaf = dataOf(await stack.gateway(IMPACT, { lot: lots.K1 })).recallImpact;
    expect(leaf).toEqual({ rootLot: { lotNumber: 'K1' }, lots: [{ lotNumber: 'K1' }], workOrders: [{ number: numbers.KIT }] });
  });

  it('leads through federation to the shipments that carried affected lots and the sites that received them', async () => {
    const { recallImpact } = dataOf(await stack.gateway(`query($lot: ID!) { recallImpact(lotId: $lot) {
      lots { lotNumber shipmentLines { quantity shipment { status receipt { location { code } } } } }
    } }`, { lot: lots.C1 }));
    const shipped = recallImpact.lots.filter((l: { shipmentLines: unknown[] }) => l.shipmentLines.length);
    const delivered = { quantity: 10, shipment: { status: expect.any(String), receipt: { location: { code: 'DC-RECALL' } } } };
    expect(shipped.sort((x: { lotNumber: string }, y: { lotNumber: string }) => x.lotNumber.localeCompare(y.lotNumber))).toEqual([
      { lotNumber: 'F1', shipmentLines: [delivered] }, { lotNumber: 'K1', shipmentLines: [delivered] },
    ]);
  });

  it('refuses a malformed lot id and answers NOT_FOUND for an unknown one, naming lotId', async () => {
    expect(refusal(await stack.gateway(IMPACT, { lot: 'nope' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'lotId' });
    expect(refusal(await stack.gateway(IMPACT, { lot: '01900000-0000-7000-8000-000000000000' }))).toEqual({ code: 'NOT_FOUND', field: 'lotId' });
  });
});

describe('recallImpact access and cost', () => {
  // partners run only trusted documents at the gateway: asked straight at the subgraph, as the gateway would
  const partnerOf = (plant: Plant) => stack.subgraph('production', { caller: { roles: ['PARTNER'], supplierId: plant.supplierId } });
  const IDS = `query($lot: ID!) { recallImpact(lotId: $lot) { rootLot { id } lots { id } workOrders { id line { id } } } }`;

  it('walks a partner\'s own work orders only, and refuses another CM\'s lot as unknown', async () => {
    const own = dataOf(await partnerOf(a)(IDS, { lot: lots.C1 })).recallImpact;
    expect(own.lots.map((l: { id: string }) => l.id).sort()).toEqual(['C1', 'S1', 'S2', 'F1', 'F2', 'K1'].map((n) => lots[n]).sort());
    expect(own.workOrders).toHaveLength(4);
    expect(own.workOrders.every((o: { line: { id: string } }) => o.line.id === a.lineId)).toBe(true);
    expect(refusal(await partnerOf(b)(IDS, { lot: lots.C1 }))).toEqual({ code: 'NOT_FOUND', field: 'lotId' });
    expect(refusal(await partnerOf(a)(IDS, { lot: lots.B2 }))).toEqual({ code: 'NOT_FOUND', field: 'lotId' });
  });

  it('lets ANALYST read the whole impact across CMs', async () => {
    const { recallImpact } = dataOf(await stack.as({ roles: ['ANALYST'] })(IMPACT, { lot: lots.C1 }));
    expect(recallImpact.lots).toHaveLength(7);
    expect(recallImpact.workOrders).toHaveLength(5);
  });

  it('costs production the same statements for a deep tree as for a leaf', async () => {
    const statements = async (lot: string) => {
      stack.resetStatementCounts();
      dataOf(await stack.gateway(IMPACT, { lot }));
      return stack.subgraphs.production!.statements;
    };
    const tree = await statements(lots.C1!);
    expect(await statements(lots.K1!)).toBe(tree);
    expect(tree).toBeLessThanOrEqual(4); // the walk, outputs and consumption of the lots, the work orders
  });
});
