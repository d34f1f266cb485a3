// Quantity arithmetic at the columns' precision (numeric(18,4)): JS floats add 0.1 + 0.2 to
// 0.30000000000000004, which would make a line that is exactly full look over-shipped.
const SCALE = 1e4;

export function roundQuantity(value: number): number {
  return Math.round(value * SCALE) / SCALE;
}

export function addQuantity(a: number, b: number): number {
  return roundQuantity(a + b);
}

/** a ≥ b at four decimals. */
export function atLeast(a: number, b: number): boolean {
  return roundQuantity(a) >= roundQuantity(b);
}
