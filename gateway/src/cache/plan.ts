// Which subgraphs a query plan fetches from: every Fetch node's service, wherever it sits (sequences,
// parallels, flattens, deferred parts, conditions, a subscription's primary and rest).
import type { PlanNode, QueryPlan, SubscriptionNode } from '@apollo/query-planner';

/** The subgraphs a plan fetches from, sorted; null when the plan holds a node this code does not know. */
export function subgraphsOfPlan(plan: QueryPlan): string[] | null {
  const names = new Set<string>();
  let understood = true;
  const walk = (node: PlanNode | SubscriptionNode | undefined): void => {
    if (!node) return;
    switch (node.kind) {
      case 'Fetch':
        names.add(node.serviceName);
        return;
      case 'Sequence':
      case 'Parallel':
        node.nodes.forEach(walk);
        return;
      case 'Flatten':
        walk(node.node);
        return;
      case 'Defer':
        walk(node.primary.node);
        for (const deferred of node.deferred) walk(deferred.node);
        return;
      case 'Condition':
        walk(node.ifClause);
        walk(node.elseClause);
        return;
      case 'Subscription':
        walk(node.primary);
        walk(node.rest);
        return;
      default:
        // a node kind of a newer planner: an unknown dependency must never look like no dependency
        understood = false;
    }
  };
  walk(plan.node);
  return understood ? [...names].sort() : null;
}
