// The rules of a batch of readings, checked in one pass before anything is read or written: 1–5000
// readings, each with a well-formed machine id, a metric name, a finite value, a known unit and a time.
// The first broken rule refuses the whole batch with BAD_USER_INPUT naming the reading's field
// (`readings[3].unit`). One loop instead of class-validator per reading: at 5,000 readings a call, its
// per-object metadata walk cost more than storing the readings.
import { AppError, isId } from '@cmgraph/platform';
import { METRIC, METRIC_MESSAGE, type TelemetryReadingInput } from './telemetry.input';
import { requireUnit } from './units';

export const MAX_READINGS = 5000;

export function checkReadings(readings: TelemetryReadingInput[]): void {
  if (readings.length < 1) throw AppError.badInput('readings', 'send at least one reading');
  if (readings.length > MAX_READINGS) throw AppError.badInput('readings', `send at most ${MAX_READINGS} readings per call`);
  for (let i = 0; i < readings.length; i++) {
    const { machineId, metric, value, unit, recordedAt } = readings[i]!;
    if (!isId(machineId)) throw AppError.badInput(`readings[${i}].machineId`, `"${machineId}" is not a valid id`);
    if (!METRIC.test(metric)) throw AppError.badInput(`readings[${i}].metric`, METRIC_MESSAGE);
    if (!Number.isFinite(value)) throw AppError.badInput(`readings[${i}].value`, 'value must be a finite number');
    requireUnit(unit, `readings[${i}].unit`);
    if (!(recordedAt instanceof Date) || Number.isNaN(recordedAt.getTime())) throw AppError.badInput(`readings[${i}].recordedAt`, 'recordedAt must be a date-time');
  }
}
