// The scorecard's own definitions (src/scorecard/scorecard-kpi.ts) against hand-computed fixtures.
import { describe, expect, it } from '@jest/globals';
import { parsePeriod } from '@cmgraph/platform';
import { acknowledgementLatencyHours, scorecardWindow } from '../src/scorecard/scorecard-kpi';

const order = (sentAt: string | null, acknowledgedAt: string | null) => ({
  sentAt: sentAt ? new Date(sentAt) : null, acknowledgedAt: acknowledgedAt ? new Date(acknowledgedAt) : null,
});

describe('scorecard window', () => {
  it('turns a period [from, to) into the inclusive promised-date window of deliveryPerformance, 3 days early, 0 late', () => {
    expect(scorecardWindow(parsePeriod('2026-Q1'))).toEqual({ from: '2026-01-01', to: '2026-03-31', daysEarly: 3, daysLate: 0 });
    expect(scorecardWindow(parsePeriod('2024-02'))).toEqual({ from: '2024-02-01', to: '2024-02-29', daysEarly: 3, daysLate: 0 });
  });
});

describe('acknowledgement latency', () => {
  it('averages the hours from sending to acknowledgement over the orders sent in the period', () => {
    // sent on `from` 00:00 → 26 h; sent 03-31 23:00 → 10 h; sent on `to` (April): out; never answered: out; never sent: out
    const orders = [
      order('2026-03-01T00:00:00Z', '2026-03-02T02:00:00Z'),
      order('2026-03-31T23:00:00Z', '2026-04-01T09:00:00Z'),
      order('2026-04-01T00:00:00Z', '2026-04-01T05:00:00Z'),
      order('2026-03-05T08:00:00Z', null),
      order(null, null),
    ];
    expect(acknowledgementLatencyHours(orders, parsePeriod('2026-03'))).toBe(18);
    expect(acknowledgementLatencyHours(orders, parsePeriod('2026'))).toBe(41 / 3);
  });

  it('answers null when no order sent in the period was acknowledged', () => {
    expect(acknowledgementLatencyHours([order('2026-03-05T08:00:00Z', null)], parsePeriod('2026-03'))).toBeNull();
    expect(acknowledgementLatencyHours([], parsePeriod('2026'))).toBeNull();
  });
});
