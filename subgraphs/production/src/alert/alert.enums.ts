// Alert vocabularies: what an alert is about (category), how bad (severity), and what kind of entity.
import { registerEnumType } from 'type-graphql';

export enum AlertCategory {
  MACHINE_HEALTH = 'MACHINE_HEALTH',
  ENVIRONMENT = 'ENVIRONMENT',
  THROUGHPUT = 'THROUGHPUT',
  QUALITY = 'QUALITY',
  DELIVERY = 'DELIVERY',
  STOCK = 'STOCK',
  SUPPLIER = 'SUPPLIER',
  CARBON = 'CARBON',
}

/** In rising order: the SQL upsert and `minSeverity` rely on this order. */
export enum AlertSeverity {
  INFO = 'INFO',
  WARNING = 'WARNING',
  CRITICAL = 'CRITICAL',
}

export const SEVERITY_ORDER: readonly AlertSeverity[] = [AlertSeverity.INFO, AlertSeverity.WARNING, AlertSeverity.CRITICAL];

/** 0 for INFO, 1 for WARNING, 2 for CRITICAL: stored in event payloads so that SQL can compare severities. */
export function severityRank(severity: AlertSeverity): number {
  return SEVERITY_ORDER.indexOf(severity);
}

/** What happened to an alert, as its event stream tells it. */
export enum AlertChange {
  /** A new alert (nothing open about the same category, subject and metric). */
  RAISED = 'RAISED',
  /** Another occurrence counted on the open alert (its severity may have risen). */
  RECURRED = 'RECURRED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  RESOLVED = 'RESOLVED',
}

/** The federated entity types an alert may concern (members of the `AlertSubject` union). */
export enum AlertSubjectType {
  Machine = 'Machine',
  Line = 'Line',
  Facility = 'Facility',
  Supplier = 'Supplier',
  Product = 'Product',
  Lot = 'Lot',
  Shipment = 'Shipment',
  PurchaseOrder = 'PurchaseOrder',
}

registerEnumType(AlertCategory, { name: 'AlertCategory' });
registerEnumType(AlertSeverity, { name: 'AlertSeverity', description: 'INFO < WARNING < CRITICAL.' });
registerEnumType(AlertChange, { name: 'AlertChange', description: 'RAISED, RECURRED (another occurrence while open), ACKNOWLEDGED, RESOLVED.' });
registerEnumType(AlertSubjectType, { name: 'AlertSubjectType', description: 'The entity type an alert concerns.' });
