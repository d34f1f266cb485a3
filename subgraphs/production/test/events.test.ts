// Every production mutation commits its event with its change, in one transaction: alerts (raised,
// recurred, acknowledged, resolved, from the mutation and from telemetry), work-order creation and
// status changes, consumption and output with what inventory books stock movements from. A refused
// mutation, or one that fails at commit, leaves no event behind.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import {
  countRows, createBom, createPlant, createProduct, createWorkOrder, CREATE_WORK_ORDER, eventsAfter, lastSeq, mutate, RECORD_CONSUMPTION,
  refusal, registerLot, REPORT_OUTPUT, run, SET_STATUS, type Plant,
} from './fixtures';

let stack: Stack;
let plant: Plant;
let other: Plant;
let finished: string;
let component: string;
beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'production']);
  plant = await createPlant(stack, 2);
  other = await createPlant(stack, 1);
  finished = await createProduct(stack);
  component = await createProduct(stack);
  await createBom(stack, finished, [component]);
}, 120_000);
afterAll(async () => stack?.stop());

const RAISE = `mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { id occurrences severity } }`;
const raise = (input: object) =>
  stack.gateway(RAISE, { input: { category: 'THROUGHPUT', severity: 'WARNING', subjectType: 'Line', subjectId: plant.lineId, message: 'slow', ...input } });
const act = (name: string, alertId: string) =>
  stack.gateway(`mutation($input: AlertActionInput!) { ${name}(input: $input) { id } }`, { input: { alertId, by: 'planner@brand' } });
const INGEST = `mutation($readings: [TelemetryReadingInput!]!) { ingestTelemetry(readings: $readings) { accepted alerts { id metric occurrences } } }`;
const LIMIT = `mutation($input: SetMetricLimitInput!) { setMetricLimit(input: $input) { id } }`;

async function createLocation(facilityId: string | null, code: string): Promise<string> {
  const { createLocation } = await mutate(stack, `mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }`, {
    code, name: `Store ${code}`, type: 'PLANT', country: 'MX', facilityId,
  });
  return createLocation.id;
}

describe('alert events', () => {
  it('raiseAlert writes alert.raised, then alert.recurred for a repeat, with facility, supplier and a comparable severity', async () => {
    const from = await lastSeq(stack);
    const { id } = dataOf(await raise({ category: 'QUALITY' })).raiseAlert;
    dataOf(await raise({ category: 'QUALITY', severity: 'CRITICAL' }));
    const events = await eventsAfter(stack, from);
    const facts = { alertId: id, category: 'QUALITY', subjectType: 'Line', subjectId: plant.lineId, facilityId: plant.facilityId, supplierId: plant.supplierId };
    expect(events).toMatchObject([
      { type: 'alert.raised', subjectType: 'Alert', subjectId: id, supplierId: plant.supplierId,
        payload: { ...facts, change: 'RAISED', severity: 'WARNING', severityRank: 1, occurrences: 1 } },
      { type: 'alert.recurred', subjectId: id, payload: { ...facts, change: 'RECURRED', severity: 'CRITICAL', severityRank: 2, occurrences: 2 } },
    ]);
  });

  it('acknowledgeAlert and resolveAlert write their events; refused ones write none', async () => {
    const { id } = dataOf(await raise({ category: 'DELIVERY' })).raiseAlert;
    const from = await lastSeq(stack);
    dataOf(await act('acknowledgeAlert', id));
    expect(refusal(await act('acknowledgeAlert', id))).toEqual({ code: 'CONFLICT', field: 'status' });
    dataOf(await act('resolveAlert', id));
    expect(refusal(await act('resolveAlert', id))).toEqual({ code: 'CONFLICT', field: 'status' });
    expect((await eventsAfter(stack, from)).map((e) => [e.type, e.payload.change, e.payload.by])).toEqual([
      ['alert.acknowledged', 'ACKNOWLEDGED', 'planner@brand'],
      ['alert.resolved', 'RESOLVED', 'planner@brand'],
    ]);
  });

  it('a refused raise writes no alert and no event', async () => {
    const from = await lastSeq(stack);
    const alerts = await countRows(stack, 'alert');
    expect(refusal(await raise({ subjectType: 'Machine', subjectId: plant.lineId }))).toEqual({ code: 'NOT_FOUND', field: 'subjectId' });
    expect(refusal(await raise({ subjectType: 'Supplier', subjectId: plant.lineId }))).toEqual({ code: 'NOT_FOUND', field: 'subjectId' });
    expect(await countRows(stack, 'alert')).toBe(alerts);
    expect(await eventsAfter(stack, from)).toEqual([]);
  });

  it('ingestTelemetry raises one alert per machine and metric over its limit, with their events; a refused batch writes nothing', async () => {
    const [m1, m2] = plant.machineIds as [string, string];
    await mutate(stack, LIMIT, { machineId: m1, metric: 'temperature', unit: 'degC', max: 80 });
    await mutate(stack, LIMIT, { machineId: m1, metric: 'vibration', unit: 'mm/s', max: 7.1 });
    await mutate(stack, LIMIT, { machineId: m2, metric: 'temperature', unit: 'degC', max: 80 });
    const reading = (machineId: string, metric: string, value: number, unit: string, minute: number) =>
      ({ machineId, metric, value, unit, recordedAt: `2026-03-03T08:${String(minute).padStart(2, '0')}:00Z` });
    const from = await lastSeq(stack);
    const { ingestTelemetry } = dataOf(await stack.gateway(INGEST, { readings: [
      reading(m1, 'temperature', 85, 'degC', 0), reading(m1, 'temperature', 90, 'degC', 1), reading(m1, 'temperature', 60, 'degC', 2),
      reading(m1, 'vibration', 8, 'mm/s', 0), reading(m2, 'temperature', 70, 'degC', 0),
    ] }));
    expect(ingestTelemetry.accepted).toBe(5);
    expect(ingestTelemetry.alerts.map((a: { metric: string; occurrences: number }) => [a.metric, a.occurrences]).sort()).toEqual([['temperature', 2], ['vibration', 1]]);
    const raised = await eventsAfter(stack, from);
    expect(raised.map((e) => [e.type, e.payload.subjectId, e.payload.metric, e.payload.category, e.supplierId]).sort()).toEqual([
      ['alert.raised', m1, 'temperature', 'MACHINE_HEALTH', plant.supplierId],
      ['alert.raised', m1, 'vibration', 'MACHINE_HEALTH', plant.supplierId],
    ]);
    // a later batch over the temperature limit again counts on the same open alert
    const again = await lastSeq(stack);
    dataOf(await stack.gateway(INGEST, { readings: [reading(m1, 'temperature', 100, 'degC', 3)] }));
    expect((await eventsAfter(stack, again)).map((e) => [e.type, e.payload.metric, e.payload.occurrences, e.payload.severity])).toEqual([
      ['alert.recurred', 'temperature', 3, 'CRITICAL'],
    ]);
    const before = await lastSeq(stack);
    const rows = [await countRows(stack, 'telemetry_reading'), await countRows(stack, 'alert')];
    expect(refusal(await stack.gateway(INGEST, { readings: [reading(m1, 'temperature', 99, 'degC', 4), reading(m1, 'temperature', 99, 'kW', 5)] })))
      .toEqual({ code: 'BAD_USER_INPUT', field: 'readings[1].unit' });
    expect([await countRows(stack, 'telemetry_reading'), await countRows(stack, 'alert')]).toEqual(rows);
    expect(await eventsAfter(stack, before)).toEqual([]);
  });
});

describe('work order events', () => {
  it('createWorkOrder and every status change write their event, with the CM whose line runs it', async () => {
    const from = await lastSeq(stack);
    const id = await createWorkOrder(stack, plant.lineId, finished);
    await run(stack, id, '2026-03-02T06:00:00Z', '2026-03-02T12:00:00Z');
    const events = await eventsAfter(stack, from);
    expect(events.map((e) => [e.type, e.payload.from ?? null, e.payload.status ?? e.payload.to])).toEqual([
      ['work_order.created', null, 'PLANNED'],
      ['work_order.status_changed', 'PLANNED', 'RELEASED'],
      ['work_order.status_changed', 'RELEASED', 'RUNNING'],
      ['work_order.status_changed', 'RUNNING', 'COMPLETED'],
    ]);
    expect(events.every((e) => e.subjectType === 'WorkOrder' && e.subjectId === id && e.supplierId === plant.supplierId)).toBe(true);
    expect(events[0]!.payload).toMatchObject({ workOrderId: id, productId: finished, facilityId: plant.facilityId, lineId: plant.lineId, quantityPlanned: 100, uom: 'EA' });
    expect(events[2]!.payload.at).toBe('2026-03-02T06:00:00.000Z'); // the floor's time; the row's is when it was recorded
  });

  it('an illegal status change, or a create that fails at commit, writes no event', async () => {
    const id = await createWorkOrder(stack, plant.lineId, finished);
    const from = await lastSeq(stack);
    expect(refusal(await stack.gateway(SET_STATUS, { input: { workOrderId: id, status: 'COMPLETED' } }))).toEqual({ code: 'CONFLICT', field: 'status' });
    // the same number twice at once: one wins; the other fails on the number check, or on the unique index at commit
    // after its event was staged (the outbox lock lets one commit first)
    const input = { number: 'WO-RACE-1', productId: finished, lineId: plant.lineId, quantityPlanned: 5, uom: 'EA', plannedStart: '2026-03-04T06:00:00Z', plannedEnd: '2026-03-04T14:00:00Z' };
    const results = await Promise.all([stack.gateway(CREATE_WORK_ORDER, { input }), stack.gateway(CREATE_WORK_ORDER, { input })]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors).map(refusal)).toEqual([{ code: 'BAD_USER_INPUT', field: 'number' }]);
    expect((await eventsAfter(stack, from)).map((e) => [e.type, e.payload.workOrderNumber])).toEqual([['work_order.created', 'WO-RACE-1']]);
  });

  it('recordConsumption writes consumption.recorded with product, lot, quantity, uom and location (null when not named)', async () => {
    const id = await createWorkOrder(stack, plant.lineId, finished);
    await run(stack, id, '2026-03-02T06:00:00Z');
    const lot = await registerLot(stack, component, 'IN-LOT-1');
    const store = await createLocation(plant.facilityId, 'STORE-P1');
    const from = await lastSeq(stack);
    const named = dataOf(await stack.gateway(RECORD_CONSUMPTION, { input: { workOrderId: id, lotId: lot, quantity: 12, locationId: store } })).recordConsumption;
    const unnamed = dataOf(await stack.gateway(RECORD_CONSUMPTION, { input: { workOrderId: id, lotId: lot, quantity: 3 } })).recordConsumption;
    const events = await eventsAfter(stack, from);
    const common = { workOrderId: id, productId: component, lotId: lot, lotNumber: 'IN-LOT-1', uom: 'EA', facilityId: plant.facilityId, lineId: plant.lineId };
    expect(events).toMatchObject([
      { type: 'consumption.recorded', subjectType: 'MaterialConsumption', subjectId: named.id, supplierId: plant.supplierId,
        payload: { ...common, consumptionId: named.id, quantity: 12, locationId: store } },
      { type: 'consumption.recorded', subjectId: unnamed.id, payload: { ...common, consumptionId: unnamed.id, quantity: 3, locationId: null } },
    ]);
    const { workOrder } = dataOf(await stack.gateway(`query($id: ID!) { workOrder(id: $id) { consumption { quantity location { id } } } }`, { id }));
    expect(workOrder.consumption).toEqual([{ quantity: 12, location: { id: store } }, { quantity: 3, location: null }]);
  });

  it('reportWorkOrderOutput writes work_order.output_reported with product, lot, good quantity and location', async () => {
    const id = await createWorkOrder(stack, plant.lineId, finished);
    await run(stack, id, '2026-03-02T06:00:00Z');
    const lot = await registerLot(stack, finished, 'OUT-LOT-1');
    const store = await createLocation(plant.facilityId, 'STORE-P2');
    const from = await lastSeq(stack);
    dataOf(await stack.gateway(REPORT_OUTPUT, { input: { workOrderId: id, lotId: lot, goodQuantity: 40, scrapQuantity: 2, locationId: store } }));
    const [event, ...rest] = await eventsAfter(stack, from);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      type: 'work_order.output_reported', subjectType: 'WorkOrder', subjectId: id, supplierId: plant.supplierId,
      payload: { workOrderId: id, productId: finished, lotId: lot, lotNumber: 'OUT-LOT-1', goodQuantity: 40, scrapQuantity: 2, uom: 'EA', locationId: store, facilityId: plant.facilityId },
    });
  });

  it('refused reports write neither rows nor events', async () => {
    const planned = await createWorkOrder(stack, plant.lineId, finished);
    const running = await createWorkOrder(stack, plant.lineId, finished);
    await run(stack, running, '2026-03-02T06:00:00Z');
    const input = await registerLot(stack, component, 'IN-LOT-2');
    const output = await registerLot(stack, finished, 'OUT-LOT-2');
    const elsewhere = await createLocation(other.facilityId, 'STORE-O1');
    const from = await lastSeq(stack);
    const rows = [await countRows(stack, 'material_consumption'), await countRows(stack, 'work_order_output')];
    const consume = (input: object) => stack.gateway(RECORD_CONSUMPTION, { input });
    const report = (input: object) => stack.gateway(REPORT_OUTPUT, { input });
    expect(refusal(await consume({ workOrderId: planned, lotId: input, quantity: 1 }))).toEqual({ code: 'CONFLICT', field: 'status' });
    expect(refusal(await consume({ workOrderId: running, lotId: output, quantity: 1 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'lotId' });
    expect(refusal(await consume({ workOrderId: running, lotId: input, quantity: 1, locationId: elsewhere }))).toEqual({ code: 'BAD_USER_INPUT', field: 'locationId' });
    expect(refusal(await consume({ workOrderId: running, lotId: input, quantity: 1, locationId: plant.lineId }))).toEqual({ code: 'NOT_FOUND', field: 'locationId' });
    expect(refusal(await report({ workOrderId: running, lotId: output, goodQuantity: 1, locationId: elsewhere }))).toEqual({ code: 'BAD_USER_INPUT', field: 'locationId' });
    expect(refusal(await report({ workOrderId: planned, lotId: output, goodQuantity: 1 }))).toEqual({ code: 'CONFLICT', field: 'status' });
    expect([await countRows(stack, 'material_consumption'), await countRows(stack, 'work_order_output')]).toEqual(rows);
    expect(await eventsAfter(stack, from)).toEqual([]);
  });
});
