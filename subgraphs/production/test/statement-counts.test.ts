// DataLoaders at work: one federated query over a facility with 5 machines and work orders costs the
// production subgraph as many SQL statements as over one with 20 — relations, entity references, OEE,
// MTBF/MTTR, genealogy and alert subjects included.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { createBom, createPlant, createProduct, createWorkOrder, mutate, RECORD_CONSUMPTION, registerLot, REPORT_OUTPUT, run, type Plant } from './fixtures';

let stack: Stack;
const plants: Record<number, Plant> = {};

beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders', 'production']);
  const product = await createProduct(stack, 'BATCH-FG');
  const component = await createProduct(stack, 'BATCH-CP');
  await createBom(stack, product, [component]);
  await mutate(stack, `mutation($input: CreateDowntimeReasonInput!) { createDowntimeReason(input: $input) { code } }`, {
    code: 'JAM', description: 'Jam', category: 'FAILURE', planned: false,
  });
  for (const size of [5, 20]) {
    const plant = (plants[size] = await createPlant(stack, size));
    for (let i = 0; i < size; i++) {
      const order = await createWorkOrder(stack, plant.lineId, product);
      await run(stack, order, '2026-03-02T06:00:00Z', '2026-03-02T14:00:00Z');
      await mutate(stack, REPORT_OUTPUT, { workOrderId: order, lotId: await registerLot(stack, product, `OUT-${size}-${i}`), goodQuantity: 9, scrapQuantity: 1 });
      await mutate(stack, RECORD_CONSUMPTION, { workOrderId: order, lotId: await registerLot(stack, component, `IN-${size}-${i}`), quantity: 10 });
      const machineId = plant.machineIds[i]!;
      await mutate(stack, `mutation($input: RecordDowntimeInput!) { recordDowntime(input: $input) { id } }`, {
        machineId, reasonCode: 'JAM', startedAt: '2026-03-02T07:00:00Z', endedAt: '2026-03-02T07:10:00Z',
      });
      await mutate(stack, `mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { id } }`, {
        category: 'MACHINE_HEALTH', severity: 'INFO', subjectType: 'Machine', subjectId: machineId, message: 'check',
      });
    }
  }
}, 240_000);
afterAll(async () => stack?.stop());

const PERIOD = 'from: "2026-03-01T00:00:00Z", to: "2026-03-03T00:00:00Z"';
const QUERY = `query($f: ID!, $n: Int!) {
  facility(id: $f) {
    name oee(${PERIOD}) { oee }
    lines { code oee(${PERIOD}) { oee } machines { code line { code } oee(${PERIOD}) { availability } mtbf(${PERIOD}) mttr(${PERIOD}) } }
    machines { code }
  }
  workOrders(first: $n, filter: { facilityId: $f }) { totalCount nodes {
    number line { code } facility { name } billOfMaterials { version lines { component { sku } } } product { sku billOfMaterials { version } }
    outputs { lot { lotNumber producedBy { number } consumedIn { number } ancestors { depth lot { lotNumber } workOrder { number } } } }
    consumption { workOrder { number } lot { lotNumber consumedIn { number } descendants { depth lot { lotNumber } workOrder { number } } } }
  } }
  alerts(first: $n, filter: { facilityId: $f }) { nodes { subject { ... on Machine { code line { code } } } } }
  downtimeEvents(first: $n, filter: { facilityId: $f }) { nodes { machine { code } reason { code } } }
}`;

async function statementsFor(size: number): Promise<number> {
  stack.resetStatementCounts();
  const data = dataOf(await stack.gateway(QUERY, { f: plants[size]!.facilityId, n: size }));
  expect(data.workOrders.nodes).toHaveLength(size);
  expect(data.workOrders.nodes[0].outputs[0].lot.ancestors).toEqual([{ depth: 1, lot: { lotNumber: expect.stringMatching(/^IN-/) }, workOrder: { number: data.workOrders.nodes[0].number } }]);
  expect(data.alerts.nodes).toHaveLength(size);
  expect(data.facility.lines[0].machines[0].mtbf).toBe(470);
  return stack.subgraphs.production!.statements;
}

describe('SQL statements per federated query', () => {
  it('does not grow with the number of machines, work orders, lots and alerts (5 vs 20)', async () => {
    const five = await statementsFor(5);
    const twenty = await statementsFor(20);
    expect(twenty).toBe(five);
    expect(five).toBeLessThanOrEqual(30);
  });
});
