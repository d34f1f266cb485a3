// Delivery-risk rules and work-order progress against hand-worked cases (definitions in
// src/delivery-risk/delivery-risk.ts). "Now" is 2026-11-01T12:00Z, so today is 2026-11-01.
import { describe, expect, it } from '@jest/globals';
import { deliveryRisk, elapsedShare, workOrderProgress, type PlannedWorkOrder } from '../src/delivery-risk/delivery-risk';

const now = new Date('2026-11-01T12:00:00Z');
const at = (iso: string) => new Date(`${iso}Z`);
const NONE = workOrderProgress([]);
/** One work order planned over 20 days, 10 of them gone at `now`: 50% of its window elapsed. */
const order = (good: number, end = '2026-11-11T12:00:00', number = 'WO-1'): PlannedWorkOrder => ({
  number, quantityPlanned: 100, quantityGood: good, plannedStart: at('2026-10-22T12:00:00'), plannedEnd: at(end),
});
const progress = (...orders: PlannedWorkOrder[]) => workOrderProgress(orders);

describe('work-order progress', () => {
  it('sums planned and good quantity, takes the earliest start and the latest end, null progress without orders', () => {
    const figures = progress(order(30, '2026-11-05T00:00:00', 'WO-A'), { ...order(50, '2026-11-20T00:00:00', 'WO-B'), quantityPlanned: 50, plannedStart: at('2026-10-25T00:00:00') });
    expect(figures).toEqual({
      workOrders: 2, quantityPlanned: 150, quantityGood: 80, progress: 80 / 150,
      plannedStart: at('2026-10-22T12:00:00'), plannedEnd: at('2026-11-20T00:00:00'), lastNumber: 'WO-B',
    });
    expect(NONE).toEqual({ workOrders: 0, quantityPlanned: 0, quantityGood: 0, progress: null, plannedStart: null, plannedEnd: null, lastNumber: null });
  });

  it('measures the elapsed share of a window, clamped to 0..1', () => {
    expect(elapsedShare(at('2026-10-22T12:00:00'), at('2026-11-11T12:00:00'), now)).toBe(0.5);
    expect(elapsedShare(at('2026-11-02T00:00:00'), at('2026-11-03T00:00:00'), now)).toBe(0);
    expect(elapsedShare(at('2026-10-01T00:00:00'), at('2026-10-02T00:00:00'), now)).toBe(1);
    expect(elapsedShare(now, now, now)).toBe(1);
  });
});

describe('delivery risk', () => {
  const facts = (over: Partial<Parameters<typeof deliveryRisk>[0]>) => ({ promisedDate: '2026-11-10', openQuantity: 100, latestEta: null, progress: NONE, ...over });

  it('is LATE when the latest ETA is after the promised date', () => {
    expect(deliveryRisk(facts({ latestEta: '2026-11-12' }), now)).toEqual({ level: 'LATE', reasons: ['latest ETA 2026-11-12 is after the promised date 2026-11-10'] });
  });

  it('is LATE without an ETA once the promised date has passed with quantity open — not on the promised day, nor with nothing open', () => {
    expect(deliveryRisk(facts({ promisedDate: '2026-10-31', openQuantity: 40 }), now)).toEqual({
      level: 'LATE', reasons: ['no shipment ETA, the promised date 2026-10-31 has passed and 40 is still open'],
    });
    expect(deliveryRisk(facts({ promisedDate: '2026-11-01' }), now).level).toBe('UNKNOWN');
    expect(deliveryRisk(facts({ promisedDate: '2026-10-31', openQuantity: 0 }), now).level).toBe('UNKNOWN');
  });

  it('is AT_RISK when progress trails the elapsed window by more than 20 points', () => {
    // 50% of the window elapsed: 29 of 100 done is 21 points behind, 31 done is 19 points behind
    expect(deliveryRisk(facts({ promisedDate: '2026-11-20', progress: progress(order(29)) }), now)).toEqual({
      level: 'AT_RISK', reasons: ['work orders are 29% done with 50% of their planned window elapsed'],
    });
    expect(deliveryRisk(facts({ promisedDate: '2026-11-20', progress: progress(order(31)) }), now)).toEqual({ level: 'ON_TRACK', reasons: [] });
  });

  it('is AT_RISK when a work order is planned to end after the promised date (by UTC day)', () => {
    expect(deliveryRisk(facts({ promisedDate: '2026-11-11', progress: progress(order(60, '2026-11-12T01:00:00', 'WO-9')) }), now)).toEqual({
      level: 'AT_RISK', reasons: ['work order WO-9 is planned to end 2026-11-12, after the promised date 2026-11-11'],
    });
    expect(deliveryRisk(facts({ promisedDate: '2026-11-11', progress: progress(order(60, '2026-11-11T23:59:00')) }), now).level).toBe('ON_TRACK');
  });

  it('reports every rule that applies, the worst level winning', () => {
    expect(deliveryRisk(facts({ latestEta: '2026-11-15', progress: progress(order(0)) }), now)).toEqual({
      level: 'LATE',
      reasons: [
        'latest ETA 2026-11-15 is after the promised date 2026-11-10',
        'work orders are 0% done with 50% of their planned window elapsed',
        'work order WO-1 is planned to end 2026-11-11, after the promised date 2026-11-10',
      ],
    });
  });

  it('ignores lagging work orders once nothing is open', () => {
    expect(deliveryRisk(facts({ openQuantity: 0, latestEta: '2026-11-09', progress: progress(order(0)) }), now)).toEqual({ level: 'ON_TRACK', reasons: [] });
  });

  it('is ON_TRACK with an ETA or work orders and no rule applying, UNKNOWN with neither', () => {
    expect(deliveryRisk(facts({ latestEta: '2026-11-10' }), now)).toEqual({ level: 'ON_TRACK', reasons: [] });
    expect(deliveryRisk(facts({}), now)).toEqual({ level: 'UNKNOWN', reasons: ['no shipment ETA and no work order'] });
  });

  it('compares no date before the line has a promised date', () => {
    expect(deliveryRisk(facts({ promisedDate: null, latestEta: '2027-01-01' }), now)).toEqual({
      level: 'ON_TRACK', reasons: ['no promised date yet: no date compared'],
    });
    expect(deliveryRisk(facts({ promisedDate: null, progress: progress(order(0)) }), now).level).toBe('AT_RISK');
  });
});
