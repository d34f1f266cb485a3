// The OEE report (oeeReport) through the gateway, against figures worked out by hand: the shift of
// oee-gateway.test.ts on plant 1 (two machines), work orders on the edges of March on plant 2, and an idle
// plant 3; grouping by facility, line and machine, filters, period boundaries, paging while units are
// created, partner scope, and a constant number of statements per page.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { createBom, createPlant, createProduct, createWorkOrder, mutate, refusal, registerLot, REPORT_OUTPUT, run, type Plant } from './fixtures';

let stack: Stack;
let p1: Plant;
let p2: Plant;
let p3: Plant;
let product: string;

async function produce(plant: Plant, start: string, end: string, good: number, scrap: number): Promise<void> {
  const order = await createWorkOrder(stack, plant.lineId, product);
  await run(stack, order, start, end);
  await mutate(stack, REPORT_OUTPUT, { workOrderId: order, lotId: await registerLot(stack, product, `R-${start}-${good}`), goodQuantity: good, scrapQuantity: scrap });
}

beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders', 'production']);
  p1 = await createPlant(stack, 2, 24);
  p2 = await createPlant(stack, 1, 60);
  p3 = await createPlant(stack, 1, 30);
  product = await createProduct(stack);
  await createBom(stack, product, [await createProduct(stack)]);
  // plant 1: one 8-hour shift, 800 good + 50 scrap, with the stops of oee-gateway.test.ts
  await produce(p1, '2026-03-02T06:00:00Z', '2026-03-02T14:00:00Z', 800, 50);
  const reason = `mutation($input: CreateDowntimeReasonInput!) { createDowntimeReason(input: $input) { code } }`;
  await mutate(stack, reason, { code: 'PM', description: 'Planned maintenance', category: 'PLANNED_MAINTENANCE', planned: true });
  await mutate(stack, reason, { code: 'BREAKDOWN', description: 'Breakdown', category: 'FAILURE', planned: false });
  await mutate(stack, reason, { code: 'NO_MATERIAL', description: 'Waiting for material', category: 'MATERIAL', planned: false });
  const [m1, m2] = p1.machineIds;
  const stops: [string, string, string, string][] = [
    [m1!, 'PM', '06:00', '06:30'], [m1!, 'BREAKDOWN', '08:00', '08:40'],
    [m2!, 'NO_MATERIAL', '08:20', '09:00'], [m2!, 'BREAKDOWN', '13:50', '14:30'],
  ];
  for (const [machineId, reasonCode, from, to] of stops) {
    await mutate(stack, `mutation($input: RecordDowntimeInput!) { recordDowntime(input: $input) { id } }`, {
      machineId, reasonCode, startedAt: `2026-03-02T${from}:00Z`, endedAt: `2026-03-02T${to}:00Z`,
    });
  }
  // plant 2: one order starting on March's first instant (inside), one across its end (half inside),
  // one starting on April's first instant (outside March)
  await produce(p2, '2026-03-01T00:00:00Z', '2026-03-01T02:00:00Z', 100, 20);
  await produce(p2, '2026-03-31T23:00:00Z', '2026-04-01T01:00:00Z', 60, 0);
  await produce(p2, '2026-04-01T00:00:00Z', '2026-04-01T01:00:00Z', 40, 0);
}, 180_000);
afterAll(async () => stack?.stop());

const ROW = 'key facility { id } line { id } machine { id } availability performance quality oee mtbf mttr failures plannedMinutes runMinutes downMinutes goodCount totalCount';
const REPORT = `query($period: String!, $groupBy: OeeGrouping!, $filter: OeeReportFilter, $first: Int, $after: String) {
  oeeReport(period: $period, groupBy: $groupBy, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${ROW} } } }`;

const report = async (variables: Record<string, unknown>, client = stack.gateway) => dataOf(await client(REPORT, { first: 100, ...variables })).oeeReport;
const byKey = (nodes: { key: string }[], key: string) => nodes.find((n) => n.key === key) as any;

// Plant 1, line (see oee-gateway.test.ts): planned 480 − 30 (PM) = 450 min; unplanned merged 08:00–09:00 and
// the 10 minutes of 13:50–14:30 inside the run → run 380, down 70. Ideal 24 s × 850 = 20,400 s of 22,800 s run.
// Failures: M1 08:00–08:40 and M2 13:50–14:30 (40 min each inside March) → MTBF 380 ÷ 2 = 190 min = 19/6 h,
// MTTR 80 ÷ 2 = 40 min = 2/3 h.
const LINE_1 = {
  plannedMinutes: 450, runMinutes: 380, downMinutes: 70, goodCount: 800, totalCount: 850, failures: 2,
  availability: 380 / 450, performance: 20400 / 22800, quality: 800 / 850, mtbf: 190 / 60, mttr: 40 / 60,
};
// Plant 2 in March: 00:00–02:00 on the 1st (100 good + 20 scrap) and 23:00–24:00 of the 31st, the first half
// of a 2-hour order (60 good → 30); the order starting 2026-04-01T00:00 is outside. Planned = run = 180 min;
// good 130, total 150; performance 60 s × 150 ÷ 10,800 s = 9,000 ÷ 10,800; no failures.
const PLANT_2 = {
  plannedMinutes: 180, runMinutes: 180, downMinutes: 0, goodCount: 130, totalCount: 150, failures: 0,
  availability: 1, performance: 9000 / 10800, quality: 130 / 150, mtbf: null, mttr: null,
};
const IDLE = {
  plannedMinutes: 0, runMinutes: 0, downMinutes: 0, goodCount: 0, totalCount: 0, failures: 0,
  availability: null, performance: null, quality: null, oee: null, mtbf: null, mttr: null,
};

function expectFigures(row: any, expected: Record<string, number | null>): void {
  for (const [field, value] of Object.entries(expected)) {
    if (value === null) expect([field, row[field]]).toEqual([field, null]);
    else expect([field, row[field]]).toEqual([field, expect.closeTo(value, 9)]);
  }
}

describe('oeeReport', () => {
  it('groups by facility: each facility sums its lines, a facility without production has null ratios', async () => {
    const { nodes, totalCount } = await report({ period: '2026-03', groupBy: 'FACILITY' });
    expect(totalCount).toBe(3);
    expect(nodes.map((n: any) => n.key)).toEqual([p1.facilityId, p2.facilityId, p3.facilityId].sort());
    const one = byKey(nodes, p1.facilityId);
    expect(one).toMatchObject({ facility: { id: p1.facilityId }, line: null, machine: null });
    expectFigures(one, { ...LINE_1, oee: (380 / 450) * (20400 / 22800) * (800 / 850) });
    expectFigures(byKey(nodes, p2.facilityId), { ...PLANT_2, oee: (9000 / 10800) * (130 / 150) });
    expectFigures(byKey(nodes, p3.facilityId), IDLE);
  });

  it('groups by line and by machine with the definitions of Line.oee, Machine.oee, mtbf and mttr (hours here)', async () => {
    const lines = await report({ period: '2026-03', groupBy: 'LINE' });
    const line1 = byKey(lines.nodes, `${p1.facilityId}|${p1.lineId}`);
    expect(line1).toMatchObject({ line: { id: p1.lineId }, machine: null });
    expectFigures(line1, LINE_1);
    const machines = await report({ period: '2026-03', groupBy: 'MACHINE' });
    expect(machines.totalCount).toBe(4);
    // M1: PM 30 → planned 450; breakdown 40 → run 410; MTBF 410 min, MTTR 40 min.
    // M2: planned 480; material 40 + 10 minutes of the breakdown inside the run → run 430; MTBF 430, MTTR 40 (the
    //     whole stop lies inside March).
    const [m1, m2] = p1.machineIds;
    const first = byKey(machines.nodes, `${p1.facilityId}|${p1.lineId}|${m1}`);
    expect(first).toMatchObject({ line: { id: p1.lineId }, machine: { id: m1 } });
    expectFigures(first, { plannedMinutes: 450, runMinutes: 410, downMinutes: 40, failures: 1, availability: 410 / 450, performance: 20400 / 24600, mtbf: 410 / 60, mttr: 40 / 60 });
    expectFigures(byKey(machines.nodes, `${p1.facilityId}|${p1.lineId}|${m2}`), {
      plannedMinutes: 480, runMinutes: 430, downMinutes: 50, failures: 1, availability: 430 / 480, mtbf: 430 / 60, mttr: 40 / 60,
    });
    expectFigures(byKey(machines.nodes, `${p2.facilityId}|${p2.lineId}|${p2.machineIds[0]}`), PLANT_2);
  });

  it('agrees with the Oee fields for the same window', async () => {
    const { line } = dataOf(await stack.gateway(`query($id: ID!) { line(id: $id) { oee(from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z") { availability performance quality oee plannedMinutes runMinutes goodCount totalCount } } }`, { id: p2.lineId }));
    const row = byKey((await report({ period: '2026-Q1', groupBy: 'LINE' })).nodes, `${p2.facilityId}|${p2.lineId}`);
    for (const field of Object.keys(line.oee)) expect(row[field]).toBeCloseTo(line.oee[field], 9);
  });

  it('answers a period without production with every unit and null ratios', async () => {
    const { nodes } = await report({ period: '2025', groupBy: 'MACHINE' });
    expect(nodes).toHaveLength(4);
    for (const row of nodes) expectFigures(row, IDLE);
  });

  it('filters by facility, line and machine, a facility counting only the lines let through', async () => {
    expect((await report({ period: '2026-03', groupBy: 'LINE', filter: { facilityIds: [p2.facilityId] } })).nodes.map((n: any) => n.line.id)).toEqual([p2.lineId]);
    expect((await report({ period: '2026-03', groupBy: 'FACILITY', filter: { lineIds: [p1.lineId] } })).nodes.map((n: any) => n.key)).toEqual([p1.facilityId]);
    const machine = await report({ period: '2026-03', groupBy: 'MACHINE', filter: { machineIds: [p1.machineIds[1]], lineIds: [p1.lineId] } });
    expect(machine.nodes.map((n: any) => n.machine.id)).toEqual([p1.machineIds[1]]);
    expect((await report({ period: '2026-03', groupBy: 'MACHINE', filter: { machineIds: [p1.machineIds[1]], lineIds: [p2.lineId] } })).nodes).toEqual([]);
  });

  it('refuses a malformed period, a malformed id and a machine filter on another grouping, naming the field', async () => {
    const ask = (variables: Record<string, unknown>) => stack.gateway(REPORT, { first: 10, ...variables }).then(refusal);
    expect(await ask({ period: '2026-13', groupBy: 'LINE' })).toEqual({ code: 'BAD_USER_INPUT', field: 'period' });
    expect(await ask({ period: '2026', groupBy: 'LINE', filter: { lineIds: ['nope'] } })).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.lineIds' });
    expect(await ask({ period: '2026', groupBy: 'LINE', filter: { machineIds: [p1.machineIds[0]] } })).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.machineIds' });
    expect(await ask({ period: '2026', groupBy: 'LINE', first: 1001 })).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('pages with first: 2 through every row exactly once while units are created between pages', async () => {
    const before = (await report({ period: '2026-03', groupBy: 'MACHINE' })).nodes.map((n: any) => n.key);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = await report({ period: '2026-03', groupBy: 'MACHINE', first: 2, after });
      expect(page.nodes.length).toBeLessThanOrEqual(2);
      seen.push(...page.nodes.map((n: any) => n.key));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      if (pages++ === 0) await createPlant(stack, 2, 30); // two new machines in a new facility
    } while (after);
    for (const key of before) expect(seen.filter((k) => k === key)).toEqual([key]);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('oeeReport access and cost', () => {
  it('shows a partner only its own units, whatever the filter names; ANALYST reads every unit', async () => {
    // partners run only trusted documents at the gateway: asked straight at the subgraph, as the gateway would
    const partner = stack.subgraph('production', { caller: { roles: ['PARTNER'], supplierId: p1.supplierId } });
    const own = await report({ period: '2026-03', groupBy: 'MACHINE' }, partner);
    expect(own.nodes.map((n: any) => n.key)).toEqual(p1.machineIds.map((m) => `${p1.facilityId}|${p1.lineId}|${m}`).sort());
    expectFigures(byKey(own.nodes, `${p1.facilityId}|${p1.lineId}|${p1.machineIds[0]}`), { runMinutes: 410, mtbf: 410 / 60 });
    expect(await report({ period: '2026-03', groupBy: 'FACILITY', filter: { facilityIds: [p2.facilityId] } }, partner)).toMatchObject({ totalCount: 0, nodes: [] });
    const analyst = await report({ period: '2026-03', groupBy: 'FACILITY' }, stack.as({ roles: ['ANALYST'] }));
    expect(analyst.nodes.map((n: any) => n.key)).toEqual(expect.arrayContaining([p1.facilityId, p2.facilityId, p3.facilityId]));
  });

  it('costs the production subgraph the same statements for a page of 2 rows as for a page of 100', async () => {
    const count = async (first: number) => {
      stack.resetStatementCounts();
      const page = await report({ period: '2026-03', groupBy: 'MACHINE', first });
      expect(page.nodes.length).toBe(Math.min(first, page.totalCount));
      return stack.subgraphs.production!.statements;
    };
    const two = await count(2);
    expect(await count(100)).toBe(two);
    expect(two).toBeLessThanOrEqual(3); // the report, its lines, its machines
  });
});
