// A budget's actual emissions: the `emissions` KPI of its owner over its period (records pro rata to
// their days inside it, scope 2 market-based), summed over the scopes the budget counts. Computed by
// the same statement as the `emissions` query, so the budget and the report never disagree.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EmissionsSummary } from '../kpi/emissions';
import { emissionsLoader } from '../kpi/emissions.query';
import type { WindowKey } from '../kpi/window.query';
import type { EmissionsBudget } from './emissions-budget.entity';

/** The owner and window of a budget: a facility's records, or all of its supplier's. */
export function budgetWindow(budget: EmissionsBudget): WindowKey {
  return {
    supplierId: budget.facilityId ? null : budget.supplierId,
    facilityId: budget.facilityId,
    from: budget.periodStart,
    to: budget.periodEnd,
  };
}

/** kgCO2e of the counted scopes; 0 when nothing was recorded. */
export function actualOf(summary: EmissionsSummary, scopes: readonly number[]): number {
  const byScope: Record<number, number | null> = { 1: summary.scope1, 2: summary.scope2MarketBased, 3: summary.scope3 };
  return scopes.reduce((sum, scope) => sum + (byScope[scope] ?? 0), 0);
}

/**
 * The actual kgCO2e of each budget, in one statement, as `em` sees the data (inside a transaction: with its
 * own writes). Over every supplier's records even when a partner's write asks: whether a budget is crossed
 * is the brand's rule and must not depend on who wrote (a facility's records of a former supplier count
 * too). The figures decide the crossing and go into its event; they are never returned to the caller.
 */
export async function actualKgOf(em: EntityManager, budgets: readonly EmissionsBudget[]): Promise<number[]> {
  if (!budgets.length) return [];
  const summaries = await emissionsLoader(em, null).loadMany(budgets.map(budgetWindow));
  return summaries.map((summary, i) => {
    if (summary instanceof Error) throw summary;
    return actualOf(summary, budgets[i]!.scopes);
  });
}
