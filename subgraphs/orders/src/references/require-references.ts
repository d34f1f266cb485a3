// Existence checks for the other subgraphs' entities a mutation is about to store, asked of their
// owners in parallel; the first failure in the caller's order wins, so the error is deterministic.
// A check may name fields to read back (e.g. a facility's `supplier { id }`); results come in order.
import type { ReferenceChecker } from '@cmgraph/platform';

export type ReferenceCheck = [typename: string, refs: { id: string; field: string }[], selection?: string];

export async function requireReferences(references: ReferenceChecker, checks: ReferenceCheck[]): Promise<unknown[][]> {
  const results = await Promise.allSettled(
    checks.map(([typename, refs, selection]) => references.fetchExisting<unknown>(typename, refs, selection ?? '')),
  );
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown[]>).value);
}
