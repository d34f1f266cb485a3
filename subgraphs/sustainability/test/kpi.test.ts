// The KPI definitions against hand-computed fixtures, including the edges: no data → null, zero
// denominators → null, records straddling the window counted pro rata.
import { describe, expect, it } from '@jest/globals';
import { carbonIntensity, emissionsFromTotals, emissionTotals, type EmissionContribution } from '../src/kpi/emissions';
import { energyFromTotals, energyTotals } from '../src/kpi/energy';
import { wasteFromTotals, wasteTotals } from '../src/kpi/waste';
import { waterFromTotals, waterTotals } from '../src/kpi/water';
import { scope2Of } from '../src/energy/scope2';
import { EnergySource } from '../src/energy/energy.enums';
import { WasteTreatment } from '../src/waste/waste.enums';
import { tonneKm, transportCo2eKg } from '../src/shipment/transport';

const JAN = { start: '2026-01-01', end: '2026-02-01' };
const FEB = { start: '2026-02-01', end: '2026-03-01' };
const Q1 = { start: '2026-01-01', end: '2026-04-01' };
// 1–14 February: half of February's 28 days.
const FIRST_HALF_FEB = { start: '2026-02-01', end: '2026-02-15' };

const contribution = (period: typeof JAN, scope: number, category: number | null, kg: number, marketKg = kg, primary = true): EmissionContribution =>
  ({ period, scope, category, locationKg: kg, marketKg, primary });

describe('emissions by scope', () => {
  const records = [
    contribution(JAN, 1, null, 100),
    contribution(FEB, 1, null, 280),
    contribution(JAN, 2, null, 50, 20),
    contribution(FEB, 3, 1, 56, 56, false),
    contribution(FEB, 3, 5, 28),
  ];

  it('sums every record inside the window by scope and category', () => {
    const summary = emissionsFromTotals(emissionTotals(records, [], Q1));
    expect(summary).toMatchObject({ scope1: 380, scope2LocationBased: 50, scope2MarketBased: 20, scope3: 84, totalKgCO2e: 484, recordCount: 5 });
    expect(summary.byCategory).toEqual([
      { scope: 1, category: null, kgCO2e: 380 },
      { scope: 2, category: null, kgCO2e: 20 },
      { scope: 3, category: 1, kgCO2e: 56 },
      { scope: 3, category: 5, kgCO2e: 28 },
    ]);
    expect(summary.primaryDataShare).toBeCloseTo((484 - 56) / 484, 12);
  });

  it('counts a record straddling the window by the share of its days inside (14 of 28 February days)', () => {
    const summary = emissionsFromTotals(emissionTotals(records, [], FIRST_HALF_FEB));
    expect(summary).toMatchObject({ scope1: 140, scope2MarketBased: 0, scope3: 42, totalKgCO2e: 182, recordCount: 3 });
  });

  it('answers null, not zero, for a window without records', () => {
    const summary = emissionsFromTotals(emissionTotals(records, [], { start: '2025-01-01', end: '2025-02-01' }));
    expect(summary).toMatchObject({ scope1: null, scope2MarketBased: null, scope3: null, totalKgCO2e: null, recordCount: 0, byCategory: [] });
  });
});

describe('carbon intensity', () => {
  const records = [contribution(JAN, 1, null, 100), contribution(JAN, 2, null, 60, 40), contribution(JAN, 3, 1, 500)];

  it('divides scope 1 + market-based scope 2 (and scope 3 when asked) by good units', () => {
    const summary = emissionsFromTotals(emissionTotals(records, [{ period: JAN, goodUnits: 70 }], Q1));
    expect(carbonIntensity(summary, false)).toBe(2);
    expect(carbonIntensity(summary, true)).toBe(640 / 70);
  });

  it('is null when nothing was produced in the window', () => {
    expect(carbonIntensity(emissionsFromTotals(emissionTotals(records, [], Q1)), false)).toBeNull();
    expect(carbonIntensity(emissionsFromTotals(emissionTotals(records, [{ period: JAN, goodUnits: 0 }], Q1)), false)).toBeNull();
  });

  it('is null when output exists but no emission record does', () => {
    expect(carbonIntensity(emissionsFromTotals(emissionTotals([], [{ period: JAN, goodUnits: 10 }], Q1)), false)).toBeNull();
  });
});

describe('energy and scope 2', () => {
  it('counts certified renewables zero market-based, and grid kWh at the grid factor both ways', () => {
    expect(scope2Of(EnergySource.GRID, 1000, false, 0.4)).toEqual({ locationBasedKg: 400, marketBasedKg: 400 });
    expect(scope2Of(EnergySource.SOLAR, 1000, true, 0.4)).toEqual({ locationBasedKg: 400, marketBasedKg: 0 });
    expect(scope2Of(EnergySource.WIND, 1000, false, 0.4)).toEqual({ locationBasedKg: 400, marketBasedKg: 400 });
    expect(scope2Of(EnergySource.NATURAL_GAS, 1000, false, null)).toEqual({ locationBasedKg: 0, marketBasedKg: 0 });
  });

  it('shares renewable kWh of the total, from records in mixed units already stored in kWh', () => {
    const records = [
      { period: JAN, kwh: 3000, renewable: false, scope2LocationBasedKg: 1200, scope2MarketBasedKg: 1200 },
      { period: JAN, kwh: 1000, renewable: true, scope2LocationBasedKg: 400, scope2MarketBasedKg: 0 },
    ];
    expect(energyFromTotals(energyTotals(records, Q1))).toEqual({
      totalKwh: 4000, renewableKwh: 1000, renewableShare: 0.25, scope2LocationBasedKg: 1600, scope2MarketBasedKg: 1200,
    });
  });

  it('is null without energy records, and the share is null when all of it is 0 kWh', () => {
    expect(energyFromTotals(energyTotals([], Q1)).renewableShare).toBeNull();
    const zero = [{ period: JAN, kwh: 0, renewable: false, scope2LocationBasedKg: 0, scope2MarketBasedKg: 0 }];
    expect(energyFromTotals(energyTotals(zero, Q1))).toMatchObject({ totalKwh: 0, renewableShare: null });
  });
});

describe('waste', () => {
  it('shares reuse, recycling and recovery of the total and sums hazardous kg', () => {
    const records = [
      { period: JAN, kg: 600, hazardous: false, treatment: WasteTreatment.RECYCLE, kgCo2e: 12 },
      { period: JAN, kg: 100, hazardous: true, treatment: WasteTreatment.INCINERATION, kgCo2e: 2 },
      { period: JAN, kg: 300, hazardous: false, treatment: WasteTreatment.LANDFILL, kgCo2e: 140 },
    ];
    expect(wasteFromTotals(wasteTotals(records, Q1))).toEqual({
      totalKg: 1000, hazardousKg: 100, divertedShare: 0.6, kgCO2e: 154,
      byTreatment: [
        { treatment: WasteTreatment.RECYCLE, kg: 600, kgCO2e: 12 },
        { treatment: WasteTreatment.INCINERATION, kg: 100, kgCO2e: 2 },
        { treatment: WasteTreatment.LANDFILL, kg: 300, kgCO2e: 140 },
      ],
    });
  });

  it('is null without records, and the diverted share is null for 0 kg', () => {
    expect(wasteFromTotals(wasteTotals([], Q1))).toMatchObject({ totalKg: null, divertedShare: null });
    const zero = [{ period: JAN, kg: 0, hazardous: false, treatment: WasteTreatment.REUSE, kgCo2e: 0 }];
    expect(wasteFromTotals(wasteTotals(zero, Q1))).toMatchObject({ totalKg: 0, divertedShare: null });
  });
});

describe('water', () => {
  it('computes consumption, recycled share and the closed-loop flag', () => {
    const records = [{ period: JAN, withdrawalM3: 100, dischargeM3: 60, recycledM3: 900 }];
    expect(waterFromTotals(waterTotals(records, Q1))).toEqual({
      withdrawalM3: 100, dischargeM3: 60, consumptionM3: 40, recycledM3: 900, recycledShare: 0.9, closedLoop: true,
    });
  });

  it('is not closed loop below 90 % recycled, and null without water', () => {
    const records = [{ period: JAN, withdrawalM3: 300, dischargeM3: 100, recycledM3: 100 }];
    expect(waterFromTotals(waterTotals(records, Q1))).toMatchObject({ recycledShare: 0.25, closedLoop: false });
    expect(waterFromTotals(waterTotals([], Q1))).toMatchObject({ withdrawalM3: null, recycledShare: null, closedLoop: null });
    const dry = [{ period: JAN, withdrawalM3: 0, dischargeM3: 0, recycledM3: 0 }];
    expect(waterFromTotals(waterTotals(dry, Q1))).toMatchObject({ withdrawalM3: 0, recycledShare: null, closedLoop: null });
  });
});

describe('transport emissions', () => {
  it('multiplies tonne-km by the factor, and is null when weight or distance is unknown', () => {
    expect(tonneKm(2500, 400)).toBe(1000);
    expect(transportCo2eKg(tonneKm(2500, 400), 0.1)).toBe(100);
    expect(tonneKm(null, 400)).toBeNull();
    expect(transportCo2eKg(tonneKm(2500, undefined), 0.1)).toBeNull();
  });
});
