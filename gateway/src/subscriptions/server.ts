// The gateway's graphql-ws endpoint (subprotocol graphql-transport-ws) on the same port and path as
// HTTP. Subscriptions are validated against the API schema, planned, and attached to a shared upstream
// (hub.ts); queries and mutations sent over the socket run through the gateway's Apollo Server like
// HTTP requests. Every error leaves coded, through one formatter, without a stack trace.
import type { OperationGuard } from '../limits';
import type http from 'node:http';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { SubscribePayload } from 'graphql-ws';
import { GraphQLError, type ExecutionArgs, type ExecutionResult, type FormattedExecutionResult } from 'graphql';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Identity, Logger } from '@cmgraph/platform/src/lean';
import type { WebSocketAuthenticator } from '../auth/websocket';
import { errorResult, formatSubscriptionError, subscriptionError, type FormattedResult } from './errors';
import type { SubscriptionHub } from './hub';
import type { PreparedSubscription, SubscriptionPlanner } from './planner';
import { subscriptionScope } from './scope';

export interface GraphqlWsDependencies {
  planner: SubscriptionPlanner;
  hub: SubscriptionHub;
  apollo: ApolloServer<BaseContext>;
  log: Logger;
  /** Verifies the token in `connectionParams.authorization`; a connection without a valid one is closed (4401). */
  authenticator: WebSocketAuthenticator;
  /** Operation limits and trusted documents, as over HTTP. */
  guard: OperationGuard;
}

type OperationContextValue =
  | { kind: 'subscription'; prepared: PreparedSubscription; scope: string }
  | { kind: 'single'; query: string; operationName?: string; variables?: Record<string, unknown>; identity?: Identity };

export interface GraphqlWsEndpoint {
  /** Tells every client "going away" (1001) and stops accepting sockets. */
  close(): Promise<void>;
}

export function serveGraphqlWs(httpServer: http.Server, deps: GraphqlWsDependencies, path = '/graphql'): GraphqlWsEndpoint {
  const sockets = new WebSocketServer({ server: httpServer, path });
  const server = useServer(
    {
      onConnect: (ctx) =>
        deps.authenticator.connect(ctx.connectionParams, ctx.extra.request, (code, reason) => ctx.extra.socket.close(code, reason)),
      onSubscribe: (ctx, _id, payload) => {
        try {
          const identity = deps.authenticator.identity(ctx.extra.request);
          return accept(deps, payload, identity, () =>
            subscriptionScope({ connectionParams: ctx.connectionParams, request: ctx.extra.request, identity }),
          );
        } catch (error) {
          deps.log.error({ err: error }, 'graphql-ws operation could not be prepared');
          return [internal()];
        }
      },
      subscribe: (args: ExecutionArgs) => {
        const context = args.contextValue as OperationContextValue;
        if (context.kind !== 'subscription') return asExecutionResult(errorResult(internal()));
        return deps.hub.subscribe(context.prepared, context.scope) as unknown as AsyncIterable<ExecutionResult>;
      },
      execute: async (args: ExecutionArgs) => {
        const context = args.contextValue as OperationContextValue;
        if (context.kind !== 'single') return asExecutionResult(errorResult(internal()));
        try {
          const response = await deps.apollo.executeOperation(
            { query: context.query, operationName: context.operationName, variables: context.variables },
            { contextValue: { identity: context.identity } },
          );
          if (response.body.kind === 'single') return asExecutionResult(response.body.singleResult as FormattedResult);
          return asExecutionResult(
            errorResult(subscriptionError('GRAPHQL_VALIDATION_FAILED', 'Incremental delivery (@defer) is not served over graphql-ws.')),
          );
        } catch (error) {
          deps.log.error({ err: error }, 'graphql-ws operation failed');
          return asExecutionResult(errorResult(internal()));
        }
      },
      // results are formatted where they are made (hub, Apollo Server): sent as they are
      onNext: (_ctx, _id, _payload, _args, result) => result as FormattedExecutionResult,
      onError: (_ctx, _id, _payload, errors) => errors.map(formatSubscriptionError),
    },
    sockets,
  );
  let closing: Promise<void> | undefined;
  const close = async () => {
    const disposed = server.dispose();
    // a client that never answers the close frame must not hold the shutdown for ws's 30 s
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([disposed, new Promise((resolve) => (timer = setTimeout(resolve, 1_000)))]);
    clearTimeout(timer);
    for (const socket of sockets.clients) socket.terminate();
    await disposed;
  };
  return {
    close: () => (closing ??= close()),
  };
}

/** Parses, validates and (for a subscription) plans an operation: its execution arguments, or errors. */
function accept(
  deps: GraphqlWsDependencies,
  payload: SubscribePayload,
  identity: Identity | undefined,
  scope: () => string,
): ExecutionArgs | readonly GraphQLError[] {
  const parsed = deps.planner.parse(payload.query, payload.operationName);
  if (Array.isArray(parsed)) return parsed;
  const { document, operationName, operation } = parsed;
  const variables = payload.variables ?? undefined;
  let contextValue: OperationContextValue;
  if (operation.operation === 'subscription') {
    // queries and mutations meet the same limits inside Apollo Server (operationLimitsPlugin)
    const refused = deps.guard.checkOperation({ schema: deps.planner.apiSchema, document, operationName, variables, identity: identity ?? null });
    if (refused.length) return refused;
    const prepared = deps.planner.prepare(parsed, variables);
    if (Array.isArray(prepared)) return prepared;
    contextValue = { kind: 'subscription', prepared, scope: scope() };
  } else {
    // queries and mutations: Apollo Server validates and executes them as it does over HTTP
    contextValue = { kind: 'single', query: payload.query, operationName, variables, identity };
  }
  return { schema: deps.planner.apiSchema, document, operationName, variableValues: variables, contextValue };
}

function internal(): GraphQLError {
  return new GraphQLError('The operation reached the wrong executor.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

function asExecutionResult(result: FormattedResult): ExecutionResult {
  return result as unknown as ExecutionResult;
}
