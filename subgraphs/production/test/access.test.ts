// Who may do what in production, called straight at the subgraph with signed identities: partner A sees
// its own lines, machines, work orders (with output and consumption), downtime, telemetry, limits and
// alerts — by list, by id, through `_entities`, through the fields contributed to Facility, Lot and
// Product, in OEE/MTBF/MTTR and in lot genealogy — and none of B's nor the brand-internal alerts; BOMs
// are refused to partners field by field; every mutation refuses roles it does not name, and a partner's
// write on B's rows is refused without changing anything.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, startStack, type GraphqlResponse, type Stack } from '@cmgraph/testkit';
import { scopeEntityManager, type Role } from '@cmgraph/platform';
import { ingestReadings } from '../src/telemetry/telemetry.ingest';
import { upsertAlerts, type AlertRaise } from '../src/alert/alert.upsert';
import { AlertCategory, AlertSeverity, AlertSubjectType } from '../src/alert/alert.enums';
import { refusal } from './fixtures';
import { buildPartnerWorld, idsOf, PERIOD, raise, registerLotOf, type CmRows, type PartnerWorld } from './partners.fixture';

let stack: Stack;
let world: PartnerWorld;
/** Every id of B's rows, the lower levels (outputs, consumption, downtime, readings, limits) included. */
let bIds: Set<string>;
let bomId: string;

const partnerOf = (rows: CmRows) => stack.subgraph('production', { caller: { roles: ['PARTNER'], supplierId: rows.plant.supplierId } });
const callerWith = (...roles: Role[]) => stack.subgraph('production', { caller: { roles } });
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const idsIn = (data: unknown) => new Set(JSON.stringify(data ?? null).match(UUID) ?? []);
const leaksIn = (data: unknown) => [...idsIn(data)].filter((id) => bIds.has(id));

/** The ids of the rows under one CM's line, facility and first machine, as `client` sees them (default ADMIN). */
async function rowIdsOf(rows: CmRows, client = stack.subgraph('production')): Promise<Set<string>> {
  const data = dataOf(await client(`query($f: ID!, $m: ID!, $l: ID!) {
    workOrders(first: 100, filter: { lineId: $l }) { nodes { id outputs { id } consumption { id } } }
    downtimeEvents(first: 100, filter: { facilityId: $f }) { nodes { id } }
    telemetry(machineId: $m, metric: "temperature") { id }
    metricLimits(machineId: $m) { id }
  }`, { f: rows.plant.facilityId, m: rows.plant.machineIds[0], l: rows.plant.lineId }));
  return idsIn(data);
}

/** Each table's row count and latest change, and the event log's length: "nothing changed" compares these. */
async function snapshot(): Promise<unknown> {
  const tables = ['line', 'machine', 'bill_of_materials', 'bill_of_materials_line', 'work_order', 'work_order_output', 'material_consumption',
    'downtime_reason', 'downtime_event', 'telemetry_reading', 'machine_metric_limit', 'alert'];
  const sql = [...tables.map((t) => `select '${t}' as t, count(*)::int as n, max(updated_at)::text as at from "${t}"`),
    `select 'outbox_event', count(*)::int, null from outbox_event`].join(' union all ');
  return stack.subgraphs.production!.server.orm.em.fork().getConnection().execute(sql);
}

/** The response's error codes, in order. */
const codesOf = (response: GraphqlResponse<unknown>) => (response.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders', 'production']);
  world = await buildPartnerWorld(stack);
  bIds = new Set([...idsOf(world.b), ...await rowIdsOf(world.b)]);
  bomId = dataOf(await stack.gateway(`query($p: ID!) { billOfMaterials(productId: $p) { id } }`, { p: world.finished })).billOfMaterials.id;
}, 240_000);
afterAll(async () => stack?.stop());

describe('what a partner reads', () => {
  const LISTS = `query($bf: ID!, $bl: ID!, $bm: ID!, $bs: ID!) {
    lines(first: 100) { totalCount nodes { id supplier { id } machines { id } } }
    linesOfB: lines(first: 100, filter: { facilityId: $bf }) { totalCount nodes { id } }
    machines(first: 100) { totalCount nodes { id line { id } } }
    machinesOfB: machines(first: 100, filter: { lineId: $bl }) { totalCount nodes { id } }
    workOrders(first: 100) { totalCount nodes { id line { id } outputs { id workOrder { id } } consumption { id workOrder { id } } } }
    workOrdersOfB: workOrders(first: 100, filter: { lineId: $bl }) { totalCount nodes { id } }
    downtimeEvents(first: 100) { totalCount nodes { id machine { id } } }
    downtimeOfB: downtimeEvents(first: 100, filter: { facilityId: $bf }) { totalCount nodes { id } }
    alerts(first: 100) { totalCount nodes { id supplier { id } subject { ... on Machine { id } ... on Line { id } } } }
    alertsOfB: alerts(first: 100, filter: { supplierId: $bs }) { totalCount nodes { id } }
    telemetryOfB: telemetry(machineId: $bm, metric: "temperature") { id }
    limitsOfB: metricLimits(machineId: $bm) { id }
    downtimeReasons { code }
  }`;
  const listVars = () => ({ bf: world.b.plant.facilityId, bl: world.b.plant.lineId, bm: world.b.plant.machineIds[0], bs: world.b.plant.supplierId });

  it('lists only its own rows of every type, whatever the filter names, and the shared downtime reasons', async () => {
    const data = dataOf(await partnerOf(world.a)(LISTS, listVars()));
    expect(leaksIn(data)).toEqual([]);
    expect({
      lines: data.lines.nodes.map((n: { id: string }) => n.id), machines: data.machines.totalCount, workOrders: data.workOrders.totalCount,
      downtime: data.downtimeEvents.totalCount, alerts: data.alerts.nodes.map((n: { id: string }) => n.id).sort(),
      ofB: [data.linesOfB, data.machinesOfB, data.workOrdersOfB, data.downtimeOfB, data.alertsOfB].map((c) => c.totalCount),
      telemetryOfB: data.telemetryOfB, limitsOfB: data.limitsOfB,
    }).toEqual({
      lines: [world.a.plant.lineId], machines: 2, workOrders: 4, downtime: 1, alerts: [...world.a.alertIds].sort(),
      ofB: [0, 0, 0, 0, 0], telemetryOfB: [], limitsOfB: [],
    });
    expect(data.workOrders.nodes.flatMap((n: { outputs: unknown[] }) => n.outputs)).toHaveLength(2);
    expect(data.downtimeReasons).toContainEqual({ code: 'PW-JAM' });
    // work orders with their outputs and consumption, downtime, readings and limits: all of A's, none of B's
    expect(await rowIdsOf(world.a, partnerOf(world.a))).toEqual(await rowIdsOf(world.a));
    expect(await rowIdsOf(world.b, partnerOf(world.a))).toEqual(new Set());
    // the same query as ADMIN does see B's rows (the leak count above could fail)
    const all = dataOf(await stack.subgraph('production')(LISTS, listVars()));
    expect(leaksIn(all).length).toBeGreaterThan(10);
    expect(all.alerts.nodes.map((n: { id: string }) => n.id)).toContain(world.brandAlertId);
  });

  it("finds its own rows by id, and neither B's nor a brand-internal alert", async () => {
    const BY_ID = `query($l: ID!, $m: ID!, $w: ID!, $a: ID!) { line(id: $l) { id } machine(id: $m) { id } workOrder(id: $w) { id } alert(id: $a) { id } }`;
    const of = (rows: CmRows) => ({ l: rows.plant.lineId, m: rows.plant.machineIds[1], w: rows.kitOrderId, a: rows.alertIds[0] });
    expect(dataOf(await partnerOf(world.a)(BY_ID, of(world.b)))).toEqual({ line: null, machine: null, workOrder: null, alert: null });
    expect(dataOf(await partnerOf(world.a)(BY_ID, { ...of(world.a), a: world.brandAlertId })).alert).toBeNull();
    const own = dataOf(await partnerOf(world.a)(BY_ID, of(world.a)));
    expect(own).toEqual({ line: { id: of(world.a).l }, machine: { id: of(world.a).m }, workOrder: { id: of(world.a).w }, alert: { id: of(world.a).a } });
  });

  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename
    ... on Line { id } ... on Machine { id } ... on WorkOrder { id } ... on Alert { id } ... on BillOfMaterials { id }
  } }`;
  const reps = (rows: CmRows) => [
    { __typename: 'Line', id: rows.plant.lineId }, { __typename: 'Machine', id: rows.plant.machineIds[0] },
    { __typename: 'WorkOrder', id: rows.workOrderId }, { __typename: 'Alert', id: rows.alertIds[1] },
  ];

  it("resolves B's entity references (and brand alerts and any BOM) to null with FORBIDDEN, its own to the rows", async () => {
    const theirs = [...reps(world.b), { __typename: 'Alert', id: world.brandAlertId }, { __typename: 'BillOfMaterials', id: bomId }];
    const refused = await partnerOf(world.a)(ENTITIES, { r: theirs });
    expect(refused.data?._entities).toEqual(theirs.map(() => null));
    expect(codesOf(refused)).toEqual(theirs.map(() => 'FORBIDDEN'));
    expect((refused.errors ?? []).map((e) => e.path?.join('.')).sort()).toEqual(theirs.map((_, i) => `_entities.${i}`));
    const own = dataOf(await partnerOf(world.a)(ENTITIES, { r: reps(world.a) }));
    expect(own._entities).toEqual(reps(world.a).map(({ __typename, id }) => ({ __typename, id })));
  });

  it("contributes to B's facility and lots nothing of B's, and to its own what is its own", async () => {
    const CONTRIBUTED = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Facility { lines { id } machines { id } oee(${PERIOD}) { oee } }
      ... on Lot { producedBy { id } consumedIn { id } ancestors { depth lot { id } workOrder { id } } descendants { depth lot { id } workOrder { id } } }
    } }`;
    const { a, b } = world;
    const r = [
      { __typename: 'Facility', id: b.plant.facilityId }, { __typename: 'Lot', id: b.outputLot }, { __typename: 'Lot', id: b.inputLot },
      { __typename: 'Lot', id: b.kitLot }, { __typename: 'Facility', id: a.plant.facilityId }, { __typename: 'Lot', id: a.outputLot }, { __typename: 'Lot', id: a.kitLot },
    ];
    const seen = dataOf(await partnerOf(a)(CONTRIBUTED, { r }))._entities;
    expect(leaksIn(seen)).toEqual([]);
    const none = { producedBy: null, consumedIn: [], ancestors: [], descendants: [] };
    expect(seen[0]).toEqual({ lines: [], machines: [], oee: null });
    // B's output lot went into A's kit: that consumption is A's own row, and nothing further up is shown
    expect(seen[1]).toEqual({ ...none, consumedIn: [{ id: a.kitOrderId }], descendants: [{ depth: 1, lot: { id: a.kitLot }, workOrder: { id: a.kitOrderId } }] });
    expect([seen[2], seen[3]]).toEqual([none, none]);
    expect(seen[4]).toMatchObject({ lines: [{ id: a.plant.lineId }], machines: a.plant.machineIds.map((id) => ({ id })), oee: { oee: expect.any(Number) } });
    // A's output lot: made by A, consumed by B's kit order (hidden), so no descendants for A
    expect(seen[5]).toEqual({ ...none, producedBy: { id: a.workOrderId }, ancestors: [{ depth: 1, lot: { id: a.inputLot }, workOrder: { id: a.workOrderId } }] });
    expect(seen[6]).toEqual({ ...none, producedBy: { id: a.kitOrderId }, ancestors: [{ depth: 1, lot: { id: b.outputLot }, workOrder: { id: a.kitOrderId } }] });
    // ADMIN sees across: the trace of A's kit goes on through B's work order, and B's facility has its line
    const admin = dataOf(await stack.subgraph('production')(CONTRIBUTED, { r }))._entities;
    expect(admin[6].ancestors).toContainEqual({ depth: 2, lot: { id: b.inputLot }, workOrder: { id: b.workOrderId } });
    expect(admin[5].descendants).toEqual([{ depth: 1, lot: { id: b.kitLot }, workOrder: { id: b.kitOrderId } }]);
    expect(admin[0]).toMatchObject({ lines: [{ id: b.plant.lineId }], oee: { oee: expect.any(Number) } });
  });

  it('gets OEE, MTBF and MTTR of its own lines and machines only', async () => {
    const KPIS = `query($l: ID!, $m: ID!) { line(id: $l) { oee(${PERIOD}) { oee } } machine(id: $m) { oee(${PERIOD}) { availability } mtbf(${PERIOD}) mttr(${PERIOD}) } }`;
    const own = dataOf(await partnerOf(world.a)(KPIS, { l: world.a.plant.lineId, m: world.a.plant.machineIds[0] }));
    expect(own).toEqual({ line: { oee: { oee: expect.any(Number) } }, machine: { oee: { availability: expect.any(Number) }, mtbf: expect.any(Number), mttr: 30 } });
    expect(dataOf(await partnerOf(world.a)(KPIS, { l: world.b.plant.lineId, m: world.b.plant.machineIds[0] }))).toEqual({ line: null, machine: null });
  });
});

describe('bills of materials', () => {
  const BOMS = `query($w: ID!, $p: ID!, $r: [_Any!]!) {
    workOrder(id: $w) { id bomVersion billOfMaterials { id lines { quantityPer component { id } } } }
    billOfMaterials(productId: $p) { id }
    _entities(representations: $r) { ... on Product { billOfMaterials { id } } }
  }`;
  const vars = () => ({ w: world.a.workOrderId, p: world.finished, r: [{ __typename: 'Product', id: world.finished }] });

  it('are null with FORBIDDEN for a partner, even on its own work order, whose other fields stay', async () => {
    const response = await partnerOf(world.a)(BOMS, vars());
    expect(response.data).toEqual({ workOrder: { id: world.a.workOrderId, bomVersion: 1, billOfMaterials: null }, billOfMaterials: null, _entities: [{ billOfMaterials: null }] });
    expect((response.errors ?? []).map((e) => [e.extensions?.code, e.path?.join('.')]).sort()).toEqual([
      ['FORBIDDEN', '_entities.0.billOfMaterials'], ['FORBIDDEN', 'billOfMaterials'], ['FORBIDDEN', 'workOrder.billOfMaterials'],
    ]);
  });

  it.each(['PLANNER', 'BUYER', 'QUALITY', 'SUSTAINABILITY', 'ANALYST'] as Role[])('are readable by %s', async (role) => {
    const data = dataOf(await callerWith(role)(BOMS, vars()));
    expect(data.workOrder.billOfMaterials).toMatchObject({ lines: [{ quantityPer: 1, component: { id: world.component } }] });
    expect(data.billOfMaterials.id).toBe(bomId);
    expect(data._entities[0].billOfMaterials.id).toBe(bomId);
  });
});

describe('mutations', () => {
  const M = {
    createLine: `mutation($input: CreateLineInput!) { createLine(input: $input) { id } }`,
    createMachine: `mutation($input: CreateMachineInput!) { createMachine(input: $input) { id } }`,
    createBillOfMaterials: `mutation($input: CreateBillOfMaterialsInput!) { createBillOfMaterials(input: $input) { id } }`,
    createDowntimeReason: `mutation($input: CreateDowntimeReasonInput!) { createDowntimeReason(input: $input) { id } }`,
    createWorkOrder: `mutation($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id } }`,
    setWorkOrderStatus: `mutation($input: SetWorkOrderStatusInput!) { setWorkOrderStatus(input: $input) { id status } }`,
    reportWorkOrderOutput: `mutation($input: ReportWorkOrderOutputInput!) { reportWorkOrderOutput(input: $input) { id } }`,
    recordConsumption: `mutation($input: RecordConsumptionInput!) { recordConsumption(input: $input) { id } }`,
    recordDowntime: `mutation($input: RecordDowntimeInput!) { recordDowntime(input: $input) { id } }`,
    ingestTelemetry: `mutation($input: [TelemetryReadingInput!]!) { ingestTelemetry(readings: $input) { accepted alerts { id } } }`,
    setMetricLimit: `mutation($input: SetMetricLimitInput!) { setMetricLimit(input: $input) { id } }`,
    raiseAlert: `mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { id } }`,
    acknowledgeAlert: `mutation($input: AlertActionInput!) { acknowledgeAlert(input: $input) { id } }`,
    resolveAlert: `mutation($input: AlertActionInput!) { resolveAlert(input: $input) { id } }`,
  };
  type Name = keyof typeof M;
  let serial = 0;
  const reading = (machineId: string, value = 50) => ({ machineId, metric: 'temperature', value, unit: 'degC', recordedAt: '2026-03-03T09:00:00Z' });
  /** A valid input of each mutation about `rows` (fresh codes, numbers and lots, made by the CM, on each call). */
  const inputOf: Record<Name, (rows: CmRows) => Promise<unknown>> = {
    createLine: async (rows) => ({ facilityId: rows.plant.facilityId, code: `LX${++serial}`, name: 'Extra', idealCycleSeconds: 30 }),
    createMachine: async (rows) => ({ lineId: rows.plant.lineId, code: `MX${++serial}`, name: 'Extra', idealCycleSeconds: 30 }),
    createBillOfMaterials: async () => ({ productId: world.kit, lines: [{ componentProductId: world.finished, quantityPer: 1, uom: 'EA' }] }),
    createDowntimeReason: async () => ({ code: `RX${++serial}`, description: 'Extra', category: 'OTHER', planned: false }),
    createWorkOrder: async (rows) => ({
      number: `WO-PWX${++serial}`, productId: world.finished, lineId: rows.plant.lineId, quantityPlanned: 5, uom: 'EA',
      plannedStart: '2026-03-04T06:00:00Z', plannedEnd: '2026-03-04T08:00:00Z',
    }),
    setWorkOrderStatus: async (rows) => ({ workOrderId: rows.plannedOrderId, status: 'RELEASED' }),
    reportWorkOrderOutput: async (rows) => ({
      workOrderId: rows.runningOrderId, lotId: await registerLotOf(stack, world.finished, `PWX-OUT-${++serial}`, rows.plant.supplierId), goodQuantity: 1,
    }),
    recordConsumption: async (rows) => ({
      workOrderId: rows.runningOrderId, lotId: await registerLotOf(stack, world.component, `PWX-IN-${++serial}`, rows.plant.supplierId), quantity: 1,
    }),
    recordDowntime: async (rows) => ({ machineId: rows.plant.machineIds[1], reasonCode: 'PW-JAM', startedAt: '2026-03-03T10:00:00Z', endedAt: '2026-03-03T10:05:00Z' }),
    ingestTelemetry: async (rows) => [reading(rows.plant.machineIds[0]!, 95)],
    setMetricLimit: async (rows) => ({ machineId: rows.plant.machineIds[1], metric: `vibration${++serial}`, unit: 'mm/s', max: 5 }),
    raiseAlert: async (rows) => ({ category: 'QUALITY', severity: 'INFO', subjectType: 'Machine', subjectId: rows.plant.machineIds[1], message: `check ${++serial}` }),
    acknowledgeAlert: async (rows) => ({ alertId: rows.alertIds[0], by: 'someone' }),
    resolveAlert: async (rows) => ({ alertId: rows.alertIds[1], by: 'someone' }),
  };
  const RULES: [Name, Role[]][] = [
    ['createLine', ['PLANNER']], ['createMachine', ['PLANNER']], ['createBillOfMaterials', ['PLANNER']], ['createDowntimeReason', ['PLANNER']],
    ['createWorkOrder', ['PLANNER']], ['setWorkOrderStatus', ['PLANNER', 'PARTNER']], ['reportWorkOrderOutput', ['PLANNER', 'PARTNER']],
    ['recordConsumption', ['PLANNER', 'PARTNER']], ['recordDowntime', ['PLANNER', 'PARTNER']], ['ingestTelemetry', ['PLANNER', 'PARTNER']],
    ['setMetricLimit', ['PLANNER', 'QUALITY']], ['raiseAlert', ['PLANNER', 'QUALITY']],
    ['acknowledgeAlert', ['PLANNER', 'QUALITY', 'PARTNER']], ['resolveAlert', ['PLANNER', 'QUALITY', 'PARTNER']],
  ];
  const client = (role: Role, rows: CmRows) => (role === 'PARTNER' ? partnerOf(rows) : callerWith(role));

  it.each(RULES)('%s refuses every role it does not name (ANALYST, BUYER, SUSTAINABILITY, …), changing nothing', async (name, roles) => {
    const refused = (['ANALYST', 'BUYER', 'SUSTAINABILITY', 'QUALITY', 'PARTNER'] as Role[]).filter((role) => !roles.includes(role));
    expect(refused).toContain('ANALYST');
    expect(refused.length).toBeGreaterThanOrEqual(2);
    for (const role of refused) {
      const input = await inputOf[name](world.a);
      const before = await snapshot();
      const response = await client(role, world.a)(M[name], { input });
      expect([role, refusal(response).code, response.data?.[name] ?? null]).toEqual([role, 'FORBIDDEN', null]);
      expect(await snapshot()).toEqual(before);
    }
  });

  it.each(RULES)("%s succeeds for the first role it names (a planner or quality is not confined to one CM: on B's rows)", async (name, roles) => {
    const role = roles.includes('QUALITY') ? 'QUALITY' : roles[0]!;
    const response = await client(role, world.b)(M[name], { input: await inputOf[name](world.b) });
    expect(response.errors).toBeUndefined();
    expect(response.data?.[name]).toBeTruthy();
  });

  describe('a partner', () => {
    it('reports on its own work orders, machines and alerts', async () => {
      const a = partnerOf(world.a);
      for (const name of ['setWorkOrderStatus', 'reportWorkOrderOutput', 'recordConsumption', 'recordDowntime', 'ingestTelemetry', 'acknowledgeAlert', 'resolveAlert'] as Name[]) {
        const response = await a(M[name], { input: await inputOf[name](world.a) });
        expect([name, response.errors]).toEqual([name, undefined]);
      }
      const alerts = dataOf(await a(`{ alerts(first: 100) { nodes { id supplier { id } } } }`)).alerts.nodes;
      expect(alerts.every((n: { supplier: { id: string } }) => n.supplier.id === world.a.plant.supplierId)).toBe(true);
    });

    it("is refused B's work orders, machines, alerts and the brand's alerts as NOT_FOUND, changing nothing", async () => {
      const a = partnerOf(world.a);
      const cases: [Name, unknown, string][] = [
        ['setWorkOrderStatus', await inputOf.setWorkOrderStatus(world.b), 'workOrderId'],
        // with A's own lots: the work order is what is refused
        ['reportWorkOrderOutput', { ...(await inputOf.reportWorkOrderOutput(world.a) as object), workOrderId: world.b.runningOrderId }, 'workOrderId'],
        ['recordConsumption', { ...(await inputOf.recordConsumption(world.a) as object), workOrderId: world.b.runningOrderId }, 'workOrderId'],
        ['recordDowntime', await inputOf.recordDowntime(world.b), 'machineId'],
        ['acknowledgeAlert', { alertId: world.b.alertIds[0], by: 'a' }, 'alertId'],
        ['resolveAlert', { alertId: world.b.alertIds[0], by: 'a' }, 'alertId'],
        ['acknowledgeAlert', { alertId: world.brandAlertId, by: 'a' }, 'alertId'],
        ['resolveAlert', { alertId: world.brandAlertId, by: 'a' }, 'alertId'],
        // one reading of B's machine in the batch refuses the whole batch
        ['ingestTelemetry', [reading(world.a.plant.machineIds[0]!, 99), reading(world.b.plant.machineIds[0]!, 99)], 'readings[1].machineId'],
      ];
      for (const [name, input, field] of cases) {
        const before = await snapshot();
        const response = await a(M[name], { input });
        expect([name, refusal(response)]).toEqual([name, { code: 'NOT_FOUND', field }]);
        expect(await snapshot()).toEqual(before);
      }
    });

    it('is refused output into a lot another supplier made (naming lotId), changing nothing', async () => {
      const lotOfB = await registerLotOf(stack, world.finished, `PWX-B-${++serial}`, world.b.plant.supplierId);
      const before = await snapshot();
      const response = await partnerOf(world.a)(M.reportWorkOrderOutput, { input: { workOrderId: world.a.runningOrderId, lotId: lotOfB, goodQuantity: 1 } });
      // FORBIDDEN here; NOT_FOUND if inventory already hides B's lot from A
      expect(refusal(response)).toEqual({ code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/), field: 'lotId' });
      expect(await snapshot()).toEqual(before);
    });

    it("is refused output into a lot B's work order already put out: the check sees past its scope (CONFLICT)", async () => {
      // a lot of A's that a planner booked as the output of B's work order
      const lot = await registerLotOf(stack, world.finished, `PWX-SHARED-${++serial}`, world.a.plant.supplierId);
      dataOf(await stack.subgraph('production')(M.reportWorkOrderOutput, { input: { workOrderId: world.b.runningOrderId, lotId: lot, goodQuantity: 1 } }));
      const before = await snapshot();
      const response = await partnerOf(world.a)(M.reportWorkOrderOutput, { input: { workOrderId: world.a.runningOrderId, lotId: lot, goodQuantity: 1 } });
      expect(refusal(response)).toEqual({ code: 'CONFLICT', field: 'lotId' });
      expect(await snapshot()).toEqual(before);
    });

    it('raises MACHINE_HEALTH alerts carrying its own supplier only', async () => {
      const a = partnerOf(world.a);
      const { ingestTelemetry } = dataOf(await a(M.ingestTelemetry, { input: [reading(world.a.plant.machineIds[0]!, 120)] }));
      const { alert } = dataOf(await stack.subgraph('production')(`query($id: ID!) { alert(id: $id) { supplier { id } subject { ... on Machine { id } } } }`, { id: ingestTelemetry.alerts[0].id }));
      expect(alert).toEqual({ supplier: { id: world.a.plant.supplierId }, subject: { id: world.a.plant.machineIds[0] } });
    });
  });

  describe("raw-SQL writes on a partner's EntityManager (behind the resolvers' own checks)", () => {
    const partnerEm = (rows: CmRows) => scopeEntityManager(stack.subgraphs.production!.server.orm.em.fork(), {
      subject: 'partner', roles: ['PARTNER'], supplierId: rows.plant.supplierId,
    });
    const alertAbout = (rows: CmRows, machineId: string): AlertRaise => ({
      category: AlertCategory.MACHINE_HEALTH, severity: AlertSeverity.WARNING, subjectType: AlertSubjectType.Machine, subjectId: machineId,
      facilityId: rows.plant.facilityId, supplierId: rows.plant.supplierId, message: 'hot', metric: 'temperature', value: 99, threshold: 80, unit: 'degC', occurrences: 1,
    });

    it("telemetry: a batch with one reading of B's machine stores nothing (FORBIDDEN)", async () => {
      const before = await snapshot();
      const place = (rows: CmRows) => [rows.plant.machineIds[0]!, { facilityId: rows.plant.facilityId, supplierId: rows.plant.supplierId }] as const;
      const batch = [world.a, world.b].map((rows) => ({ ...reading(rows.plant.machineIds[0]!, 10), recordedAt: new Date('2026-03-03T11:00:00Z') }));
      const ingest = partnerEm(world.a).transactional((em) => ingestReadings(em, batch, new Map([place(world.a), place(world.b)])));
      await expect(ingest).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN', field: 'readings' } });
      expect(await snapshot()).toEqual(before);
    });

    it("alerts: a raise carrying B, or repeating B's open alert, writes nothing (FORBIDDEN)", async () => {
      const before = await snapshot();
      const b = world.b.plant.machineIds[0]!;
      // B's machine is over its limit: B's MACHINE_HEALTH alert about it is open
      for (const raise of [alertAbout(world.b, b), { ...alertAbout(world.a, b) }]) {
        const upsert = partnerEm(world.a).transactional((em) => upsertAlerts(em, [raise]));
        await expect(upsert).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN', field: 'supplierId' } });
      }
      expect(await snapshot()).toEqual(before);
    });
  });

  it('leave an alert a planner raises about a product, naming no supplier, brand-internal', async () => {
    const id = await raise(stack, { category: 'STOCK', subjectType: 'Product', subjectId: world.component, message: 'low' });
    expect(dataOf(await partnerOf(world.a)(`query($id: ID!) { alert(id: $id) { id } }`, { id })).alert).toBeNull();
    expect(dataOf(await callerWith('ANALYST')(`query($id: ID!) { alert(id: $id) { id } }`, { id })).alert).toEqual({ id });
  });
});
