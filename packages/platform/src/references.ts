// Checking that another subgraph's entity exists, through federation's own entity resolution
// (`_entities` on the owning subgraph), never through its tables. Used by mutations that store a
// reference (a PO line's product, a shipment's ship-to location) so unknown ids are refused up front.
import { AppError } from './errors';
import { requireId } from './lookup';

export interface ReferenceChecker {
  /** Throws BAD_USER_INPUT for a malformed id and NOT_FOUND for one the owner does not resolve, naming `field`. */
  requireExisting(typename: string, ids: { id: string; field: string }[]): Promise<void>;
}

/** typename → owning subgraph name, and subgraph name → URL (filled once every peer listens). */
export interface ReferenceOwners {
  owners: Record<string, string>;
  urls: Record<string, string>;
}

export function referenceChecker(config: ReferenceOwners, headers: Record<string, string> = {}): ReferenceChecker {
  return {
    async requireExisting(typename, refs) {
      if (!refs.length) return;
      for (const ref of refs) requireId(ref.id, ref.field);
      const owner = config.owners[typename];
      const url = owner ? config.urls[owner] : undefined;
      if (!url) throw new Error(`no subgraph URL known for ${typename} (owner ${owner ?? 'unset'})`);
      const unique = [...new Set(refs.map((r) => r.id))];
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { id } } }`,
          variables: { r: unique.map((id) => ({ __typename: typename, id })) },
        }),
      });
      const body = (await response.json()) as { data?: { _entities: ({ id: string } | null)[] }; errors?: unknown[] };
      if (!body.data) throw new Error(`reference check on ${owner} failed: ${JSON.stringify(body.errors)}`);
      const found = new Set(body.data._entities.filter(Boolean).map((e) => e!.id));
      const missing = refs.find((r) => !found.has(r.id));
      if (missing) throw AppError.notFound(typename, missing.id, missing.field);
    },
  };
}
