// The alert store: one open alert per category, subject and metric (a repeat counts, concurrently too),
// the acknowledge/resolve lifecycle, subjects resolved by their owners (with the facility and supplier
// they belong to), and telemetry over a limit raising MACHINE_HEALTH alerts in the ingesting
// transaction, with units converted or refused.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { countRows, createPlant, mutate, refusal, type Plant } from './fixtures';

let stack: Stack;
let plant: Plant;
beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders', 'production']);
  plant = await createPlant(stack, 3);
}, 120_000);
afterAll(async () => stack?.stop());

const RAISE = `mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { id occurrences severity open value } }`;
const raise = (input: object) => stack.gateway(RAISE, { input: { category: 'THROUGHPUT', severity: 'WARNING', subjectType: 'Line', subjectId: plant.lineId, message: 'slow', ...input } });
const INGEST = `mutation($readings: [TelemetryReadingInput!]!) { ingestTelemetry(readings: $readings) {
  accepted alerts { category severity occurrences metric value threshold unit subject { ... on Machine { code } } }
} }`;

describe('raising alerts', () => {
  it('keeps one open alert per category and subject: a repeat counts an occurrence and keeps the higher severity', async () => {
    const first = dataOf(await raise({ value: 10 })).raiseAlert;
    const again = dataOf(await raise({ severity: 'CRITICAL', value: 12 })).raiseAlert;
    const milder = dataOf(await raise({ severity: 'INFO', value: 11 })).raiseAlert;
    expect(again).toEqual({ id: first.id, occurrences: 2, severity: 'CRITICAL', open: true, value: 12 });
    expect(milder).toMatchObject({ id: first.id, occurrences: 3, severity: 'CRITICAL', value: 11 });
  });

  it('counts concurrent raises about one subject into one alert', async () => {
    const responses = await Promise.all(Array.from({ length: 8 }, () => raise({ category: 'QUALITY', subjectType: 'Machine', subjectId: plant.machineIds[0] })));
    const ids = new Set(responses.map((r) => dataOf(r).raiseAlert.id));
    expect(ids.size).toBe(1);
    const { alerts } = dataOf(await stack.gateway(`query($id: ID!) { alerts(filter: { categories: [QUALITY], subjectId: $id }) { totalCount nodes { occurrences facility { id } } } }`, { id: plant.machineIds[0] }));
    expect(alerts).toEqual({ totalCount: 1, nodes: [{ occurrences: 8, facility: { id: plant.facilityId } }] });
  });

  it('acknowledges and resolves once each, and opens a new alert on the next raise after resolving', async () => {
    const { id } = dataOf(await raise({ category: 'DELIVERY' })).raiseAlert;
    const act = (name: string) => stack.gateway(`mutation($input: AlertActionInput!) { ${name}(input: $input) { acknowledgedBy resolvedBy open } }`, { input: { alertId: id, by: 'planner@brand' } });
    expect(dataOf(await act('acknowledgeAlert')).acknowledgeAlert).toEqual({ acknowledgedBy: 'planner@brand', resolvedBy: null, open: true });
    expect(refusal(await act('acknowledgeAlert'))).toEqual({ code: 'CONFLICT', field: 'status' });
    expect(dataOf(await act('resolveAlert')).resolveAlert).toMatchObject({ resolvedBy: 'planner@brand', open: false });
    expect(refusal(await act('resolveAlert'))).toEqual({ code: 'CONFLICT', field: 'status' });
    const reopened = dataOf(await raise({ category: 'DELIVERY' })).raiseAlert;
    expect(reopened).toMatchObject({ occurrences: 1, open: true });
    expect(reopened.id).not.toBe(id);
  });

  it('resolves a subject owned by another subgraph through the gateway, and refuses an unknown one writing nothing', async () => {
    const response = await raise({ category: 'SUPPLIER', subjectType: 'Supplier', subjectId: plant.supplierId, facilityId: plant.facilityId });
    const { alert } = dataOf(await stack.gateway(`query($id: ID!) { alert(id: $id) { subject { __typename ... on Supplier { code } } } }`, { id: dataOf(response).raiseAlert.id }));
    expect(alert.subject).toEqual({ __typename: 'Supplier', code: expect.stringMatching(/^CM-/) });
    const before = await countRows(stack, 'alert');
    expect(refusal(await raise({ subjectType: 'Supplier', subjectId: plant.lineId }))).toEqual({ code: 'NOT_FOUND', field: 'subjectId' });
    expect(refusal(await raise({ subjectType: 'Machine', subjectId: 'nope' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'subjectId' });
    expect(await countRows(stack, 'alert')).toBe(before);
  });

  it('carries the facility and the supplier its subject belongs to, asked of the owner for other subgraphs\' entities', async () => {
    const about = async (input: object) => {
      const { id } = dataOf(await raise({ category: 'ENVIRONMENT', ...input })).raiseAlert;
      const { alert } = dataOf(await stack.gateway(`query($id: ID!) { alert(id: $id) { facility { id } supplier { id } } }`, { id }));
      return alert;
    };
    const expected = { facility: { id: plant.facilityId }, supplier: { id: plant.supplierId } };
    expect(await about({ subjectType: 'Facility', subjectId: plant.facilityId })).toEqual(expected);
    expect(await about({ subjectType: 'Machine', subjectId: plant.machineIds[2] })).toEqual(expected);
    expect(await about({ subjectType: 'Supplier', subjectId: plant.supplierId, facilityId: plant.facilityId })).toEqual(expected);
    const { alerts } = dataOf(await stack.gateway(`query($s: ID!) { alerts(filter: { supplierId: $s, categories: [ENVIRONMENT] }) { totalCount } }`, { s: plant.supplierId }));
    expect(alerts.totalCount).toBe(3);
  });

  it('filters by category, minimum severity, open state and facility', async () => {
    const { alerts } = dataOf(await stack.gateway(`query($f: ID!) { alerts(filter: { minSeverity: CRITICAL, open: true, facilityId: $f }) { nodes { category severity } } }`, { f: plant.facilityId }));
    expect(alerts.nodes).toEqual([{ category: 'THROUGHPUT', severity: 'CRITICAL' }]);
  });
});

describe('telemetry', () => {
  const machineId = () => plant.machineIds[1]!;
  const reading = (value: number, unit: string, minute: number, metric = 'temperature') => ({ machineId: machineId(), metric, value, unit, recordedAt: `2026-03-02T10:${String(minute).padStart(2, '0')}:00Z` });

  beforeAll(async () => {
    await mutate(stack, `mutation($input: SetMetricLimitInput!) { setMetricLimit(input: $input) { max } }`, { machineId: machineId(), metric: 'temperature', unit: 'degC', max: 80 });
  });

  it('raises one MACHINE_HEALTH alert for the readings over the limit, comparing other units after exact conversion', async () => {
    // 70 degC is fine; 85 degC and 200 degF (= 93.33 degC) are over 80 degC, by less than 20 %: WARNING.
    const { ingestTelemetry } = dataOf(await stack.gateway(INGEST, { readings: [reading(70, 'degC', 0), reading(85, 'degC', 1), reading(200, 'degF', 2)] }));
    expect(ingestTelemetry).toMatchObject({ accepted: 3, alerts: [{ category: 'MACHINE_HEALTH', severity: 'WARNING', occurrences: 2, metric: 'temperature', threshold: 80, unit: 'degC', subject: { code: 'L1-M2' } }] });
    expect(ingestTelemetry.alerts[0].value).toBeCloseTo(((200 - 32) * 5) / 9, 10);
    // 373.15 K = 100 degC is 25 % over: the same open alert turns CRITICAL.
    const again = dataOf(await stack.gateway(INGEST, { readings: [reading(373.15, 'K', 3)] })).ingestTelemetry;
    expect(again.alerts).toMatchObject([{ severity: 'CRITICAL', occurrences: 3 }]);
    expect(again.alerts[0].value).toBeCloseTo(100, 10);
  });

  it('refuses a unit of another quantity or an unknown unit or machine, naming the reading, and writes nothing', async () => {
    const before = [await countRows(stack, 'telemetry_reading'), await countRows(stack, 'alert')];
    const ingest = (readings: object[]) => stack.gateway(INGEST, { readings });
    expect(refusal(await ingest([reading(90, 'degC', 4), reading(90, 'kW', 5)]))).toEqual({ code: 'BAD_USER_INPUT', field: 'readings[1].unit' });
    expect(refusal(await ingest([reading(90, 'furlongs', 4)]))).toEqual({ code: 'BAD_USER_INPUT', field: 'readings[0].unit' });
    expect(refusal(await ingest([{ ...reading(90, 'degC', 4), machineId: plant.lineId }]))).toEqual({ code: 'NOT_FOUND', field: 'readings[0].machineId' });
    expect([await countRows(stack, 'telemetry_reading'), await countRows(stack, 'alert')]).toEqual(before);
  });

  it('lists a metric newest first, within [from, to) and capped', async () => {
    const { telemetry } = dataOf(await stack.gateway(`query($m: ID!) { telemetry(machineId: $m, metric: "temperature", from: "2026-03-02T10:01:00Z", limit: 2) { value unit recordedAt } }`, { m: machineId() }));
    expect(telemetry).toEqual([
      { value: 373.15, unit: 'K', recordedAt: '2026-03-02T10:03:00.000Z' },
      { value: 200, unit: 'degF', recordedAt: '2026-03-02T10:02:00.000Z' },
    ]);
  });
});
