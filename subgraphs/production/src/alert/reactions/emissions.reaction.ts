// sustainability's `emissions.budget_exceeded` → a CARBON alert about the facility the budget is for (or
// the supplier, for a supplier-wide budget): CRITICAL more than 20 % over budget, otherwise WARNING.
import type { BusEvent } from '@cmgraph/platform';
import { AlertCategory, AlertSeverity, AlertSubjectType } from '../alert.enums';
import type { AlertRaise } from '../alert.upsert';
import { idIn, numberIn, periodIn, shown } from './payload';

const CRITICAL_EXCESS = 0.2;

export function emissionsOverBudgetAlert(event: BusEvent): AlertRaise | null {
  const facilityId = idIn(event.payload, 'facilityId');
  const supplierId = idIn(event.payload, 'supplierId') ?? event.supplierId;
  const budgetKg = numberIn(event.payload, 'budgetKg');
  const actualKg = numberIn(event.payload, 'actualKg');
  if ((!facilityId && !supplierId) || budgetKg === null || actualKg === null) return null;
  const period = periodIn(event.payload, 'period');
  const excess = budgetKg > 0 ? (actualKg - budgetKg) / budgetKg : Infinity;
  return {
    category: AlertCategory.CARBON,
    severity: excess > CRITICAL_EXCESS ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
    subjectType: facilityId ? AlertSubjectType.Facility : AlertSubjectType.Supplier,
    subjectId: (facilityId ?? supplierId)!,
    facilityId,
    supplierId,
    message: `${shown(actualKg)} kgCO2e over the budget of ${shown(budgetKg)} kgCO2e` + (period ? ` for ${period}` : ''),
    metric: 'co2e',
    value: actualKg,
    threshold: budgetKg,
    unit: 'kg',
    occurrences: 1,
  };
}
