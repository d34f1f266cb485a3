// OEE, MTBF and MTTR through the gateway, computed by the batched SQL, on a small dataset whose figures
// were worked out by hand (the same shift as oee.test.ts, spread over two machines of one line).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { createBom, createPlant, createProduct, createWorkOrder, mutate, registerLot, REPORT_OUTPUT, run, type Plant } from './fixtures';

let stack: Stack;
let plant: Plant;
const DAY = { from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z' };

beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders', 'production']);
  plant = await createPlant(stack, 2, 24);
  const product = await createProduct(stack);
  await createBom(stack, product, [await createProduct(stack)]);
  const order = await createWorkOrder(stack, plant.lineId, product, 850);
  await run(stack, order, '2026-03-02T06:00:00Z', '2026-03-02T14:00:00Z');
  await mutate(stack, REPORT_OUTPUT, { workOrderId: order, lotId: await registerLot(stack, product, 'OEE-1'), goodQuantity: 800, scrapQuantity: 50 });
  const reason = `mutation($input: CreateDowntimeReasonInput!) { createDowntimeReason(input: $input) { code } }`;
  await mutate(stack, reason, { code: 'PM', description: 'Planned maintenance', category: 'PLANNED_MAINTENANCE', planned: true });
  await mutate(stack, reason, { code: 'BREAKDOWN', description: 'Breakdown', category: 'FAILURE', planned: false });
  await mutate(stack, reason, { code: 'NO_MATERIAL', description: 'Waiting for material', category: 'MATERIAL', planned: false });
  const [m1, m2] = plant.machineIds;
  const stops: [string, string, string, string][] = [
    [m1!, 'PM', '06:00', '06:30'], [m1!, 'BREAKDOWN', '08:00', '08:40'],
    [m2!, 'NO_MATERIAL', '08:20', '09:00'], [m2!, 'BREAKDOWN', '13:50', '14:30'],
  ];
  for (const [machineId, reasonCode, from, to] of stops) {
    await mutate(stack, `mutation($input: RecordDowntimeInput!) { recordDowntime(input: $input) { planned } }`, {
      machineId, reasonCode, startedAt: `2026-03-02T${from}:00Z`, endedAt: `2026-03-02T${to}:00Z`,
    });
  }
}, 120_000);
afterAll(async () => stack?.stop());

const FIGURES = 'availability performance quality oee plannedMinutes runMinutes goodCount totalCount';

describe('OEE through the gateway', () => {
  it('computes line, machine and facility OEE, MTBF and MTTR as worked out by hand', async () => {
    const data = dataOf(await stack.gateway(`query($line: ID!, $f: ID!, $from: DateTime!, $to: DateTime!) {
      line(id: $line) { oee(from: $from, to: $to) { ${FIGURES} }
        machines { code oee(from: $from, to: $to) { ${FIGURES} } mtbf(from: $from, to: $to) mttr(from: $from, to: $to) } }
      facility(id: $f) { name oee(from: $from, to: $to) { ${FIGURES} } }
    }`, { line: plant.lineId, f: plant.facilityId, ...DAY }));
    // Line: planned 480 − 30 = 450; unplanned merged 08:00–09:00 + 13:50–14:00 → run 380 (see oee.test.ts).
    const line = { plannedMinutes: 450, runMinutes: 380, goodCount: 800, totalCount: 850 };
    expect(data.line.oee).toMatchObject(line);
    expect(data.line.oee.oee).toBeCloseTo((380 / 450) * (20400 / 22800) * (800 / 850), 10);
    expect(data.facility.oee).toEqual(data.line.oee);
    // M1: PM 30 → planned 450; breakdown 40 → run 410; one failure: MTBF 410, MTTR 40.
    // M2: no planned stop → 480; material 40 + the 10 minutes of the 13:50 breakdown inside the run → run 430;
    //     the breakdown lasts 40 minutes inside the day: MTBF 430, MTTR 40.
    const [m1, m2] = data.line.machines;
    expect(m1).toMatchObject({ code: 'L1-M1', mtbf: 410, mttr: 40, oee: { plannedMinutes: 450, runMinutes: 410 } });
    expect(m1.oee.performance).toBeCloseTo(20400 / 24600, 10);
    expect(m2).toMatchObject({ code: 'L1-M2', mtbf: 430, mttr: 40, oee: { plannedMinutes: 480, runMinutes: 430, availability: 430 / 480 } });
  });

  it('attributes counts pro rata to a period cutting the run, and is null for a period without production', async () => {
    const data = dataOf(await stack.gateway(`query($line: ID!) {
      part: line(id: $line) { oee(from: "2026-03-02T10:00:00Z", to: "2026-03-02T12:00:00Z") { ${FIGURES} } }
      idle: line(id: $line) { oee(from: "2026-04-01T00:00:00Z", to: "2026-04-02T00:00:00Z") { oee } machines { mtbf(from: "2026-04-01T00:00:00Z", to: "2026-04-02T00:00:00Z") } }
    }`, { line: plant.lineId }));
    // 2 of the run's 8 hours: 200 good of 212.5 counted, no downtime inside → availability 1.
    expect(data.part.oee).toMatchObject({ plannedMinutes: 120, runMinutes: 120, goodCount: 200, totalCount: 212.5, availability: 1, quality: 200 / 212.5 });
    expect(data.idle).toEqual({ oee: null, machines: [{ mtbf: null }, { mtbf: null }] });
  });

  it('refuses a period that ends before it starts, naming `to`', async () => {
    const response = await stack.gateway(`query($line: ID!) { line(id: $line) { oee(from: "2026-03-02T10:00:00Z", to: "2026-03-02T09:00:00Z") { oee } } }`, { line: plant.lineId });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
