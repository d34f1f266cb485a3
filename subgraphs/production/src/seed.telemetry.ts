// Seeded machine telemetry: four readings a day of temperature and vibration over the last 14 days of
// the demo world for every machine, limits on both, and an open MACHINE_HEALTH alert for each machine and
// metric whose recent readings went over the limit (a few run hot or start to shake), as ingestion would.
import type { Client } from 'pg';
import { addDays, insertRows, random, seedId, SEED_TODAY, type SeedLine, type SeedMachine } from '@cmgraph/seedkit';
import { ALERT_COLUMNS, LIMIT_COLUMNS, READING_COLUMNS, type AlertRow, type ReadingRow } from './seed.columns';

const DAYS = 14;
const HOURS = [2, 8, 14, 20];
const LIMITS = [
  { metric: 'temperature', unit: 'degC', max: 80 },
  { metric: 'vibration', unit: 'mm/s', max: 7.1 },
] as const;
const BATCH = 5_000;

interface Breach {
  count: number;
  first: string;
  last: string;
  worst: { metric: string; unit: string; value: number; max: number; excess: number };
}

export async function seedTelemetry(
  db: Client,
  machines: SeedMachine[],
  lineOf: Map<string, SeedLine>,
  progress: (rows: number) => void,
): Promise<void> {
  const limits = machines.flatMap((m, i) => LIMITS.map((l, k) => ({ id: seedId('metric-limit', i * LIMITS.length + k), machineId: m.id, ...l })));
  await insertRows(db, 'machine_metric_limit', LIMIT_COLUMNS, limits);
  progress(limits.length);
  let readings: ReadingRow[] = [];
  let serial = 0;
  const alerts: AlertRow[] = [];
  for (const machine of machines) {
    const r = random(`production:telemetry:${machine.id}`);
    const hot = r.chance(0.08);
    const shaky = r.chance(0.06);
    const breach = new Map<string, Breach>();
    for (let d = DAYS - 1; d >= 0; d--) {
      const day = addDays(SEED_TODAY, -d);
      for (const hour of HOURS) {
        const recordedAt = `${day}T${String(hour).padStart(2, '0')}:00:00Z`;
        const temperature = round(52 + r.next() * 18 + (hot && d < 3 ? 10 + r.next() * 20 : 0));
        const vibration = round(1.5 + r.next() * 3 + (shaky && d < 5 ? 2 + r.next() * 5 : 0));
        for (const [limit, value] of [[LIMITS[0], temperature], [LIMITS[1], vibration]] as const) {
          readings.push({ id: seedId('telemetry', serial++), machineId: machine.id, metric: limit.metric, value, unit: limit.unit, recordedAt });
          if (value > limit.max) note(breach, limit, value, recordedAt);
        }
      }
      if (readings.length >= BATCH) {
        await insertRows(db, 'telemetry_reading', READING_COLUMNS, readings);
        progress(readings.length);
        readings = [];
      }
    }
    for (const found of breach.values()) alerts.push(alertRow(alerts.length, machine, lineOf.get(machine.lineId)?.supplierId ?? null, found));
  }
  await insertRows(db, 'telemetry_reading', READING_COLUMNS, readings);
  await insertRows(db, 'alert', ALERT_COLUMNS, alerts);
  progress(readings.length + alerts.length);
}

/** One breach per metric of a machine (`breaches` is the machine's own). */
function note(breaches: Map<string, Breach>, limit: (typeof LIMITS)[number], value: number, at: string): void {
  const excess = (value - limit.max) / limit.max;
  const worst = { metric: limit.metric, unit: limit.unit, value, max: limit.max, excess };
  const breach = breaches.get(limit.metric);
  if (!breach) return void breaches.set(limit.metric, { count: 1, first: at, last: at, worst });
  breach.count++;
  breach.last = at;
  if (excess > breach.worst.excess) breach.worst = worst;
}

function alertRow(index: number, machine: SeedMachine, supplierId: string | null, breach: Breach): AlertRow {
  const { worst } = breach;
  return {
    id: seedId('alert', index), subjectId: machine.id, facilityId: machine.facilityId, supplierId, severity: worst.excess > 0.2 ? 'CRITICAL' : 'WARNING',
    message: `${worst.metric} ${worst.value} ${worst.unit} over the limit of ${worst.max} ${worst.unit}`, metric: worst.metric,
    value: worst.value, threshold: worst.max, unit: worst.unit, occurrences: breach.count, raisedAt: breach.first, lastRaisedAt: breach.last,
    resolvedAt: null,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
