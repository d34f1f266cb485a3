// Telemetry ingestion in a fixed number of statements per batch, whatever its size, all in the caller's
// transaction: the batch's machines locked with their limits in one SELECT, the readings in one INSERT
// (columns as bound arrays, unnest()ed by PostgreSQL), and the MACHINE_HEALTH alerts of every machine
// and metric with a reading over its limit in one upsert plus their events. Limits are read in the
// transaction that writes, never from a cache, so a limit set a moment ago applies to the next batch on
// any process. The lock (FOR KEY SHARE, once per machine) is what a foreign key would take per reading:
// the machines cannot disappear before the readings commit (see telemetry-reading.entity.ts).
// For a partner the INSERT itself takes only readings of machines on the partner's lines; one reading of
// another's machine refuses the whole batch (FORBIDDEN), and the caller's transaction stores nothing.
// Expects readings that passed `checkReadings` (ids, metric names and units well-formed).
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, forbidden, partnerScopeOf } from '@cmgraph/platform';
import { convert } from './units';
import { executeBound } from './bound-sql';
import { newReadingIds } from './reading-ids';
import type { MachinePlace } from './telemetry.machines';
import { AlertCategory, AlertSeverity, AlertSubjectType } from '../alert/alert.enums';
import type { AlertRaise, RaisedAlert } from '../alert/alert.upsert';
import { raiseAlerts } from '../alert/alert.raise';

export type { MachinePlace } from './telemetry.machines';

/** Over the limit by more than this share is CRITICAL, otherwise WARNING. */
const CRITICAL_EXCESS = 0.2;

/** What a reading is made of (the GraphQL input, or the same shape from elsewhere). */
export interface Reading {
  machineId: string;
  metric: string;
  value: number;
  unit: string;
  recordedAt: Date;
}

// One row per machine and limit (a machine without limits: one row of nulls); locks the machines only.
const MACHINES_AND_LIMITS = `
SELECT m.id AS machine_id, l.metric, l.unit, l.max
FROM machine m LEFT JOIN machine_metric_limit l ON l.machine_id = m.id
WHERE m.id = ANY($1::uuid[])
FOR KEY SHARE OF m`;

const INSERT = `
INSERT INTO telemetry_reading (id, created_at, updated_at, machine_id, metric, value, unit, recorded_at)
SELECT r.id, now(), now(), r.machine_id, r.metric, r.value, r.unit, r.recorded_at
FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::float8[], $5::text[], $6::timestamptz[]) AS r(id, machine_id, metric, value, unit, recorded_at)`;
// A partner's INSERT keeps only readings of machines on its own lines (a semi-join, one pass).
const INSERT_FOR_PARTNER = `${INSERT}
WHERE EXISTS (SELECT 1 FROM machine m JOIN line l ON l.id = m.line_id WHERE m.id = r.machine_id AND l.supplier_id = $7::uuid)`;

interface Limit {
  metric: string;
  unit: string;
  max: number;
}

interface Breach {
  machineId: string;
  readings: number;
  worst: { metric: string; value: number; max: number; unit: string; excess: number };
}

export async function ingestReadings(em: EntityManager, readings: Reading[], placeOf: Map<string, MachinePlace>): Promise<RaisedAlert[]> {
  const machineIds = [...new Set(readings.map((r) => r.machineId))];
  const limits = await lockMachines(em, machineIds);
  const gone = readings.findIndex((r) => !limits.has(r.machineId));
  if (gone >= 0) throw AppError.notFound('Machine', readings[gone]!.machineId, `readings[${gone}].machineId`);
  const breaches = findBreaches(readings, limits);
  const scope = partnerScopeOf(em);
  const stored = await insertReadings(em, readings, scope);
  if (stored !== readings.length) throw forbidden('readings: a partner may only send readings of machines on its own lines', { field: 'readings' });
  const raises: AlertRaise[] = breaches.map(({ machineId, readings: count, worst }) => ({
    category: AlertCategory.MACHINE_HEALTH,
    severity: worst.excess > CRITICAL_EXCESS ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
    subjectType: AlertSubjectType.Machine, subjectId: machineId,
    facilityId: placeOf.get(machineId)?.facilityId ?? null, supplierId: placeOf.get(machineId)?.supplierId ?? null,
    message: `${worst.metric} ${round(worst.value)} ${worst.unit} over the limit of ${worst.max} ${worst.unit}`,
    metric: worst.metric, value: worst.value, threshold: worst.max, unit: worst.unit, occurrences: count,
  }));
  return raiseAlerts(em, raises);
}

/** Locks the machines that exist among `machineIds` and returns their limits: machine → metric → limit. */
async function lockMachines(em: EntityManager, machineIds: string[]): Promise<Map<string, Map<string, Limit>>> {
  const { rows } = await executeBound<{ machine_id: string; metric: string | null; unit: string; max: number }>(em, MACHINES_AND_LIMITS, [machineIds]);
  const limits = new Map<string, Map<string, Limit>>();
  for (const row of rows) {
    let ofMachine = limits.get(row.machine_id);
    if (!ofMachine) limits.set(row.machine_id, (ofMachine = new Map()));
    if (row.metric !== null) ofMachine.set(row.metric, { metric: row.metric, unit: row.unit, max: row.max });
  }
  return limits;
}

/**
 * One pass over the readings: per machine and metric, how many readings are over the limit and the worst
 * of them (compared in the limit's unit after exact conversion; another quantity is BAD_USER_INPUT).
 * Sorted by machine and metric: concurrent batches then lock the open alerts they repeat in one order,
 * so two of them can never wait on each other (a deadlock) in the alert upsert.
 */
export function findBreaches(readings: Reading[], limits: Map<string, Map<string, Limit>>): Breach[] {
  const breaches = new Map<string, Map<string, Breach>>();
  for (let i = 0; i < readings.length; i++) {
    const reading = readings[i]!;
    const limit = limits.get(reading.machineId)?.get(reading.metric);
    if (!limit) continue;
    const value = reading.unit === limit.unit ? reading.value : convert(reading.value, reading.unit, limit.unit, `readings[${i}].unit`);
    if (!(value > limit.max)) continue;
    const excess = limit.max !== 0 ? (value - limit.max) / Math.abs(limit.max) : Infinity;
    let ofMachine = breaches.get(reading.machineId);
    if (!ofMachine) breaches.set(reading.machineId, (ofMachine = new Map()));
    const breach = ofMachine.get(limit.metric);
    const worst = { metric: limit.metric, value, max: limit.max, unit: limit.unit, excess };
    if (!breach) ofMachine.set(limit.metric, { machineId: reading.machineId, readings: 1, worst });
    else {
      breach.readings++;
      if (excess > breach.worst.excess) breach.worst = worst;
    }
  }
  return [...breaches.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([, ofMachine]) => [...ofMachine.values()].sort((a, b) => (a.worst.metric < b.worst.metric ? -1 : a.worst.metric > b.worst.metric ? 1 : 0)));
}

/** The readings as one INSERT of six bound arrays; returns how many rows it stored. */
async function insertReadings(em: EntityManager, readings: Reading[], scope: string | null): Promise<number> {
  const count = readings.length;
  const machineIds = new Array<string>(count);
  const metrics = new Array<string>(count);
  const values = new Array<string>(count);
  const units = new Array<string>(count);
  const times = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const r = readings[i]!;
    machineIds[i] = r.machineId;
    metrics[i] = element(r.metric);
    values[i] = String(r.value);
    units[i] = element(r.unit);
    times[i] = r.recordedAt.toISOString();
  }
  // Array literals built here rather than by the driver, which quotes and escapes every element: ids,
  // numbers and ISO times never need it; metrics and units are quoted (an unquoted NULL would be a null).
  const parameters: unknown[] = [newReadingIds(count), machineIds, metrics, values, units, times].map((column) => `{${column.join(',')}}`);
  if (scope !== null) parameters.push(scope);
  const { affected } = await executeBound(em, scope === null ? INSERT : INSERT_FOR_PARTNER, parameters);
  return affected;
}

/** A text element of a PostgreSQL array literal: double-quoted, backslash and quote escaped. */
function element(text: string): string {
  return /["\\]/.test(text) ? `"${text.replace(/["\\]/g, '\\$&')}"` : `"${text}"`;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
