// Units a characteristic or reading may be stated in, and exact conversion between units of one
// dimension. Every factor is an exact integer multiple of the dimension's smallest unit (1 in =
// 25 400 µm, 1 lb = 453 592 370 µg by definition), so a conversion is one multiplication and one
// division of exact integers by the reading; the result is rounded to 12 significant digits to drop
// binary floating-point noise (25.4 mm is exactly 1 in, not 0.9999999999999999). Units of different
// dimensions never convert: a length is never silently compared with a mass.

type Dimension = 'length' | 'mass' | 'voltage' | 'resistance' | 'torque' | 'angle';

interface UnitDefinition {
  dimension: Dimension;
  /** How many of the dimension's base unit one of this unit is. */
  factor: number;
}

const UNITS: Record<string, UnitDefinition> = {
  UM: { dimension: 'length', factor: 1 },
  MM: { dimension: 'length', factor: 1_000 },
  CM: { dimension: 'length', factor: 10_000 },
  M: { dimension: 'length', factor: 1_000_000 },
  IN: { dimension: 'length', factor: 25_400 },
  UG: { dimension: 'mass', factor: 1 },
  MG: { dimension: 'mass', factor: 1_000 },
  G: { dimension: 'mass', factor: 1_000_000 },
  KG: { dimension: 'mass', factor: 1_000_000_000 },
  LB: { dimension: 'mass', factor: 453_592_370 },
  MV: { dimension: 'voltage', factor: 1 },
  V: { dimension: 'voltage', factor: 1_000 },
  MOHM: { dimension: 'resistance', factor: 1 },
  OHM: { dimension: 'resistance', factor: 1_000 },
  KOHM: { dimension: 'resistance', factor: 1_000_000 },
  NCM: { dimension: 'torque', factor: 1 },
  NM: { dimension: 'torque', factor: 100 },
  DEG: { dimension: 'angle', factor: 1 },
};

/** The unit codes accepted, for messages and descriptions. */
export const UNIT_CODES = Object.keys(UNITS);

export function isKnownUnit(unit: string): boolean {
  return unit in UNITS;
}

export type Conversion = { ok: true; value: number } | { ok: false; reason: string };

/** `value` stated in `from`, expressed in `to`; refuses unknown units and units of another dimension. */
export function convert(value: number, from: string, to: string): Conversion {
  const source = UNITS[from];
  const target = UNITS[to];
  if (!source) return { ok: false, reason: `unknown unit "${from}" (known: ${UNIT_CODES.join(', ')})` };
  if (!target) return { ok: false, reason: `unknown unit "${to}" (known: ${UNIT_CODES.join(', ')})` };
  if (source.dimension !== target.dimension) {
    return { ok: false, reason: `a ${source.dimension} in ${from} cannot be converted to ${to} (${target.dimension})` };
  }
  if (from === to) return { ok: true, value };
  return { ok: true, value: Number(((value * source.factor) / target.factor).toPrecision(12)) };
}
