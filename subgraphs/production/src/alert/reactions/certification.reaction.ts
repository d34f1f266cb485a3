// suppliers' `certification.expiring` → a SUPPLIER alert about the certificate holder, one per standard
// (the metric names it): CRITICAL within a week of expiry or past it, otherwise WARNING.
import type { BusEvent } from '@cmgraph/platform';
import { AlertCategory, AlertSeverity, AlertSubjectType } from '../alert.enums';
import type { AlertRaise } from '../alert.upsert';
import { idIn, numberIn, textIn } from './payload';

const CRITICAL_DAYS_LEFT = 7;

export function expiringCertificationAlert(event: BusEvent): AlertRaise | null {
  const supplierId = idIn(event.payload, 'supplierId') ?? event.supplierId;
  const standard = textIn(event.payload, 'standard');
  if (!supplierId || !standard || !/^[A-Za-z0-9_]{1,40}$/.test(standard)) return null;
  const daysLeft = numberIn(event.payload, 'daysLeft');
  const expiresOn = textIn(event.payload, 'expiresOn');
  return {
    category: AlertCategory.SUPPLIER,
    severity: daysLeft !== null && daysLeft <= CRITICAL_DAYS_LEFT ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
    subjectType: AlertSubjectType.Supplier,
    subjectId: supplierId,
    facilityId: idIn(event.payload, 'facilityId'),
    supplierId,
    message: `${standard} certification expires` + (expiresOn ? ` on ${expiresOn}` : '') + (daysLeft !== null ? ` (${daysLeft} day(s) left)` : ''),
    metric: `${standard.toLowerCase()}_days_left`,
    value: daysLeft,
    threshold: 0,
    unit: 'd',
    occurrences: 1,
  };
}
