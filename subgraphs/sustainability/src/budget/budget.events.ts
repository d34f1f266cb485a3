// `emissions.budget_exceeded`: raised once per budget, by the write that took its actual emissions from
// within the budget to over it.
import type { NewEvent } from '@cmgraph/platform';
import type { EmissionsBudget } from './emissions-budget.entity';

export function budgetExceeded(budget: EmissionsBudget, actualKg: number): NewEvent {
  return {
    type: 'emissions.budget_exceeded',
    subject: { type: 'EmissionsBudget', id: budget.id },
    supplierId: budget.supplierId,
    payload: {
      budgetId: budget.id, supplierId: budget.supplierId, facilityId: budget.facilityId,
      period: { start: budget.periodStart, end: budget.periodEnd }, scopes: budget.scopes,
      budgetKg: budget.budgetKg, actualKg,
    },
  };
}
