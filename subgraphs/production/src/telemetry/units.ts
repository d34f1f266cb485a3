// Units of machine metrics and exact conversion between units of the same quantity; anything else is
// refused, never compared as a bare number. value in base unit = (value + offset) × factor.
import { AppError } from '@cmgraph/platform';

interface UnitDefinition {
  quantity: string;
  factor: number;
  offset?: number;
}

export const UNITS: Record<string, UnitDefinition> = {
  degC: { quantity: 'temperature', factor: 1 },
  K: { quantity: 'temperature', factor: 1, offset: -273.15 },
  degF: { quantity: 'temperature', factor: 5 / 9, offset: -32 },
  'mm/s': { quantity: 'velocity', factor: 1 },
  'm/s': { quantity: 'velocity', factor: 1000 },
  W: { quantity: 'power', factor: 1 },
  kW: { quantity: 'power', factor: 1e3 },
  MW: { quantity: 'power', factor: 1e6 },
  Wh: { quantity: 'energy', factor: 1 },
  kWh: { quantity: 'energy', factor: 1e3 },
  MWh: { quantity: 'energy', factor: 1e6 },
  Pa: { quantity: 'pressure', factor: 1 },
  kPa: { quantity: 'pressure', factor: 1e3 },
  bar: { quantity: 'pressure', factor: 1e5 },
  g: { quantity: 'mass', factor: 1 },
  kg: { quantity: 'mass', factor: 1e3 },
  t: { quantity: 'mass', factor: 1e6 },
  A: { quantity: 'current', factor: 1 },
  rpm: { quantity: 'rotation', factor: 1 },
  '%': { quantity: 'ratio', factor: 1 },
};

export function requireUnit(unit: string, field: string): UnitDefinition {
  const definition = UNITS[unit];
  if (!definition) throw AppError.badInput(field, `unknown unit "${unit}" (known: ${Object.keys(UNITS).join(', ')})`);
  return definition;
}

/** `value` in `from` expressed in `to`; BAD_USER_INPUT naming `field` when they measure different things. */
export function convert(value: number, from: string, to: string, field: string): number {
  if (from === to) return value;
  const source = requireUnit(from, field);
  const target = requireUnit(to, field);
  if (source.quantity !== target.quantity) throw AppError.badInput(field, `${from} (${source.quantity}) cannot be compared with ${to} (${target.quantity})`);
  const base = (value + (source.offset ?? 0)) * source.factor;
  return base / target.factor - (target.offset ?? 0);
}
