// OTIF and fill rate against a hand-computed fixture (see src/supplier/delivery-performance.ts).
import { describe, expect, it } from '@jest/globals';
import { averageDaysLate, deliveryPerformance, latenessTotals, type PerformanceLine } from '../src/supplier/delivery-performance';

const line = (overrides: Partial<PerformanceLine>): PerformanceLine => ({
  quantity: 100, quantityDelivered: 0, requestedDate: '2026-03-01', originalPromisedDate: null,
  deliveredInFullOn: null, rejected: false, orderInactive: false, ...overrides,
});

// March 2026, window 3 days early / 0 days late. Hand-computed:
//   due = A B C D E G J (7); OTIF = A B J (3) → 3/7
//   ordered   = 100 + 80 + 50 + 40 + 200 + 10 + 60 = 540
//   delivered = 100 + 80 + 50 + 40 + 150 +  0 + 60 = 480 (J's 70 capped at 60) → 480/540
const fixture: Record<string, PerformanceLine> = {
  A_onTime: line({ originalPromisedDate: '2026-03-10', quantityDelivered: 100, deliveredInFullOn: '2026-03-10' }),
  B_earlyInWindow: line({ quantity: 80, originalPromisedDate: '2026-03-12', quantityDelivered: 80, deliveredInFullOn: '2026-03-09' }),
  C_tooEarly: line({ quantity: 50, originalPromisedDate: '2026-03-15', quantityDelivered: 50, deliveredInFullOn: '2026-03-11' }),
  D_late: line({ quantity: 40, originalPromisedDate: '2026-03-20', quantityDelivered: 40, deliveredInFullOn: '2026-03-21' }),
  E_short: line({ quantity: 200, originalPromisedDate: '2026-03-25', quantityDelivered: 150 }),
  F_rejected: line({ quantity: 1000, originalPromisedDate: '2026-03-05', rejected: true }),
  G_requestedDateFallback: line({ quantity: 10, requestedDate: '2026-03-28' }),
  H_outsidePeriod: line({ originalPromisedDate: '2026-04-02', quantityDelivered: 100, deliveredInFullOn: '2026-04-02' }),
  I_cancelledOrder: line({ originalPromisedDate: '2026-03-10', orderInactive: true }),
  J_overDelivered: line({ quantity: 60, originalPromisedDate: '2026-03-30', quantityDelivered: 70, deliveredInFullOn: '2026-03-30' }),
  K_promiseMovedIntoPeriodButOriginalOutside: line({ originalPromisedDate: '2026-02-27', requestedDate: '2026-03-03' }),
};
const lines = Object.values(fixture);
const march = { from: '2026-03-01', to: '2026-03-31', daysEarly: 3, daysLate: 0 };

describe('delivery performance (OTIF and fill rate)', () => {
  it('counts on-time, early-within-window and over-delivered lines as OTIF, and early, late, short and undelivered lines as misses', () => {
    expect(deliveryPerformance(lines, march)).toEqual({
      linesDue: 7,
      linesOnTimeInFull: 3,
      onTimeInFullRate: 3 / 7,
      quantityOrdered: 540,
      quantityDelivered: 480,
      fillRate: 480 / 540,
    });
  });

  it('widens the on-time window with daysLate, turning the one-day-late line into a hit', () => {
    expect(deliveryPerformance(lines, { ...march, daysLate: 1 }).linesOnTimeInFull).toBe(4);
  });

  it('treats a delivery four days early as a miss with a three-day window and a hit with a four-day window', () => {
    expect(deliveryPerformance([fixture.C_tooEarly!], march).linesOnTimeInFull).toBe(0);
    expect(deliveryPerformance([fixture.C_tooEarly!], { ...march, daysEarly: 4 }).linesOnTimeInFull).toBe(1);
  });

  it('leaves rejected lines and lines of cancelled orders out of both rates', () => {
    const result = deliveryPerformance([fixture.F_rejected!, fixture.I_cancelledOrder!], march);
    expect(result).toMatchObject({ linesDue: 0, quantityOrdered: 0 });
  });

  it('reports null rates, not zero, when nothing is due in the period', () => {
    expect(deliveryPerformance(lines, { ...march, from: '2027-01-01', to: '2027-01-31' })).toEqual({
      linesDue: 0, linesOnTimeInFull: 0, onTimeInFullRate: null, quantityOrdered: 0, quantityDelivered: 0, fillRate: null,
    });
  });

  it('averages the days late over the due lines delivered in full after their promise', () => {
    // delivered in full and due: A (on the day), B and C (early), D (03-21 vs 03-20: 1 day), J (on the day)
    // → 5 delivered, 1 late by 1 day → 1.0. E (short), G (nothing delivered) have no delivery date.
    expect(latenessTotals(lines, march)).toEqual({ linesDelivered: 5, linesLate: 1, daysLate: 1 });
    expect(averageDaysLate(latenessTotals(lines, march))).toBe(1);
  });

  it('answers 0 days late when due lines were delivered but none late, and null when none was delivered', () => {
    expect(averageDaysLate(latenessTotals([fixture.A_onTime!, fixture.C_tooEarly!], march))).toBe(0);
    expect(averageDaysLate(latenessTotals([fixture.E_short!, fixture.G_requestedDateFallback!], march))).toBeNull();
    // a late delivery of a line not due in the period does not count
    expect(latenessTotals([fixture.H_outsidePeriod!], march)).toEqual({ linesDelivered: 0, linesLate: 0, daysLate: 0 });
  });
});
