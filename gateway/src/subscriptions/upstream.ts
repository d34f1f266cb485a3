// One attempt at an upstream subscription: a graphql-ws connection to the owning subgraph (its HTTP URL
// with ws:// instead of http://) carrying one subscription. The client library's own retries are off:
// it would resubscribe with the variables of the first attempt, while a resumed subscription must ask
// for the events after the last delivered cursor, so the shared upstream (hub.ts) retries instead.
// Every way the attempt can end is reported once, as completed, rejected or dropped; a connection that
// goes silent (a ping without pong) counts as dropped.
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';

const KEEP_ALIVE_MS = 12_000;
const PONG_TIMEOUT_MS = 6_000;
const ACK_TIMEOUT_MS = 10_000;

export interface UpstreamRequest {
  /** The subgraph's HTTP URL (…/graphql). */
  url: string;
  query: string;
  operationName?: string;
  variables: Record<string, unknown>;
  connectionParams?: Record<string, unknown>;
}

export type UpstreamEnd =
  /** The subgraph completed the stream. */
  | { kind: 'completed' }
  /** The subgraph refused the operation (validation, a bad cursor…): retrying would not help. */
  | { kind: 'rejected'; errors: GraphQLFormattedError[] }
  /** The connection failed or closed under the subscription; `retryable` unless the close code says otherwise. */
  | { kind: 'dropped'; reason: string; retryable: boolean };

export interface UpstreamHandlers {
  /** The subgraph acknowledged the connection. */
  connected(): void;
  next(result: FormattedExecutionResult<Record<string, unknown>>): void;
  ended(end: UpstreamEnd): void;
}

export function webSocketUrl(httpUrl: string): string {
  return httpUrl.replace(/^http(s?):\/\//i, (_match, secure: string) => `ws${secure}://`);
}

/** Opens the subscription; the returned function closes it (and its connection) without reporting. */
export function openUpstream(request: UpstreamRequest, handlers: UpstreamHandlers): () => void {
  let closedBy: unknown;
  let ended = false;
  const end = (outcome: UpstreamEnd) => {
    if (ended) return;
    ended = true;
    handlers.ended(outcome);
  };
  // a connection that went silent (peer vanished without a close) is found by an unanswered ping
  let pongTimer: NodeJS.Timeout | undefined;
  const client: Client = createClient({
    url: webSocketUrl(request.url),
    webSocketImpl: WebSocket,
    connectionParams: request.connectionParams,
    lazy: true,
    retryAttempts: 0,
    keepAlive: KEEP_ALIVE_MS,
    // a handshake that never completes (a subgraph going down mid-upgrade) fails and is retried
    connectionAckWaitTimeout: ACK_TIMEOUT_MS,
    on: {
      connected: () => {
        if (!ended) handlers.connected();
      },
      ping: (received) => {
        if (received) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => client.terminate(), PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
      // recorded first (these listeners run before the library's own), so that the `complete` the
      // library reports after a lost connection is not taken for the subgraph ending the stream
      error: (error) => {
        closedBy ??= error;
        dispose(client);
      },
      closed: (event) => {
        clearTimeout(pongTimer);
        closedBy ??= event;
        dispose(client);
      },
    },
  });
  const unsubscribe = client.subscribe<Record<string, unknown>, Record<string, unknown>>(
    { query: request.query, operationName: request.operationName, variables: request.variables },
    {
      next: (result) => {
        if (!ended) handlers.next(result);
      },
      error: (error) => {
        if (Array.isArray(error)) end({ kind: 'rejected', errors: error as GraphQLFormattedError[] });
        else end(dropped(error));
      },
      complete: () => {
        end(closedBy === undefined ? { kind: 'completed' } : dropped(closedBy));
      },
    },
  );
  return () => {
    ended = true;
    clearTimeout(pongTimer);
    unsubscribe();
    dispose(client);
  };
}

function dispose(client: Client): void {
  Promise.resolve(client.dispose()).catch(() => undefined);
}

function dropped(cause: unknown): UpstreamEnd {
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'number') {
    const code = cause.code;
    const reason = 'reason' in cause && cause.reason ? `: ${String(cause.reason)}` : '';
    return { kind: 'dropped', reason: `connection closed (${code}${reason})`, retryable: retryableClose(code) };
  }
  // an Error, or the ErrorEvent `ws` emits when the connection cannot be made (ECONNREFUSED…)
  const message =
    cause && typeof cause === 'object' && 'message' in cause && cause.message ? String(cause.message) : String(cause);
  return { kind: 'dropped', reason: `connection failed (${message})`, retryable: true };
}

/**
 * Going away, abnormal closure, restarts, server errors and the graphql-ws timeouts are worth
 * retrying; protocol violations and refusals (4400 bad request, 4401/4403, 4406, 4409…) are not.
 */
function retryableClose(code: number): boolean {
  if (code >= 4000 && code < 5000) return code === 4408 || code === 4499 || code === 4504;
  return [1000, 1001, 1005, 1006, 1011, 1012, 1013, 1014].includes(code);
}
