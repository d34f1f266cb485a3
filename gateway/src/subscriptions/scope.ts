// The identity scope of a subscription: two subscriptions share one upstream only when their scopes
// are equal, because the owning subgraph filters events by the subscriber's identity. The scope is the
// verified identity (subject, roles, supplier), never the raw token: two tokens of the same user share,
// two users never do. Upstream, the scope becomes a freshly signed identity in `connectionParams`.
import type { IncomingMessage } from 'node:http';
import { identitySecret, signIdentity, type Identity, type Role } from '@cmgraph/platform/src/lean';

export interface ScopeSource {
  connectionParams?: Readonly<Record<string, unknown>>;
  request?: IncomingMessage;
  /** The identity the gateway verified for the connection. */
  identity?: Identity;
}

/** The scope of a subscriber: its identity in a canonical form ('' without one: the subgraph will refuse it). */
export function subscriptionScope({ identity }: ScopeSource): string {
  return identity ? identityScope(identity) : '';
}

export function identityScope(identity: Identity): string {
  return JSON.stringify([identity.subject, [...identity.roles].sort(), identity.supplierId ?? null]);
}

/** The identity a scope stands for (null for the empty scope). */
export function scopeIdentity(scope: string): Identity | null {
  if (!scope) return null;
  const [subject, roles, supplierId] = JSON.parse(scope) as [string, Role[], string | null];
  return { subject, roles, supplierId };
}

/** What the gateway presents to the owning subgraph when it opens (or reopens) an upstream for `scope`. */
export function upstreamConnectionParams(scope: string): Record<string, unknown> | undefined {
  const identity = scopeIdentity(scope);
  // signed now, at each connection attempt: the signature is only valid for a short while
  return identity ? { identity: signIdentity(identity, identitySecret()) } : undefined;
}
