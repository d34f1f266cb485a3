// Existence checks for the other subgraphs' entities a mutation is about to store, asked of their
// owners in parallel; the first failure in the caller's order wins, so the error is deterministic.
import type { ReferenceChecker } from '@cmgraph/platform';

export type ReferenceCheck = [typename: string, refs: { id: string; field: string }[]];

export async function requireReferences(references: ReferenceChecker, checks: ReferenceCheck[]): Promise<void> {
  const results = await Promise.allSettled(checks.map(([typename, refs]) => references.requireExisting(typename, refs)));
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}
