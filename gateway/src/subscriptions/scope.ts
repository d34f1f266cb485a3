// The identity scope of a subscription: two subscriptions share one upstream only when their scopes
// are equal, because the owning subgraph filters events by the subscriber's identity. For now the scope
// is the client's `authorization` (connection param, else the upgrade request's header); the access
// work replaces both functions with the verified identity and the signed header the subgraphs expect.
import type { IncomingMessage } from 'node:http';

export interface ScopeSource {
  connectionParams?: Readonly<Record<string, unknown>>;
  request?: IncomingMessage;
}

export function subscriptionScope({ connectionParams, request }: ScopeSource): string {
  const param = connectionParams?.authorization ?? connectionParams?.Authorization;
  if (typeof param === 'string') return param;
  const header = request?.headers.authorization;
  return typeof header === 'string' ? header : '';
}

/** What the gateway presents to the owning subgraph when it opens an upstream for `scope`. */
export function upstreamConnectionParams(scope: string): Record<string, unknown> | undefined {
  return scope ? { authorization: scope } : undefined;
}
