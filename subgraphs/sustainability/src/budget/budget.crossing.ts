// Whether a write took budgets over: after a record is written (in its transaction), every budget it
// counts toward that is not yet exceeded is locked, its actual recomputed including the new record, and
// those now over are marked exceeded and get their event. The row locks make concurrent writers queue
// per budget, and the second sees the first's mark (and record), so a crossing is raised exactly once.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { WITHOUT_PARTNER_SCOPE, type NewEvent } from '@cmgraph/platform';
import { EmissionsBudget } from './emissions-budget.entity';
import { actualKgOf } from './budget.actual';
import { budgetExceeded } from './budget.events';

/** What a newly written record adds, and to whom. */
export interface EmissionContribution {
  supplierId: string;
  facilityId: string;
  periodStart: string;
  periodEnd: string;
  scope: number;
  /** kgCO2e the record counts (market-based for scope 2). */
  kgCo2e: number;
}

/** The events of the budgets this contribution took over their limit (call after the record is persisted). */
export async function budgetCrossings(em: EntityManager, contribution: EmissionContribution): Promise<NewEvent[]> {
  if (!(contribution.kgCo2e > 0)) return []; // adds nothing: no budget can cross
  await em.flush(); // the actual below is SQL and must see the new record
  const budgets = await em.find(
    EmissionsBudget,
    {
      exceededAt: null,
      periodStart: { $lt: contribution.periodEnd },
      periodEnd: { $gt: contribution.periodStart },
      scopes: { $contains: [contribution.scope] },
      $or: [{ facilityId: contribution.facilityId }, { facilityId: null, supplierId: contribution.supplierId }],
    },
    // every budget the record counts toward, also when a partner writes (see actualKgOf); none is returned
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, orderBy: { id: 'asc' }, filters: WITHOUT_PARTNER_SCOPE },
  );
  return markExceeded(em, budgets);
}

/** Marks the budgets whose actual is over their limit as exceeded; returns their events. */
export async function markExceeded(em: EntityManager, budgets: EmissionsBudget[]): Promise<NewEvent[]> {
  const actuals = await actualKgOf(em, budgets);
  return budgets.flatMap((budget, i) => crossing(budget, actuals[i]!) ?? []);
}

/**
 * The crossing rule for one budget and its actual: over the limit and not yet marked → marked now, with
 * its event; over and already marked → nothing new; within the limit → nothing.
 */
export function crossing(budget: EmissionsBudget, actualKg: number): NewEvent | null {
  if (budget.exceededAt || !(actualKg > budget.budgetKg)) return null;
  budget.exceededAt = new Date();
  return budgetExceeded(budget, actualKg);
}
