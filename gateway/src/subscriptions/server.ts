// The gateway's graphql-ws endpoint (subprotocol graphql-transport-ws) on the same port and path as
// HTTP. What an operation becomes is operation.ts's, shared with the SSE endpoint (sse.ts); this file is
// the socket: the token in `connectionParams.authorization` (4401 without a valid one), and every error
// formatted by one formatter, without a stack trace.
import type http from 'node:http';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { ExecutionArgs, ExecutionResult, FormattedExecutionResult } from 'graphql';
import type { WebSocketAuthenticator } from '../auth/websocket';
import { errorResult, formatSubscriptionError, type FormattedResult } from './errors';
import { acceptOperation, executeAccepted, internalError, isRefused, subscribeAccepted, type AcceptedOperation, type OperationDependencies } from './operation';
import { subscriptionScope } from './scope';

export interface GraphqlWsDependencies extends OperationDependencies {
  /** Verifies the token in `connectionParams.authorization`; a connection without a valid one is closed (4401). */
  authenticator: WebSocketAuthenticator;
}

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
          const accepted = acceptOperation(deps, payload, identity, () =>
            subscriptionScope({ connectionParams: ctx.connectionParams, request: ctx.extra.request, identity }),
          );
          if (isRefused(accepted)) return accepted;
          // graphql-ws wants execution arguments: the accepted operation travels as their context value
          return { schema: deps.planner.apiSchema, document: accepted.document, operationName: accepted.operationName, variableValues: payload.variables, contextValue: accepted };
        } catch (error) {
          deps.log.error({ err: error }, 'graphql-ws operation could not be prepared');
          return [internalError()];
        }
      },
      subscribe: (args: ExecutionArgs) => {
        const operation = args.contextValue as AcceptedOperation;
        if (operation.kind !== 'subscription') return asExecutionResult(errorResult(internalError()));
        return subscribeAccepted(deps, operation) as unknown as AsyncIterable<ExecutionResult>;
      },
      execute: async (args: ExecutionArgs) => {
        const operation = args.contextValue as AcceptedOperation;
        if (operation.kind !== 'single') return asExecutionResult(errorResult(internalError()));
        return asExecutionResult(await executeAccepted(deps, operation));
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

function asExecutionResult(result: FormattedResult): ExecutionResult {
  return result as unknown as ExecutionResult;
}
