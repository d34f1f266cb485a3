// Authentication of graphql-ws connections: the client sends `Bearer <jwt>` in
// `connectionParams.authorization` (connection_init). A missing or invalid token closes the socket
// with 4401 Unauthorized before any operation runs; a valid one fixes the connection's identity.
import type { IncomingMessage } from 'node:http';
import type { Identity, Logger } from '@cmgraph/platform/src/lean';
import type { TokenVerifier } from './verifier';
import { AuthError } from './errors';

export const UNAUTHORIZED_CLOSE = 4401;

const identities = new WeakMap<IncomingMessage, Identity>();

export interface WebSocketAuthenticator {
  /** True when the connection may proceed; otherwise the socket has been closed with 4401. */
  connect(connectionParams: Readonly<Record<string, unknown>> | undefined, request: IncomingMessage, close: (code: number, reason: string) => void): Promise<boolean>;
  /** The identity verified for the connection of this upgrade request. */
  identity(request: IncomingMessage): Identity | undefined;
}

export function webSocketAuthenticator(verifier: TokenVerifier, log: Logger): WebSocketAuthenticator {
  return {
    async connect(connectionParams, request, close) {
      const param = connectionParams?.authorization ?? connectionParams?.Authorization;
      try {
        const identity = await verifier.verify(typeof param === 'string' ? param : undefined);
        const address = request.socket.remoteAddress;
        identities.set(request, { ...identity, ...(address ? { address } : {}) });
        return true;
      } catch (error) {
        if (!(error instanceof AuthError)) log.error({ err: error }, 'token verification failed');
        close(UNAUTHORIZED_CLOSE, 'Unauthorized');
        return false;
      }
    },
    identity: (request) => identities.get(request),
  };
}
