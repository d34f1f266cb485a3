// Pure lifecycle rules: purchase-order transitions, acknowledgement answers, shipment milestones, SSCCs,
// and when a shipment is late.
import { describe, expect, it } from '@jest/globals';
import { canMovePurchaseOrder, isFullyDelivered, openQuantity } from '../src/purchase-order/purchase-order.rules';
import { applyAnswer } from '../src/purchase-order/acknowledgement.rules';
import { LineAckStatus, PurchaseOrderStatus as S } from '../src/purchase-order/purchase-order.enums';
import { statusAfterMilestone } from '../src/shipment/shipment.rules';
import { MilestoneType as M, ShipmentStatus } from '../src/shipment/shipment.enums';
import { isValidSscc, makeSscc } from '../src/shipment/sscc';
import { lateAfterEtaChange, latenessOf, promiseOf } from '../src/shipment/shipment.lateness';

describe('purchase-order rules', () => {
  it('lets an order be cancelled until it ships, and never after', () => {
    expect([S.DRAFT, S.SENT, S.ACKNOWLEDGED].every((from) => canMovePurchaseOrder(from, S.CANCELLED))).toBe(true);
    expect([S.PARTIALLY_SHIPPED, S.CLOSED].some((from) => canMovePurchaseOrder(from, S.CANCELLED))).toBe(false);
  });

  it('computes open quantity as ordered minus shipped, and nothing on a rejected line', () => {
    expect(openQuantity({ ackStatus: LineAckStatus.ACCEPTED, quantity: 10.3, quantityShipped: 0.1 })).toBe(10.2);
    expect(openQuantity({ ackStatus: LineAckStatus.REJECTED, quantity: 10, quantityShipped: 0 })).toBe(0);
  });

  it('closes an order when every line it did not reject is delivered in full', () => {
    const rejected = { ackStatus: LineAckStatus.REJECTED, quantity: 5, quantityDelivered: 0 };
    const done = { ackStatus: LineAckStatus.ACCEPTED, quantity: 0.3, quantityDelivered: 0.1 + 0.2 };
    expect(isFullyDelivered([rejected, done])).toBe(true);
    expect(isFullyDelivered([rejected, { ...done, quantityDelivered: 0.2 }])).toBe(false);
  });
});

describe('acknowledgement answers', () => {
  const pending = () => ({
    ackStatus: LineAckStatus.PENDING, originalPromisedDate: null as string | null, currentPromisedDate: null as string | null,
    acknowledgedQuantity: null as number | null, quantityShipped: 0,
  });

  it('fixes the original promised date at the first answer and moves only the current one afterwards', () => {
    const line = pending();
    applyAnswer(line, { status: LineAckStatus.ACCEPTED, promisedDate: '2026-03-10' }, 'lines[0]');
    applyAnswer(line, { status: LineAckStatus.DATE_CHANGED, promisedDate: '2026-03-14' }, 'lines[0]');
    expect(line).toMatchObject({ ackStatus: 'DATE_CHANGED', originalPromisedDate: '2026-03-10', currentPromisedDate: '2026-03-14' });
  });

  it('refuses an acceptance without a promised date, naming the field', () => {
    expect(() => applyAnswer(pending(), { status: LineAckStatus.ACCEPTED }, 'lines[1]')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'lines[1].promisedDate' }) }),
    );
  });

  it('refuses to reject a line that already shipped', () => {
    expect(() => applyAnswer({ ...pending(), quantityShipped: 1 }, { status: LineAckStatus.REJECTED }, 'lines[0]')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT' }) }),
    );
  });
});

describe('shipment milestones', () => {
  it('moves a booked shipment in transit, into an exception and back, and refuses anything after delivery', () => {
    expect(statusAfterMilestone(ShipmentStatus.BOOKED, M.PICKED_UP)).toBe('IN_TRANSIT');
    expect(statusAfterMilestone(ShipmentStatus.IN_TRANSIT, M.EXCEPTION)).toBe('EXCEPTION');
    expect(statusAfterMilestone(ShipmentStatus.EXCEPTION, M.DEPARTED)).toBe('IN_TRANSIT');
    expect(statusAfterMilestone(ShipmentStatus.IN_TRANSIT, M.DELIVERED)).toBe('DELIVERED');
    expect(statusAfterMilestone(ShipmentStatus.DELIVERED, M.EXCEPTION)).toBeNull();
  });
});

describe('SSCC check digits', () => {
  it("accepts GS1's published example and refuses it with any other check digit", () => {
    expect(isValidSscc('106141411234567897')).toBe(true);
    expect(isValidSscc('106141411234567890')).toBe(false);
    expect(isValidSscc('10614141123456789')).toBe(false);
  });

  it('derives valid 18-digit SSCCs from a company prefix and a serial', () => {
    const codes = [1, 2, 999_999_999].map((serial) => makeSscc('0614141', serial));
    expect(codes.every(isValidSscc)).toBe(true);
    expect(codes[0]).toHaveLength(18);
  });
});

describe('shipment lateness', () => {
  const promises = [
    promiseOf({ id: 'l1', currentPromisedDate: '2026-03-12', originalPromisedDate: '2026-03-08', requestedDate: '2026-03-01' }),
    promiseOf({ id: 'l2', currentPromisedDate: null, originalPromisedDate: null, requestedDate: '2026-03-10' }),
  ];

  it('judges against the current promise, else the first, else the requested day; late by the earliest promise missed', () => {
    expect(promises.map((p) => p.promisedDate)).toEqual(['2026-03-12', '2026-03-10']);
    expect(latenessOf('2026-03-10', promises)).toBeNull();
    expect(latenessOf('2026-03-11', promises)).toEqual({ purchaseOrderLineId: 'l2', promisedDate: '2026-03-10', daysLate: 1 });
    expect(latenessOf('2026-04-01', promises)).toEqual({ purchaseOrderLineId: 'l2', promisedDate: '2026-03-10', daysLate: 22 });
  });

  it('reports an ETA change only when it moves the ETA later and past a promise', () => {
    expect(lateAfterEtaChange(null, '2026-03-11', promises)?.daysLate).toBe(1); // booked late
    expect(lateAfterEtaChange('2026-03-09', '2026-03-13', promises)?.daysLate).toBe(3);
    expect(lateAfterEtaChange('2026-03-13', '2026-03-13', promises)).toBeNull(); // the same day again
    expect(lateAfterEtaChange('2026-03-15', '2026-03-13', promises)).toBeNull(); // earlier, still late
    expect(lateAfterEtaChange('2026-03-13', '2026-03-16', promises)?.daysLate).toBe(6); // later still
    expect(lateAfterEtaChange('2026-03-05', '2026-03-09', promises)).toBeNull(); // later, on time
  });
});
