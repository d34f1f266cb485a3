// A real graphql-ws client for tests: subscribe to a gateway or a subgraph and take events one by one,
// with a deadline instead of a hang when an expected event never comes. By default the connection
// presents an ADMIN caller both ways: a bearer token (for a gateway) and a signed identity (for a
// subgraph), made at each connection attempt; `caller` picks another identity, `connectionParams`
// replaces them with raw values.
import { print, type DocumentNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { Identity } from '@cmgraph/platform';
import type { GraphqlResponse } from './client';
import { ADMIN, identityHeader, identityOf, tokenFor, type CallerSpec } from './auth';

export interface TestSubscription<T> {
  /** The next message (data and/or errors); rejects after `timeoutMs` without one. */
  next(timeoutMs?: number): Promise<GraphqlResponse<T>>;
  /** The next `count` messages. */
  take(count: number, timeoutMs?: number): Promise<GraphqlResponse<T>[]>;
  /** Messages already received and not taken yet. */
  buffered(): number;
  /** Resolves when the server completed the subscription (or the socket failed for good). */
  ended: Promise<void>;
  close(): void;
}

export interface TestSubscriber {
  subscribe<T = any>(document: DocumentNode | string, variables?: Record<string, unknown>): TestSubscription<T>;
  /** Closes the socket (as a client that goes away). */
  dispose(): Promise<void>;
}

/** `url` is the HTTP GraphQL URL; the socket goes to the same path over ws://. */
export function subscriber(
  url: string,
  options: { connectionParams?: Record<string, unknown>; caller?: Identity | CallerSpec; retryAttempts?: number } = {},
): TestSubscriber {
  const caller = identityOf(options.caller ?? ADMIN);
  const client: Client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams:
      options.connectionParams ??
      (async () => ({ authorization: `Bearer ${await tokenFor(caller)}`, identity: identityHeader(caller) })),
    retryAttempts: options.retryAttempts ?? 0,
    lazy: true,
  });
  return {
    subscribe<T>(document: DocumentNode | string, variables?: Record<string, unknown>): TestSubscription<T> {
      const queue: GraphqlResponse<T>[] = [];
      const waiters: ((message: GraphqlResponse<T>) => void)[] = [];
      let end!: () => void;
      const ended = new Promise<void>((resolve) => (end = resolve));
      const push = (message: GraphqlResponse<T>) => {
        const waiter = waiters.shift();
        if (waiter) waiter(message);
        else queue.push(message);
      };
      const unsubscribe = client.subscribe<T>(
        { query: typeof document === 'string' ? document : print(document), variables },
        {
          next: (message) => push(message as GraphqlResponse<T>),
          error: (error) => {
            const errors = Array.isArray(error) ? error : [{ message: error instanceof Error ? error.message : String((error as { reason?: string }).reason ?? error) }];
            push({ errors } as GraphqlResponse<T>);
            end();
          },
          complete: () => end(),
        },
      );
      const next = (timeoutMs = 15_000) =>
        new Promise<GraphqlResponse<T>>((resolve, reject) => {
          const ready = queue.shift();
          if (ready) return resolve(ready);
          const timer = setTimeout(() => {
            waiters.splice(waiters.indexOf(deliver), 1);
            reject(new Error(`no subscription message within ${timeoutMs} ms`));
          }, timeoutMs);
          const deliver = (message: GraphqlResponse<T>) => {
            clearTimeout(timer);
            resolve(message);
          };
          waiters.push(deliver);
        });
      return {
        next,
        async take(count, timeoutMs) {
          const out: GraphqlResponse<T>[] = [];
          while (out.length < count) out.push(await next(timeoutMs));
          return out;
        },
        buffered: () => queue.length,
        ended,
        close: unsubscribe,
      };
    },
    dispose: async () => {
      await client.dispose();
    },
  };
}
