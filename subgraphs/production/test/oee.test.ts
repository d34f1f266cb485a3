// OEE, MTBF and MTTR against hand-computed fixtures (definitions in src/oee/oee.ts).
import { describe, expect, it } from '@jest/globals';
import { mtbfMinutes, mttrMinutes, oee, unitTotals, type ProductionUnit } from '../src/oee/oee';
import { intersect, measure, merge, subtract } from '../src/oee/intervals';

const at = (hhmm: string, day = '2026-03-02') => new Date(`${day}T${hhmm}:00Z`);
const span = (from: string, to: string | null) => ({ start: at(from), end: to ? at(to) : null });
const period = { from: at('00:00'), to: at('00:00', '2026-03-03') };
const now = at('12:00', '2026-03-10');

// One 8-hour shift 06:00–14:00 (480 min) making 800 good + 50 scrap at an ideal 24 s per unit.
// Planned maintenance 06:00–06:30 (30 min) → planned production time 450 min.
// Unplanned: a failure 08:00–08:40 and a material stop 08:20–09:00 overlapping it → merged 08:00–09:00 (60 min),
// and a failure 13:50–14:30 of which only 10 min fall in the run window → run time 450 − 60 − 10 = 380 min.
// performance = 24 s × 850 ÷ (380 × 60 s) = 20,400 ÷ 22,800 = 0.894736…; quality = 800 ÷ 850;
// availability = 380 ÷ 450; OEE = 380/450 × 20400/22800 × 800/850.
const shift: ProductionUnit = {
  idealCycleSeconds: 24,
  runs: [{ ...span('06:00', '14:00'), good: 800, scrap: 50 }],
  plannedDowntime: [span('06:00', '06:30')],
  unplannedDowntime: [span('08:00', '08:40'), span('08:20', '09:00'), span('13:50', '14:30')],
  failures: [span('08:00', '08:40'), span('13:50', '14:30')],
};

describe('intervals', () => {
  it('merges overlaps, intersects, subtracts and measures half-open intervals', () => {
    const a = [{ start: 0, end: 10 }, { start: 5, end: 15 }, { start: 20, end: 30 }];
    expect(merge(a)).toEqual([{ start: 0, end: 15 }, { start: 20, end: 30 }]);
    expect(intersect(a, [{ start: 10, end: 25 }])).toEqual([{ start: 10, end: 15 }, { start: 20, end: 25 }]);
    expect(subtract(a, [{ start: 3, end: 22 }])).toEqual([{ start: 0, end: 3 }, { start: 22, end: 30 }]);
    expect(measure(a)).toBe(25);
    expect(measure([{ start: 15, end: 15 }])).toBe(0);
  });
});

describe('OEE', () => {
  it('subtracts planned downtime from the run window, then merged unplanned downtime inside it', () => {
    expect(oee([shift], period, now)).toEqual({
      plannedMinutes: 450, runMinutes: 380, goodCount: 800, totalCount: 850,
      availability: 380 / 450, performance: 20400 / 22800, quality: 800 / 850,
      oee: (380 / 450) * (20400 / 22800) * (800 / 850),
    });
  });

  it('attributes counts pro rata to the part of a run inside the period, and lets an open run last until now', () => {
    const result = oee([{ ...shift, plannedDowntime: [], unplannedDowntime: [], runs: [{ ...span('22:00', null), good: 90, scrap: 0 }] }],
      { from: at('00:00', '2026-03-10'), to: at('06:00', '2026-03-10') }, now);
    // the run lasts 2026-03-02 22:00 → 2026-03-10 12:00 = 182 h; 6 h of it are in the period → 90 × 6/182
    expect(result).toMatchObject({ plannedMinutes: 360, runMinutes: 360, goodCount: (90 * 6) / 182, quality: 1 });
  });

  it('caps performance at 1 when more was counted than the ideal cycle allows', () => {
    const fast = { ...shift, idealCycleSeconds: 60 };
    expect(oee([fast], period, now)?.performance).toBe(1);
  });

  it('is null when nothing ran in the period, and 0 when the whole run was unplanned downtime', () => {
    expect(oee([shift], { from: at('00:00', '2026-04-01'), to: at('00:00', '2026-04-02') }, now)).toBeNull();
    expect(oee([{ ...shift, runs: [] }], period, now)).toBeNull();
    const broken = oee([{ ...shift, plannedDowntime: [], unplannedDowntime: [span('05:00', '15:00')] }], period, now);
    expect(broken).toMatchObject({ availability: 0, performance: null, oee: 0, runMinutes: 0 });
  });

  it('has null quality (and OEE) when the run counted nothing yet, but performance 0', () => {
    const idle = oee([{ ...shift, runs: [{ ...span('06:00', '14:00'), good: 0, scrap: 0 }] }], period, now);
    expect(idle).toMatchObject({ quality: null, performance: 0, oee: 0 });
  });
});

describe('MTBF and MTTR', () => {
  it('divide run time and failure downtime inside the period by the number of failures', () => {
    const totals = unitTotals(shift, period, now);
    expect(totals.failures).toBe(2);
    // failures: 40 min + 40 min (13:50–14:30 lies wholly inside the day) → MTTR 40; MTBF = 380 / 2 = 190
    expect(mtbfMinutes(totals)).toBe(190);
    expect(mttrMinutes(totals)).toBe(40);
  });

  it('are null without failures', () => {
    const totals = unitTotals({ ...shift, failures: [] }, period, now);
    expect([mtbfMinutes(totals), mttrMinutes(totals)]).toEqual([null, null]);
  });
});
