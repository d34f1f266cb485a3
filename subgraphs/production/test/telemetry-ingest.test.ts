// The telemetry fast path (issue 7): a batch stored exactly as sent, one MACHINE_HEALTH alert per
// machine and metric over its limit counting exactly the readings over it (compared here with a
// reference computed independently), bad input refused with a coded error and nothing stored, the same
// number of SQL statements for 10 or 5,000 readings, concurrent batches over the same limits counted
// without deadlock, and a batch naming a machine gone by the time it is written refused whole (there is
// no per-row foreign key: ingestion locks the batch's machines instead; a trigger keeps a machine with
// readings from being deleted).
// Large batches go straight to the subgraph (signed identity): the gateway's body limit is 256 kB.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { newId } from '@cmgraph/platform';
import { countRows, createPlant, eventsAfter, lastSeq, mutate, refusal, type Plant } from './fixtures';
import { ingestReadings } from '../src/telemetry/telemetry.ingest';

let stack: Stack;
let plant: Plant;
let quiet: Plant; // machines without limits
beforeAll(async () => {
  stack = await startStack(['suppliers', 'production']);
  plant = await createPlant(stack, 3);
  quiet = await createPlant(stack, 1);
  const limit = (machineId: string, metric: string, unit: string, max: number) =>
    mutate(stack, `mutation($input: SetMetricLimitInput!) { setMetricLimit(input: $input) { id } }`, { machineId, metric, unit, max });
  await limit(plant.machineIds[0]!, 'temperature', 'degC', 80);
  await limit(plant.machineIds[0]!, 'vibration', 'mm/s', 7.1);
  await limit(plant.machineIds[1]!, 'temperature', 'degC', 80);
  await limit(plant.machineIds[2]!, 'power', 'kW', 50);
}, 120_000);
afterAll(async () => stack?.stop());

const INGEST = `mutation($readings: [TelemetryReadingInput!]!) { ingestTelemetry(readings: $readings) {
  accepted alerts { subject { ... on Machine { id } } metric occurrences severity value threshold unit }
} }`;
const ingest = (readings: object[]) => stack.subgraph('production')(INGEST, { readings });

interface Sent {
  machineId: string;
  metric: string;
  value: number;
  unit: string;
  recordedAt: string;
}

/** Deterministic pseudo-random numbers, so that a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

let minute = 0;
/** `size` readings of every machine (with and without limits), some in other units, some over a limit. */
function batch(size: number, seed: number): Sent[] {
  const random = generator(seed);
  const machines = [...plant.machineIds, ...quiet.machineIds];
  const base = Date.parse('2026-05-01T00:00:00Z') + minute++ * 60_000;
  return Array.from({ length: size }, (_, i) => {
    const machineId = machines[Math.floor(random() * machines.length)]!;
    const recordedAt = new Date(base + i).toISOString();
    const pick = random();
    // around each limit, on both sides of it, exactly at it, and in another unit of the same quantity
    if (pick < 0.3) return { machineId, metric: 'temperature', value: Math.round(60 + random() * 30), unit: 'degC', recordedAt };
    if (pick < 0.4) return { machineId, metric: 'temperature', value: 80, unit: 'degC', recordedAt };
    if (pick < 0.5) return { machineId, metric: 'temperature', value: Math.round((150 + random() * 50) * 100) / 100, unit: 'degF', recordedAt };
    if (pick < 0.7) return { machineId, metric: 'vibration', value: Math.round((5 + random() * 3) * 1000) / 1000, unit: 'mm/s', recordedAt };
    if (pick < 0.85) return { machineId, metric: 'power', value: Math.round(30_000 + random() * 30_000), unit: 'W', recordedAt };
    return { machineId, metric: 'pressure', value: -random() * 1e-7, unit: 'bar', recordedAt };
  });
}

const LIMITS: Record<string, Record<string, { unit: string; max: number }>> = {};
beforeAll(() => {
  LIMITS[plant.machineIds[0]!] = { temperature: { unit: 'degC', max: 80 }, vibration: { unit: 'mm/s', max: 7.1 } };
  LIMITS[plant.machineIds[1]!] = { temperature: { unit: 'degC', max: 80 } };
  LIMITS[plant.machineIds[2]!] = { power: { unit: 'kW', max: 50 } };
});

/** The reference: per machine|metric, how many readings are over the limit (conversions written out here). */
function overLimit(readings: Sent[]): Map<string, number> {
  // degF → degC and W → kW in the same floating-point steps as units.ts, so that a reading on the limit
  // after conversion is on the same side of it here
  const inLimitUnit = (r: Sent) => (r.unit === 'degF' ? (r.value - 32) * (5 / 9) : r.unit === 'W' ? r.value / 1000 : r.value);
  const counts = new Map<string, number>();
  for (const r of readings) {
    const limit = LIMITS[r.machineId]?.[r.metric];
    if (limit && inLimitUnit(r) > limit.max) counts.set(`${r.machineId}|${r.metric}`, (counts.get(`${r.machineId}|${r.metric}`) ?? 0) + 1);
  }
  return counts;
}

async function occurrences(): Promise<Map<string, number>> {
  const rows = await stack.subgraphs.production!.server.orm.em.fork().execute<{ key: string; n: number }[]>(
    `select subject_id || '|' || metric as key, occurrences as n from alert where category = 'MACHINE_HEALTH' and resolved_at is null`,
  );
  return new Map(rows.map((row) => [row.key, row.n]));
}

const stored = () => countRows(stack, 'telemetry_reading');
const state = async () => [await stored(), await countRows(stack, 'alert'), await countRows(stack, 'outbox_event')];

describe('ingestTelemetry, fast path', () => {
  it('stores every reading exactly as sent, with a fresh UUIDv7 each', async () => {
    const readings = batch(700, 1);
    const before = await stored();
    expect(dataOf(await ingest(readings)).ingestTelemetry.accepted).toBe(700);
    const rows = await stack.subgraphs.production!.server.orm.em.fork().execute<{ id: string; machine_id: string; metric: string; value: number; unit: string; recorded_at: Date }[]>(
      `select id, machine_id, metric, value, unit, recorded_at from telemetry_reading where recorded_at >= ? and recorded_at < ?`,
      [readings[0]!.recordedAt, new Date(Date.parse(readings[0]!.recordedAt) + 700).toISOString()],
    );
    expect(await stored()).toBe(before + 700);
    const key = (r: Sent) => `${r.recordedAt}|${r.machineId}|${r.metric}|${r.value}|${r.unit}`;
    expect(rows.map((row) => key({ machineId: row.machine_id, metric: row.metric, value: row.value, unit: row.unit, recordedAt: new Date(row.recorded_at).toISOString() })).sort())
      .toEqual(readings.map(key).sort());
    expect(new Set(rows.map((row) => row.id)).size).toBe(700);
    for (const { id } of rows) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('raises one alert per machine and metric over its limit, counting exactly the readings over it, with one event each', async () => {
    const readings = batch(2000, 2);
    const expected = overLimit(readings);
    expect(expected.size).toBeGreaterThanOrEqual(4); // temperature ×2, vibration, power
    const before = await occurrences();
    const from = await lastSeq(stack);
    const { ingestTelemetry } = dataOf(await ingest(readings));
    const after = await occurrences();
    const added = new Map([...after].map(([key, n]) => [key, n - (before.get(key) ?? 0)]).filter(([, n]) => n !== 0) as [string, number][]);
    expect(added).toEqual(expected);
    expect(ingestTelemetry.alerts.map((a: { subject: { id: string }; metric: string }) => `${a.subject.id}|${a.metric}`).sort()).toEqual([...expected.keys()].sort());
    // the worst reading of each is the one the alert shows, in the limit's unit
    const power = ingestTelemetry.alerts.find((a: { metric: string }) => a.metric === 'power');
    const worstPower = Math.max(...readings.filter((r) => r.machineId === plant.machineIds[2] && r.metric === 'power').map((r) => r.value / 1000));
    expect(power).toMatchObject({ unit: 'kW', threshold: 50, severity: worstPower > 60 ? 'CRITICAL' : 'WARNING' });
    expect(power.value).toBeCloseTo(worstPower, 10);
    const events = await eventsAfter(stack, from);
    expect(events.map((e) => `${e.payload.subjectId}|${e.payload.metric}`).sort()).toEqual([...expected.keys()].sort());
    expect(events.every((e) => e.type === 'alert.raised' || e.type === 'alert.recurred')).toBe(true);
  });

  it('refuses bad input with a coded error naming the reading, and stores nothing of the batch', async () => {
    const readings = batch(120, 3);
    const at = (i: number, change: Partial<Sent>) => readings.map((r, k) => (k === i ? { ...r, ...change } : r));
    const before = await state();
    const cases: [object[], { code: string; field: string }][] = [
      [[], { code: 'BAD_USER_INPUT', field: 'readings' }],
      [batch(5001, 4), { code: 'BAD_USER_INPUT', field: 'readings' }],
      [at(57, { machineId: 'machine-7' }), { code: 'BAD_USER_INPUT', field: 'readings[57].machineId' }],
      [at(57, { metric: 'Temperature!' }), { code: 'BAD_USER_INPUT', field: 'readings[57].metric' }],
      [at(57, { unit: 'furlongs' }), { code: 'BAD_USER_INPUT', field: 'readings[57].unit' }],
      // a known unit, but not of the limit's quantity: found while comparing, inside the transaction
      [at(57, { machineId: plant.machineIds[0]!, metric: 'temperature', unit: 'kW' }), { code: 'BAD_USER_INPUT', field: 'readings[57].unit' }],
      [at(57, { machineId: newId() }), { code: 'NOT_FOUND', field: 'readings[57].machineId' }],
      [at(57, { metric: 'a'.repeat(65) }), { code: 'BAD_USER_INPUT', field: 'readings[57].metric' }],
    ];
    for (const [input, expected] of cases) expect(refusal(await ingest(input))).toEqual(expected);
    // what GraphQL itself refuses (a missing field, a value that is no Float, a time that is no DateTime)
    const { value: _value, ...noValue } = readings[3]!;
    for (const broken of [noValue, { ...readings[3]!, value: 'hot' }, { ...readings[3]!, recordedAt: 'yesterday' }]) {
      expect(refusal(await ingest(readings.map((r, k) => (k === 3 ? broken : r))))).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
    expect(await state()).toEqual(before);
  });

  it('sends the same number of SQL statements for 10, 1,000 and 5,000 readings', async () => {
    const statementsFor = async (readings: Sent[]) => {
      stack.resetStatementCounts();
      dataOf(await ingest(readings));
      return stack.subgraphs.production!.statements;
    };
    // without readings over a limit, and with some (the alert upsert, its events and the alerts answered)
    const calm = (size: number) => batch(size, 5).map((r) => ({ ...r, machineId: quiet.machineIds[0]! }));
    const hot = (size: number) => batch(size, 6).map((r, i) => (i % 2 ? r : { ...r, machineId: plant.machineIds[0]!, metric: 'vibration', value: 9, unit: 'mm/s' }));
    const calmCounts = [await statementsFor(calm(10)), await statementsFor(calm(1000)), await statementsFor(calm(5000))];
    const hotCounts = [await statementsFor(hot(10)), await statementsFor(hot(1000)), await statementsFor(hot(5000))];
    // the machines' places; their lock with their limits; the INSERT (transaction control not counted)
    expect(calmCounts).toEqual([3, 3, 3]);
    // and those of raising the alerts (upsert, outbox lock, outbox rows) and of loading the alerts answered
    expect(hotCounts).toEqual([8, 8, 8]);
  });

  it('counts every occurrence of concurrent batches over the same limits, in any order, without deadlock', async () => {
    const [m0, m1] = plant.machineIds as [string, string];
    // each batch goes over both machines' limits, half of them in the opposite order
    const batches = Array.from({ length: 8 }, (_, b) => {
      const first = b % 2 ? m1 : m0;
      const second = b % 2 ? m0 : m1;
      return [...batch(200, 10 + b), ...[first, second].flatMap((machineId) => Array.from({ length: 5 }, () => ({ ...batch(1, 20 + b)[0]!, machineId, metric: 'temperature', value: 95, unit: 'degC' })))];
    });
    const expected = new Map<string, number>();
    for (const readings of batches) for (const [key, n] of overLimit(readings)) expected.set(key, (expected.get(key) ?? 0) + n);
    const before = await occurrences();
    const responses = await Promise.all(batches.map((readings) => ingest(readings)));
    for (const response of responses) expect(dataOf(response).ingestTelemetry.accepted).toBe(210);
    const after = await occurrences();
    for (const [key, n] of expected) expect([key, after.get(key)! - (before.get(key) ?? 0)]).toEqual([key, n]);
  });
});

describe('readings without a per-row foreign key', () => {
  it('refuses a batch naming a machine that is gone by the time it is written (NOT_FOUND), storing nothing', async () => {
    const before = await state();
    const ghost = newId();
    const readings = [...batch(5, 30), { ...batch(1, 31)[0]!, machineId: ghost }].map((r) => ({ ...r, recordedAt: new Date(r.recordedAt) }));
    const place = { facilityId: plant.facilityId, supplierId: plant.supplierId };
    const placeOf = new Map([...plant.machineIds, ...quiet.machineIds, ghost].map((id) => [id, place]));
    const write = stack.subgraphs.production!.server.orm.em.fork().transactional((em) => ingestReadings(em, readings, placeOf));
    await expect(write).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND', field: 'readings[5].machineId' } });
    expect(await state()).toEqual(before);
  });

  it('keeps a machine with readings from being deleted or renumbered, as the foreign key did (23503); one without readings goes', async () => {
    const sql = (query: string, params: unknown[] = []) => stack.subgraphs.production!.server.orm.em.fork().execute(query, params);
    const withReadings = plant.machineIds[0]!;
    expect(Number((await sql('select count(*) as n from telemetry_reading where machine_id = ?', [withReadings]))[0]!.n)).toBeGreaterThan(0);
    await expect(sql('delete from machine where id = ?', [withReadings])).rejects.toMatchObject({ code: '23503' });
    await expect(sql('update machine set id = ? where id = ?', [newId(), withReadings])).rejects.toMatchObject({ code: '23503' });
    expect(await sql('select id from machine where id = ?', [withReadings])).toHaveLength(1);

    const unused = await createPlant(stack, 1);
    await sql('delete from machine where id = ?', [unused.machineIds[0]!]);
    expect(await sql('select id from machine where id = ?', [unused.machineIds[0]!])).toHaveLength(0);
  });
});
