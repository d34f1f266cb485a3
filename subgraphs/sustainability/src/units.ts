// Units of measure for activity data, and exact conversions within one dimension. A quantity never
// crosses dimensions (kWh is not kg) and an unknown unit is refused: both name the input field, so a
// number is never silently taken in the wrong unit.
import { AppError } from '@cmgraph/platform';

export type Dimension = 'energy' | 'mass' | 'volume' | 'distance' | 'freight';

/** Each unit as a multiple of its dimension's base unit (kWh, kg, L, km, tkm). */
const UNITS: Record<string, { dimension: Dimension; toBase: number }> = {
  kWh: { dimension: 'energy', toBase: 1 },
  MWh: { dimension: 'energy', toBase: 1_000 },
  GWh: { dimension: 'energy', toBase: 1_000_000 },
  // 1 kWh = 3.6 MJ exactly, so 1 GJ = 1000 / 3.6 kWh.
  MJ: { dimension: 'energy', toBase: 1 / 3.6 },
  GJ: { dimension: 'energy', toBase: 1_000 / 3.6 },
  kg: { dimension: 'mass', toBase: 1 },
  t: { dimension: 'mass', toBase: 1_000 },
  // The international avoirdupois pound is defined as exactly 0.45359237 kg.
  lb: { dimension: 'mass', toBase: 0.45359237 },
  L: { dimension: 'volume', toBase: 1 },
  m3: { dimension: 'volume', toBase: 1_000 },
  km: { dimension: 'distance', toBase: 1 },
  mi: { dimension: 'distance', toBase: 1.609344 },
  tkm: { dimension: 'freight', toBase: 1 },
};

export const KNOWN_UNITS = Object.keys(UNITS);

export function dimensionOf(unit: string, field: string): Dimension {
  const known = UNITS[unit];
  if (!known) throw AppError.badInput(field, `unknown unit "${unit}" (known: ${KNOWN_UNITS.join(', ')})`);
  return known.dimension;
}

/** Refuses a unit of another dimension than the one a field expects (e.g. kg for an energy reading). */
export function requireDimension(unit: string, dimension: Dimension, field: string): void {
  const actual = dimensionOf(unit, field);
  if (actual !== dimension) throw AppError.badInput(field, `"${unit}" is a unit of ${actual}, ${dimension} is expected`);
}

/**
 * `quantity` in `from` expressed in `to`. Both must be known units of one dimension; the error names
 * `field`, the input that carried `from`.
 */
export function convert(quantity: number, from: string, to: string, field: string): number {
  if (from === to) return quantity;
  const source = UNITS[from];
  const target = UNITS[to];
  if (!source) throw AppError.badInput(field, `unknown unit "${from}" (known: ${KNOWN_UNITS.join(', ')})`);
  if (!target) throw new Error(`unknown target unit ${to}`);
  if (source.dimension !== target.dimension) {
    throw AppError.badInput(field, `cannot convert ${from} (${source.dimension}) to ${to} (${target.dimension})`);
  }
  // Divide by the larger factor last, so that 1 MWh → 1000 kWh and 250 kg → 0.25 t stay exact.
  return (quantity * source.toBase) / target.toBase;
}
