// Unit conversion within a dimension is exact, and anything else is refused naming the field.
import { describe, expect, it } from '@jest/globals';
import { convert, requireDimension } from '../src/units';
import { overlapShare, requirePeriod } from '../src/period';
import { pickFactor } from '../src/factor/factor-matching';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  throw new Error('expected a refusal');
};

describe('unit conversion', () => {
  it('converts energy, mass, volume and distance exactly', () => {
    expect(convert(2.5, 'MWh', 'kWh', 'unit')).toBe(2500);
    expect(convert(36, 'GJ', 'kWh', 'unit')).toBe(10_000);
    expect(convert(250, 'kg', 't', 'unit')).toBe(0.25);
    expect(convert(1, 't', 'kg', 'unit')).toBe(1000);
    expect(convert(100, 'lb', 'kg', 'unit')).toBeCloseTo(45.359237, 12);
    expect(convert(3, 'm3', 'L', 'unit')).toBe(3000);
    expect(convert(10, 'mi', 'km', 'unit')).toBeCloseTo(16.09344, 12);
  });

  it('leaves litres of diesel in litres', () => {
    expect(convert(120, 'L', 'L', 'unit')).toBe(120);
  });

  it('refuses an unknown unit with BAD_USER_INPUT naming the field', () => {
    expect(refusal(() => convert(1, 'BTU', 'kWh', 'quantityUnit'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantityUnit' });
  });

  it('refuses a conversion across dimensions (kg to kWh) naming the field', () => {
    expect(refusal(() => convert(1, 'kg', 'kWh', 'unit'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unit' });
    expect(refusal(() => requireDimension('L', 'energy', 'unit'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unit' });
  });
});

describe('periods', () => {
  it('attributes a record to a window by the share of its days inside it', () => {
    const march = { start: '2026-03-01', end: '2026-04-01' };
    expect(overlapShare(march, { start: '2026-01-01', end: '2027-01-01' })).toBe(1);
    expect(overlapShare(march, { start: '2026-03-16', end: '2026-05-01' })).toBe(16 / 31);
    expect(overlapShare(march, { start: '2026-04-01', end: '2026-05-01' })).toBe(0);
  });

  it('refuses an empty or reversed period naming its end', () => {
    expect(refusal(() => requirePeriod('2026-03-01', '2026-03-01'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periodEnd' });
  });
});

describe('factor matching', () => {
  const factors = [{ region: 'GLOBAL', kg: 0.5 }, { region: 'MX', kg: 0.42 }];

  it("prefers the facility's country and falls back to GLOBAL", () => {
    expect(pickFactor(factors, 'MX')?.kg).toBe(0.42);
    expect(pickFactor(factors, 'VN')?.kg).toBe(0.5);
  });

  it('finds nothing when neither the country nor GLOBAL has a factor', () => {
    expect(pickFactor([{ region: 'MX' }], 'VN')).toBeNull();
  });
});
