// Pure rules: the work-order lifecycle, alert lifecycle and severities, and unit conversion.
import { describe, expect, it } from '@jest/globals';
import { canMoveWorkOrder, hasStarted, REPORTABLE } from '../src/work-order/work-order.rules';
import { WorkOrderStatus as S } from '../src/work-order/work-order.enums';
import { canAcknowledge, canResolve, severitiesFrom } from '../src/alert/alert.rules';
import { AlertSeverity } from '../src/alert/alert.enums';
import { convert } from '../src/telemetry/units';

describe('work-order lifecycle', () => {
  it('allows exactly the documented transitions', () => {
    const allowed = Object.values(S).flatMap((from) => Object.values(S).filter((to) => canMoveWorkOrder(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual([
      'COMPLETED→CLOSED', 'HELD→ABORTED', 'HELD→RUNNING', 'PLANNED→ABORTED', 'PLANNED→RELEASED',
      'RELEASED→ABORTED', 'RELEASED→RUNNING', 'RUNNING→ABORTED', 'RUNNING→COMPLETED', 'RUNNING→HELD',
    ]);
  });

  it('takes reports on the floor or just after completion, never before the start or after closing', () => {
    expect(REPORTABLE).toEqual([S.RUNNING, S.HELD, S.COMPLETED]);
    expect([S.PLANNED, S.RELEASED, S.RUNNING].map(hasStarted)).toEqual([false, false, true]);
  });
});

describe('alert lifecycle', () => {
  const open = { acknowledgedAt: null, resolvedAt: null };
  const seen = { acknowledgedAt: new Date(), resolvedAt: null };
  const closed = { acknowledgedAt: null, resolvedAt: new Date() };

  it('acknowledges an open alert once and resolves any unresolved one once', () => {
    expect([open, seen, closed].map(canAcknowledge)).toEqual([true, false, false]);
    expect([open, seen, closed].map(canResolve)).toEqual([true, true, false]);
  });

  it('reads minSeverity as "this or higher"', () => {
    expect(severitiesFrom(AlertSeverity.WARNING)).toEqual([AlertSeverity.WARNING, AlertSeverity.CRITICAL]);
    expect(severitiesFrom(AlertSeverity.INFO)).toHaveLength(3);
  });
});

describe('units', () => {
  it('converts between units of one quantity, affine ones included', () => {
    expect(convert(2.5, 'MWh', 'kWh', 'unit')).toBe(2500);
    expect(convert(1500, 'kg', 't', 'unit')).toBe(1.5);
    expect(convert(212, 'degF', 'degC', 'unit')).toBeCloseTo(100, 12);
    expect(convert(0, 'degC', 'K', 'unit')).toBeCloseTo(273.15, 12);
  });

  it('refuses units of different quantities and unknown units, naming the field', () => {
    expect(() => convert(1, 'kWh', 'kg', 'readings[3].unit')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'readings[3].unit' }) }));
    expect(() => convert(1, 'parsec', 'kg', 'unit')).toThrow(/unknown unit/);
  });
});
