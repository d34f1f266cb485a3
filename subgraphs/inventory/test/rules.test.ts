// Pure inventory rules: GS1 check digits, lot lifecycle, movement shapes, days of supply, reorder-point crossings.
import { describe, expect, it } from '@jest/globals';
import { gtinCheckDigit, isValidGtin } from '../src/product/gtin.validator';
import { canIssueFromLot, canMoveLot, canReceiveIntoLot } from '../src/lot/lot.rules';
import { LotStatus } from '../src/lot/lot.enums';
import { daysOfSupply, locationRoles, netDeltas, reportDemandWindow } from '../src/stock/stock.rules';
import { StockMovementType } from '../src/stock/stock.enums';
import { crossesReorderPoint } from '../src/stock/stock.events';

describe('GTIN validation', () => {
  it('computes the GS1 mod-10 check digit', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('9638507')).toBe(4);
    expect(gtinCheckDigit('03600029145')).toBe(2);
  });

  it('accepts the four GTIN lengths with a correct check digit and nothing else', () => {
    expect(['96385074', '036000291452', '4006381333931', '10614141000415'].every(isValidGtin)).toBe(true);
    expect(['4006381333932', '400638133393', '4006381333931a', '', '123456789012345'].some(isValidGtin)).toBe(false);
  });
});

describe('lot lifecycle', () => {
  it('lets quality release a quarantined lot but never undoes a recall or a consumption', () => {
    expect(canMoveLot(LotStatus.QUARANTINE, LotStatus.AVAILABLE)).toBe(true);
    expect(canMoveLot(LotStatus.RECALLED, LotStatus.AVAILABLE)).toBe(false);
    expect(canMoveLot(LotStatus.RECALLED, LotStatus.CONSUMED)).toBe(false);
    expect(canMoveLot(LotStatus.CONSUMED, LotStatus.AVAILABLE)).toBe(false);
    expect(canMoveLot(LotStatus.QUARANTINE, LotStatus.CONSUMED)).toBe(false);
  });

  it('treats setting the current status again as an accepted no-op', () => {
    for (const status of Object.values(LotStatus)) expect(canMoveLot(status, status)).toBe(true);
  });

  it('issues only from available lots and receives into any lot that is not recalled or consumed', () => {
    expect(Object.values(LotStatus).filter(canIssueFromLot)).toEqual([LotStatus.AVAILABLE]);
    expect(Object.values(LotStatus).filter(canReceiveIntoLot)).toEqual([LotStatus.AVAILABLE, LotStatus.QUARANTINE, LotStatus.HOLD]);
  });
});

describe('stock rules', () => {
  it('sends an adjustment into or out of its location by the sign of the correction', () => {
    expect(locationRoles(StockMovementType.ADJUST, 5)).toEqual({ from: false, to: true });
    expect(locationRoles(StockMovementType.ADJUST, -5)).toEqual({ from: true, to: false });
    expect(locationRoles(StockMovementType.TRANSFER)).toEqual({ from: true, to: true });
    expect(locationRoles(StockMovementType.CONSUME)).toEqual({ from: true, to: false });
  });

  it('divides on hand by average daily demand, and has no answer without demand', () => {
    expect(daysOfSupply(100, 90)).toBeCloseTo(33.3333, 4); // 90 over 30 days = 3 a day
    expect(daysOfSupply(0, 90)).toBe(0);
    expect(daysOfSupply(100, 0)).toBeNull();
  });

  it('reports days of supply over the 90 whole UTC days before today, today excluded', () => {
    expect(reportDemandWindow('2026-11-24')).toEqual({ from: '2026-08-26T00:00:00.000Z', to: '2026-11-24T00:00:00.000Z' });
    expect(reportDemandWindow('2026-03-01')).toEqual({ from: '2025-12-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' });
    expect(daysOfSupply(855, 180, 90)).toBe(427.5); // 180 over 90 days = 2 a day
  });

  it('nets the level changes of several movements per product and location in a stable order', () => {
    const net = netDeltas([
      { productId: 'p', locationId: 'b', delta: 5, field: 'q' },
      { productId: 'p', locationId: 'a', delta: -3, field: 'q' },
      { productId: 'p', locationId: 'b', delta: -2, field: 'q' },
    ]);
    expect(net.map((d) => [d.locationId, d.delta])).toEqual([['a', -3], ['b', 3]]);
  });
});

describe('reorder point', () => {
  it('is crossed by going from at-or-above it to below it, and only when one is set', () => {
    expect(crossesReorderPoint(60, 40, 50)).toBe(true);
    expect(crossesReorderPoint(50, 49.5, 50)).toBe(true);
    expect(crossesReorderPoint(60, 50, 50)).toBe(false); // at the point is not below it
    expect(crossesReorderPoint(40, 30, 50)).toBe(false); // already below: no new crossing
    expect(crossesReorderPoint(10, 0, 0)).toBe(false); // no reorder point
  });
});
