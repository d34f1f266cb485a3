// Judging readings against a plan's characteristics: which characteristic a reading belongs to, its
// value in the characteristic's unit (exact conversion or a refusal), and whether it lies in limits.
import { AppError } from '@cmgraph/platform';
import { convert } from '../units/units';

export interface CharacteristicLimits {
  name: string;
  unit: string;
  lowerLimit: number | null;
  upperLimit: number | null;
}

export interface ReadingInput {
  characteristic: string;
  value: number;
  unit: string;
}

export interface JudgedReading<C extends CharacteristicLimits> {
  characteristic: C;
  value: number;
  unit: string;
  valueInCharacteristicUnit: number;
  withinLimits: boolean;
}

/** Limits are inclusive: a value on the limit passes. */
export function withinLimits(value: number, limits: Pick<CharacteristicLimits, 'lowerLimit' | 'upperLimit'>): boolean {
  return (limits.lowerLimit === null || value >= limits.lowerLimit) && (limits.upperLimit === null || value <= limits.upperLimit);
}

/** Throws BAD_USER_INPUT naming `readings[i].<field>` for an unknown characteristic or an inconvertible unit. */
export function judgeReadings<C extends CharacteristicLimits>(characteristics: C[], readings: ReadingInput[], field = 'readings'): JudgedReading<C>[] {
  const byName = new Map(characteristics.map((c) => [c.name, c]));
  return readings.map((reading, i) => {
    const characteristic = byName.get(reading.characteristic);
    if (!characteristic) {
      throw AppError.badInput(`${field}[${i}].characteristic`, `the plan has no characteristic "${reading.characteristic}" (it has: ${[...byName.keys()].join(', ')})`);
    }
    const converted = convert(reading.value, reading.unit, characteristic.unit);
    if (!converted.ok) throw AppError.badInput(`${field}[${i}].unit`, converted.reason);
    return {
      characteristic, value: reading.value, unit: reading.unit,
      valueInCharacteristicUnit: converted.value, withinLimits: withinLimits(converted.value, characteristic),
    };
  });
}
