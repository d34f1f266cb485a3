// The small world behind the report tests (scorecard figures and the carbon report), every figure of
// which is computed by hand in their comments. Period of most checks: 2026-Q1 = [2026-01-01, 2026-04-01).
//
// Grid factors: MX 0.4 kg/kWh (2025 and 2026), GLOBAL 0.5 (VN has none of its own); gas 2 kg/m3,
// diesel 2.5 kg/L, steel 1.5 kg/kg (scope 3 cat 1), road freight 0.1 kg/tkm (cat 4), recycling 20 kg/t (cat 5).
//
// Supplier A, facility aMx (MX, nearshore):
//   energy  Dec 2025 (ends on `from`)  WIND 500 kWh                        → outside Q1
//   energy  Jan      GRID 3000 kWh                                         → scope 2: 1200 kg
//   energy  Jan      SOLAR 1000 kWh with certificates                      → scope 2 market: 0 kg (renewable)
//   energy  15 Mar–15 Apr GRID 3100 kWh: 17 of its 31 days in Q1          → 1700 kWh, 680 kg in Q1 (14/31: 1400 kWh, 560 kg in April)
//   energy  Apr (starts on `to`) GRID 1000 kWh                             → outside Q1
//   activity Dec 2025 gas 1000 m3 (2000 kg)                              → outside Q1
//   activity Jan gas 100 m3                                               → scope 1: 200 kg
//   activity Feb steel 0.5 t                                              → scope 3 cat 1: 750 kg
//   activity Apr (starts on `to`) gas 50 m3                              → outside Q1 (100 kg in April)
//   waste   Jan 600 kg recycled                                           → scope 3 cat 5: 12 kg
//   output  Jan 300 units of p1, Feb 100 units of p2
//   Q1: scope 1 200, scope 2 1880, scope 3 762 (750 + 12) → 2842 kg; 400 units
// Supplier A, facility aVn (VN, offshore):
//   energy Feb GRID 2000 kWh → 1000 kg; activity Feb diesel 40 L → 100 kg; Jan road freight 1000 tkm → cat 4: 100 kg
//   output Jan 200 units of p1
//   Q1: scope 1 100, scope 2 1000, scope 3 100 → 1200 kg; 200 units
// Supplier B, facility bMx (MX, nearshore): activity Jan gas 50 m3 → 100 kg; energy Mar GRID 1000 kWh → 400 kg; no output.
//   Q1: 500 kg
// Supplier C, facility cMx: no records at all.
import type { Stack } from '@cmgraph/testkit';
import { addFacility, createFactors, createProduct, createSupplier, FACTORS, FEB, JAN, mutate, recordActivity, recordEnergy, recordOutput, recordWaste } from './fixtures';

export const Q1 = '2026-Q1';
export const MAR = { periodStart: '2026-03-01', periodEnd: '2026-04-01' };
export const APR = { periodStart: '2026-04-01', periodEnd: '2026-05-01' };
export const DEC_2025 = { periodStart: '2025-12-01', periodEnd: '2026-01-01' };

export interface ReportWorld {
  A: string;
  B: string;
  C: string;
  aMx: string;
  aVn: string;
  bMx: string;
  p1: string;
  p2: string;
}

export async function buildReportWorld(stack: Stack): Promise<ReportWorld> {
  await createFactors(stack);
  for (const activityType of ['ELECTRICITY_GRID', 'NATURAL_GAS']) {
    const factor = FACTORS.find((f) => f.activityType === activityType && f.region !== 'GLOBAL') ?? FACTORS.find((f) => f.activityType === activityType)!;
    await mutate(stack, 'createEmissionFactor', 'CreateEmissionFactorInput', { ...factor, year: 2025 });
  }
  const [A, B, C] = [await createSupplier(stack), await createSupplier(stack), await createSupplier(stack)];
  const [aMx, aVn, bMx] = [await addFacility(stack, A, 'MX'), await addFacility(stack, A, 'VN'), await addFacility(stack, B, 'MX')];
  await addFacility(stack, C, 'MX');
  const [p1, p2] = [await createProduct(stack), await createProduct(stack)];

  const energy = (facilityId: string, period: object, source: string, kwh: number, certificates = false) =>
    recordEnergy(stack, { facilityId, ...period, source, quantity: kwh, unit: 'kWh', certificates });
  const activity = (facilityId: string, period: object, activityType: string, quantity: number, unit: string) =>
    recordActivity(stack, { facilityId, ...period, activityType, quantity, unit });

  await energy(aMx, DEC_2025, 'WIND', 500);
  await energy(aMx, JAN, 'GRID', 3000);
  await energy(aMx, JAN, 'SOLAR', 1000, true);
  await energy(aMx, { periodStart: '2026-03-15', periodEnd: '2026-04-15' }, 'GRID', 3100);
  await energy(aMx, APR, 'GRID', 1000);
  await activity(aMx, DEC_2025, 'NATURAL_GAS', 1000, 'm3');
  await activity(aMx, JAN, 'NATURAL_GAS', 100, 'm3');
  await activity(aMx, FEB, 'PURCHASED_STEEL', 0.5, 't');
  await activity(aMx, APR, 'NATURAL_GAS', 50, 'm3');
  await recordWaste(stack, { facilityId: aMx, ...JAN, wasteType: 'cardboard', hazardous: false, quantity: 600, unit: 'kg', treatment: 'RECYCLE' });
  await recordOutput(stack, { facilityId: aMx, ...JAN, productId: p1, goodUnits: 300 });
  await recordOutput(stack, { facilityId: aMx, ...FEB, productId: p2, goodUnits: 100 });

  await energy(aVn, FEB, 'GRID', 2000);
  await activity(aVn, FEB, 'DIESEL', 40, 'L');
  await activity(aVn, JAN, 'FREIGHT_ROAD', 1000, 'tkm');
  await recordOutput(stack, { facilityId: aVn, ...JAN, productId: p1, goodUnits: 200 });

  await activity(bMx, JAN, 'NATURAL_GAS', 50, 'm3');
  await energy(bMx, MAR, 'GRID', 1000);
  return { A, B, C, aMx, aVn, bMx, p1, p2 };
}
