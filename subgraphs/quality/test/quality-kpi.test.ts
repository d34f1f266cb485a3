// PPM and first-pass yield against a hand-computed fixture (see src/kpi/quality-kpi.ts).
import { describe, expect, it } from '@jest/globals';
import { qualityPerformance, type KpiInspection } from '../src/kpi/quality-kpi';
import { InspectionTrigger } from '../src/plan/plan.enums';
import { InspectionResult } from '../src/inspection/inspection.enums';

const inspection = (overrides: Partial<KpiInspection>): KpiInspection => ({
  trigger: InspectionTrigger.INCOMING, result: InspectionResult.PASS, firstPass: true, lotSize: 100, quantityRejected: 0,
  inspectedOn: '2026-03-10', ...overrides,
});
const march = { from: '2026-03-01', to: '2026-03-31' };

// March 2026, hand-computed:
//   first inspections: A B C D F (5), passed A C F (3)                      → FPY 3/5 = 0.6
//   incoming first:    A B C D → received 500 + 500 + 200 + 300 = 1500; rejected 0 + 3 + 1 + 2 = 6
//                      → PPM 6 / 1500 × 10⁶ = 4000
//   E (re-inspection of B), G (April), H (February) count nowhere; F (FINAL) counts for FPY only.
const fixture = {
  A_incomingPass: inspection({ lotSize: 500 }),
  B_incomingFail: inspection({ lotSize: 500, quantityRejected: 3, result: InspectionResult.FAIL }),
  C_passWithinAc: inspection({ lotSize: 200, quantityRejected: 1, inspectedOn: '2026-03-01' }),
  D_failOnLastDay: inspection({ lotSize: 300, quantityRejected: 2, result: InspectionResult.FAIL, inspectedOn: '2026-03-31' }),
  E_reinspectionOfB: inspection({ lotSize: 500, firstPass: false }),
  F_finalPass: inspection({ trigger: InspectionTrigger.FINAL, lotSize: 1000, quantityRejected: 1 }),
  G_april: inspection({ lotSize: 900, quantityRejected: 9, inspectedOn: '2026-04-01' }),
  H_february: inspection({ lotSize: 900, quantityRejected: 9, result: InspectionResult.FAIL, inspectedOn: '2026-02-28' }),
};

describe('quality KPIs', () => {
  it('computes PPM over first incoming inspections and FPY over first inspections of any trigger', () => {
    expect(qualityPerformance(Object.values(fixture), march)).toEqual({
      firstInspections: 5, firstInspectionsPassed: 3, firstPassYield: 0.6, quantityReceived: 1500, quantityRejected: 6, ppm: 4000,
    });
  });

  it('answers null, not zero, when nothing was inspected in the period', () => {
    expect(qualityPerformance(Object.values(fixture), { from: '2027-01-01', to: '2027-01-31' })).toEqual({
      firstInspections: 0, firstInspectionsPassed: 0, firstPassYield: null, quantityReceived: 0, quantityRejected: 0, ppm: null,
    });
  });

  it('answers a null PPM but a real FPY when only work-order inspections happened', () => {
    expect(qualityPerformance([fixture.F_finalPass], march)).toMatchObject({ ppm: null, firstPassYield: 1 });
  });

  it('answers PPM 0 for a supplier whose received lots had no rejects', () => {
    expect(qualityPerformance([fixture.A_incomingPass], march)).toMatchObject({ ppm: 0, firstPassYield: 1 });
  });

  it('ignores re-inspections, so a reworked lot neither counts twice as received nor lifts the yield', () => {
    expect(qualityPerformance([fixture.B_incomingFail, fixture.E_reinspectionOfB], march)).toMatchObject({
      quantityReceived: 500, quantityRejected: 3, ppm: 6000, firstPassYield: 0,
    });
  });
});
