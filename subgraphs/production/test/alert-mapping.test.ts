// Pure mappings of the alert stream: other domains' events to alerts (severity thresholds, subjects,
// unusable payloads), and `alertRaised`'s filter to SQL.
import { describe, expect, it } from '@jest/globals';
import { newId, type BusEvent } from '@cmgraph/platform';
import { lateShipmentAlert } from '../src/alert/reactions/delivery.reaction';
import { lowStockAlert } from '../src/alert/reactions/stock.reaction';
import { expiringCertificationAlert } from '../src/alert/reactions/certification.reaction';
import { emissionsOverBudgetAlert } from '../src/alert/reactions/emissions.reaction';
import { alertStreamWhere } from '../src/alert/alert-stream.filter';
import { AlertCategory, AlertSeverity } from '../src/alert/alert.enums';

const event = (type: string, payload: Record<string, unknown>, supplierId: string | null = null): BusEvent => ({
  position: '1', id: newId(), producer: 'test', type, subjectType: 'X', subjectId: newId(), supplierId, occurredAt: new Date(), payload,
});

describe('alerts from other domains', () => {
  it('grades a late shipment CRITICAL from a week late', () => {
    const shipmentId = newId();
    const late = (daysLate: unknown) => lateShipmentAlert(event('shipment.late', { shipmentId, daysLate }))?.severity;
    expect([late(1), late(6), late(7), late(30), late(undefined)]).toEqual(['WARNING', 'WARNING', 'CRITICAL', 'CRITICAL', 'WARNING']);
    expect(lateShipmentAlert(event('shipment.late', { shipmentId: 'ASN-1', daysLate: 3 }))).toBeNull();
  });

  it('grades low stock CRITICAL when nothing is left, and reads numbers sent as strings', () => {
    const productId = newId();
    expect(lowStockAlert(event('stock.below_reorder_point', { productId, onHand: '0', reorderPoint: '10' }))).toMatchObject({
      category: AlertCategory.STOCK, severity: AlertSeverity.CRITICAL, subjectId: productId, value: 0, threshold: 10,
    });
    expect(lowStockAlert(event('stock.below_reorder_point', { productId, onHand: 3 }))?.severity).toBe('WARNING');
    expect(lowStockAlert(event('stock.below_reorder_point', { productId, onHand: 'many' }))).toBeNull();
  });

  it('raises an expiring certification about its holder, one per standard, CRITICAL within a week', () => {
    const supplierId = newId();
    const expiring = (standard: unknown, daysLeft: number) => expiringCertificationAlert(event('certification.expiring', { supplierId, standard, daysLeft }));
    expect(expiring('IATF_16949', 7)).toMatchObject({ subjectType: 'Supplier', subjectId: supplierId, severity: 'CRITICAL', metric: 'iatf_16949_days_left' });
    expect(expiring('ISO_9001', 8)).toMatchObject({ severity: 'WARNING', metric: 'iso_9001_days_left' });
    expect(expiring("ISO'; drop", 8)).toBeNull();
  });

  it('raises emissions over budget about the facility, else the supplier, CRITICAL beyond 20 % over', () => {
    const [facilityId, supplierId] = [newId(), newId()];
    const over = (payload: Record<string, unknown>, supplier: string | null = null) =>
      emissionsOverBudgetAlert(event('emissions.budget_exceeded', { budgetKg: 100, ...payload }, supplier));
    expect(over({ facilityId, actualKg: 120 })).toMatchObject({ subjectType: 'Facility', subjectId: facilityId, severity: 'WARNING' });
    expect(over({ actualKg: 121 }, supplierId)).toMatchObject({ subjectType: 'Supplier', subjectId: supplierId, supplierId, severity: 'CRITICAL' });
    expect(over({ actualKg: 121 })).toBeNull();
  });
});

describe('alertRaised filter', () => {
  it('becomes one SQL condition with its parameters, severities compared by rank', () => {
    const facilityId = newId();
    expect(alertStreamWhere({ categories: [AlertCategory.CARBON, AlertCategory.STOCK], minSeverity: AlertSeverity.WARNING, facilityId, open: true })).toEqual({
      sql: `payload->>'category' in (?) and (payload->>'severityRank')::int >= ? and payload->>'facilityId' = ? and payload->>'change' <> ?`,
      params: [['CARBON', 'STOCK'], 1, facilityId, 'RESOLVED'],
    });
    expect(alertStreamWhere({ categories: [] })).toBeUndefined();
    expect(alertStreamWhere(null)).toBeUndefined();
  });
});
