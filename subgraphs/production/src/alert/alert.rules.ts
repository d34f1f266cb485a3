// Alert lifecycle: OPEN (raised) → acknowledged → resolved; resolving closes it for good, and the next
// raise about the same category and subject opens a new alert.
import { AlertSeverity, SEVERITY_ORDER } from './alert.enums';

interface AlertState {
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
}

export function canAcknowledge(alert: AlertState): boolean {
  return !alert.resolvedAt && !alert.acknowledgedAt;
}

export function canResolve(alert: AlertState): boolean {
  return !alert.resolvedAt;
}

/** The severities at or above `min`. */
export function severitiesFrom(min: AlertSeverity): AlertSeverity[] {
  return SEVERITY_ORDER.slice(SEVERITY_ORDER.indexOf(min));
}
