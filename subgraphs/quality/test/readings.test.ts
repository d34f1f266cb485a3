// Readings judged against a characteristic's limits, with exact unit conversion or a refusal.
import { describe, expect, it } from '@jest/globals';
import { GraphQLError } from 'graphql';
import { convert } from '../src/units/units';
import { judgeReadings, withinLimits } from '../src/inspection/reading.judgement';
import { inspectionResult } from '../src/inspection/inspection.recording';

const diameter = { name: 'Diameter', unit: 'MM', lowerLimit: 9.9, upperLimit: 10.1 };
const maxTorque = { name: 'Torque', unit: 'NM', lowerLimit: null, upperLimit: 2.5 };

describe('limits', () => {
  it('passes values inside and on the limits and fails values outside', () => {
    expect([9.9, 10, 10.1].map((v) => withinLimits(v, diameter))).toEqual([true, true, true]);
    expect([9.89, 10.11].map((v) => withinLimits(v, diameter))).toEqual([false, false]);
  });

  it('treats a missing limit as unbounded on that side', () => {
    expect(withinLimits(-1000, maxTorque)).toBe(true);
    expect(withinLimits(2.51, maxTorque)).toBe(false);
  });
});

describe('unit conversion', () => {
  it('converts exactly within a dimension', () => {
    expect(convert(25.4, 'MM', 'IN')).toEqual({ ok: true, value: 1 });
    expect(convert(1.01, 'CM', 'MM')).toEqual({ ok: true, value: 10.1 });
    expect(convert(1, 'LB', 'G')).toEqual({ ok: true, value: 453.59237 });
    expect(convert(250, 'NCM', 'NM')).toEqual({ ok: true, value: 2.5 });
    expect(convert(5010, 'MV', 'V')).toEqual({ ok: true, value: 5.01 });
  });

  it('refuses units of another dimension and unknown units', () => {
    expect(convert(1, 'MM', 'G')).toMatchObject({ ok: false });
    expect(convert(1, 'FURLONG', 'MM')).toMatchObject({ ok: false, reason: expect.stringContaining('unknown unit "FURLONG"') });
  });
});

describe('judging readings', () => {
  it('judges each reading in the characteristic\'s unit', () => {
    const judged = judgeReadings([diameter, maxTorque], [
      { characteristic: 'Diameter', value: 0.397, unit: 'IN' }, // 10.0838 mm
      { characteristic: 'Torque', value: 260, unit: 'NCM' },     // 2.6 N·m
    ]);
    expect(judged.map((r) => [r.valueInCharacteristicUnit, r.withinLimits])).toEqual([[10.0838, true], [2.6, false]]);
  });

  it('refuses an unknown unit or characteristic with BAD_USER_INPUT naming the reading', () => {
    const refusal = (run: () => unknown) => {
      try { run(); } catch (error) { return (error as GraphQLError).extensions; }
      return null;
    };
    expect(refusal(() => judgeReadings([diameter], [{ characteristic: 'Diameter', value: 1, unit: 'KG' }]))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'readings[0].unit' });
    expect(refusal(() => judgeReadings([diameter], [{ characteristic: 'Diameter', value: 1, unit: 'XX' }]))).toMatchObject({ field: 'readings[0].unit' });
    expect(refusal(() => judgeReadings([diameter], [{ characteristic: 'Length', value: 1, unit: 'MM' }]))).toMatchObject({ field: 'readings[0].characteristic' });
  });
});

describe('inspection result', () => {
  it('passes only when every reading is within limits and the rejected count does not exceed Ac', () => {
    expect(inspectionResult([true, true], 1, 1)).toBe('PASS');
    expect(inspectionResult([true, true], 2, 1)).toBe('FAIL');
    expect(inspectionResult([true, false], 0, 1)).toBe('FAIL');
  });
});
