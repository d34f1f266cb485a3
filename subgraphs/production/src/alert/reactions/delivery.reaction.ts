// orders' `shipment.late` → a DELIVERY alert about the shipment: CRITICAL a week late or more, otherwise
// WARNING; another late ETA of the same shipment while the alert is open counts an occurrence.
import type { BusEvent } from '@cmgraph/platform';
import { AlertCategory, AlertSeverity, AlertSubjectType } from '../alert.enums';
import type { AlertRaise } from '../alert.upsert';
import { idIn, numberIn, textIn } from './payload';

const CRITICAL_DAYS_LATE = 7;

export function lateShipmentAlert(event: BusEvent): AlertRaise | null {
  const shipmentId = idIn(event.payload, 'shipmentId');
  if (!shipmentId) return null;
  const daysLate = numberIn(event.payload, 'daysLate');
  const number = textIn(event.payload, 'number') ?? shipmentId;
  const eta = textIn(event.payload, 'eta');
  const promised = textIn(event.payload, 'promisedDate');
  return {
    category: AlertCategory.DELIVERY,
    severity: daysLate !== null && daysLate >= CRITICAL_DAYS_LATE ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
    subjectType: AlertSubjectType.Shipment,
    subjectId: shipmentId,
    facilityId: idIn(event.payload, 'shipFromFacilityId') ?? idIn(event.payload, 'facilityId'),
    supplierId: idIn(event.payload, 'supplierId') ?? event.supplierId,
    message: `Shipment ${number} is ${daysLate ?? 'some'} day(s) late` + (eta ? `: ETA ${eta}` : '') + (promised ? `, promised ${promised}` : ''),
    metric: 'days_late',
    value: daysLate,
    threshold: 0,
    unit: 'd',
    occurrences: 1,
  };
}
