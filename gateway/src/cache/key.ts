// What a cached answer is filed under. The subgraphs decide what a caller sees from its roles (field
// rules) and, for a PARTNER, its supplier (row scoping); nothing else of the identity changes an answer
// (the subject and the client address only enter the data-room access log, and those reads are never
// cached: side-effects.ts). So answers are shared by callers of the same roles and supplier, and never
// between two such scopes.
import { createHash } from 'node:crypto';
import type { Identity } from '@cmgraph/platform/src/lean';

/** The part of an identity an answer depends on: its sorted roles and its supplier. */
export function answerScope(identity: Identity): string {
  return JSON.stringify([[...identity.roles].sort(), identity.supplierId ?? null]);
}

/** The cache key of one operation: document hash, operation name, variables, scope. */
export function answerKey(queryHash: string, operationName: string | null | undefined, variables: unknown, scope: string): string {
  // variables are hashed: a large input should not be held twice per entry, nor compared in full
  const variablesHash = createHash('sha256').update(JSON.stringify(variables ?? {})).digest('base64url');
  return `${queryHash}\u0000${operationName ?? ''}\u0000${variablesHash}\u0000${scope}`;
}
