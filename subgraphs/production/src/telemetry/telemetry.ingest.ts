// Telemetry ingestion in a fixed number of statements per batch, whatever its size: the machines'
// limits in one SELECT, the readings in one INSERT, and the MACHINE_HEALTH alerts of every machine and
// metric with a reading over its limit in one upsert plus their events, all in the caller's transaction.
// For a partner the INSERT itself takes only readings of machines on the partner's lines; one reading of
// another's machine refuses the whole batch (FORBIDDEN), and the caller's transaction stores nothing.
import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden, newId, partnerScopeOf } from '@cmgraph/platform';
import { MachineMetricLimit } from './metric-limit.entity';
import { convert, requireUnit } from './units';
import type { TelemetryReadingInput } from './telemetry.input';
import { AlertCategory, AlertSeverity, AlertSubjectType } from '../alert/alert.enums';
import type { AlertRaise, RaisedAlert } from '../alert/alert.upsert';
import { raiseAlerts } from '../alert/alert.raise';

/** Over the limit by more than this share is CRITICAL, otherwise WARNING. */
const CRITICAL_EXCESS = 0.2;

const INSERT = `
WITH stored AS (
  INSERT INTO telemetry_reading (id, created_at, updated_at, machine_id, metric, value, unit, recorded_at)
  SELECT r.id, now(), now(), r.machine_id, r.metric, r.value, r.unit, r.recorded_at
  FROM jsonb_to_recordset(?::jsonb) AS r(id uuid, machine_id uuid, metric text, value float8, unit text, recorded_at timestamptz)
  WHERE ?::uuid IS NULL OR EXISTS (SELECT 1 FROM machine m JOIN line l ON l.id = m.line_id WHERE m.id = r.machine_id AND l.supplier_id = ?::uuid)
  RETURNING 1
)
SELECT count(*)::int AS n FROM stored`;

interface Breach {
  machineId: string;
  readings: number;
  worst: { metric: string; value: number; max: number; unit: string; excess: number };
}

/** Where a machine is and whose it is: the facility and supplier its alerts carry. */
export interface MachinePlace {
  facilityId: string;
  supplierId: string | null;
}

export async function ingestReadings(
  em: EntityManager,
  readings: TelemetryReadingInput[],
  placeOf: Map<string, MachinePlace>,
): Promise<RaisedAlert[]> {
  readings.forEach((r, i) => requireUnit(r.unit, `readings[${i}].unit`));
  const limits = await em.find(MachineMetricLimit, { machine: { $in: [...new Set(readings.map((r) => r.machineId))] } });
  const limitOf = new Map(limits.map((l) => [`${l.machine.id}|${l.metric}`, l]));
  const breaches = new Map<string, Breach>();
  readings.forEach((reading, i) => {
    const limit = limitOf.get(`${reading.machineId}|${reading.metric}`);
    if (!limit) return;
    const value = convert(reading.value, reading.unit, limit.unit, `readings[${i}].unit`);
    if (!(value > limit.max)) return;
    const excess = limit.max !== 0 ? (value - limit.max) / Math.abs(limit.max) : Infinity;
    const key = `${reading.machineId}|${limit.metric}`;
    const breach = breaches.get(key) ?? { machineId: reading.machineId, readings: 0, worst: { metric: limit.metric, value, max: limit.max, unit: limit.unit, excess } };
    breach.readings++;
    if (excess > breach.worst.excess) breach.worst = { metric: limit.metric, value, max: limit.max, unit: limit.unit, excess };
    breaches.set(key, breach);
  });
  const scope = partnerScopeOf(em);
  const [stored] = await em.execute<{ n: number }[]>(INSERT, [JSON.stringify(readings.map((r) => ({
    id: newId(), machine_id: r.machineId, metric: r.metric, value: r.value, unit: r.unit, recorded_at: r.recordedAt.toISOString(),
  }))), scope, scope]);
  if (stored!.n !== readings.length) throw forbidden('readings: a partner may only send readings of machines on its own lines', { field: 'readings' });
  const raises: AlertRaise[] = [...breaches.values()].map(({ machineId, readings: count, worst }) => ({
    category: AlertCategory.MACHINE_HEALTH,
    severity: worst.excess > CRITICAL_EXCESS ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
    subjectType: AlertSubjectType.Machine, subjectId: machineId,
    facilityId: placeOf.get(machineId)?.facilityId ?? null, supplierId: placeOf.get(machineId)?.supplierId ?? null,
    message: `${worst.metric} ${round(worst.value)} ${worst.unit} over the limit of ${worst.max} ${worst.unit}`,
    metric: worst.metric, value: worst.value, threshold: worst.max, unit: worst.unit, occurrences: count,
  }));
  return raiseAlerts(em, raises);
}

const round = (value: number) => Math.round(value * 1000) / 1000;
