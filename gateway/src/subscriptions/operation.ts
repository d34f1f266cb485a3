// One operation sent over a streaming transport (graphql-ws: server.ts; Server-Sent Events: sse.ts), the
// same whichever carries it: parsed and validated against the API schema; a subscription checked against
// the operation limits (rate limit, trusted documents, depth, cost), planned and attached to a shared
// upstream (hub.ts); a query or mutation run through the gateway's Apollo Server as over HTTP (the same
// plugins, so the same limits). Every error leaves coded, through one formatter, without a stack trace.
import { GraphQLError, type DocumentNode } from 'graphql';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Identity, Logger } from '@cmgraph/platform/src/lean';
import type { OperationGuard } from '../limits';
import { errorResult, subscriptionError, type FormattedResult } from './errors';
import type { SubscriptionHub } from './hub';
import type { PreparedSubscription, SubscriptionPlanner } from './planner';

export interface OperationDependencies {
  planner: SubscriptionPlanner;
  hub: SubscriptionHub;
  apollo: ApolloServer<BaseContext>;
  log: Logger;
  /** Operation limits and trusted documents, as over HTTP. */
  guard: OperationGuard;
}

export interface OperationRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** What an accepted operation becomes. */
export type AcceptedOperation =
  | { kind: 'subscription'; prepared: PreparedSubscription; scope: string; document: DocumentNode; operationName?: string }
  | { kind: 'single'; query: string; operationName?: string; variables?: Record<string, unknown>; identity?: Identity; document: DocumentNode };

/** Parses, validates and (for a subscription) checks and plans an operation: what runs, or why not. */
export function acceptOperation(
  deps: OperationDependencies,
  request: OperationRequest,
  identity: Identity | undefined,
  scope: () => string,
): AcceptedOperation | readonly GraphQLError[] {
  const parsed = deps.planner.parse(request.query, request.operationName ?? undefined);
  if (Array.isArray(parsed)) return parsed;
  const { document, operationName, operation } = parsed;
  const variables = request.variables ?? undefined;
  if (operation.operation !== 'subscription') {
    // queries and mutations: Apollo Server validates, limits and executes them as it does over HTTP
    return { kind: 'single', query: request.query, operationName, variables, identity, document };
  }
  const refused = deps.guard.checkOperation({ schema: deps.planner.apiSchema, document, operationName, variables, identity: identity ?? null });
  if (refused.length) return refused;
  const prepared = deps.planner.prepare(parsed, variables);
  if (Array.isArray(prepared)) return prepared;
  return { kind: 'subscription', prepared, scope: scope(), document, operationName };
}

/** Whether `acceptOperation` refused the operation (its errors). */
export function isRefused(accepted: AcceptedOperation | readonly GraphQLError[]): accepted is readonly GraphQLError[] {
  return Array.isArray(accepted);
}

/** The subscription's stream of results (one shared upstream per operation, variables and scope). */
export function subscribeAccepted(deps: OperationDependencies, accepted: Extract<AcceptedOperation, { kind: 'subscription' }>): AsyncIterableIterator<FormattedResult> {
  return deps.hub.subscribe(accepted.prepared, accepted.scope);
}

/** Runs a query or mutation through Apollo Server: its formatted result. */
export async function executeAccepted(deps: OperationDependencies, accepted: Extract<AcceptedOperation, { kind: 'single' }>): Promise<FormattedResult> {
  try {
    const response = await deps.apollo.executeOperation(
      { query: accepted.query, operationName: accepted.operationName, variables: accepted.variables },
      { contextValue: { identity: accepted.identity } },
    );
    if (response.body.kind === 'single') return response.body.singleResult as FormattedResult;
    return errorResult(subscriptionError('GRAPHQL_VALIDATION_FAILED', 'Incremental delivery (@defer) is not served over a streaming transport.'));
  } catch (error) {
    deps.log.error({ err: error }, 'streamed operation failed');
    return errorResult(internalError());
  }
}

export function internalError(): GraphQLError {
  return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
