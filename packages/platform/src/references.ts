// Checking that another subgraph's entity exists, through federation's own entity resolution
// (`_entities` on the owning subgraph), never through its tables. Used by mutations that store a
// reference (a PO line's product, a shipment's ship-to location) so unknown ids are refused up front.
// The peer is called on behalf of the CALLER: the request context holds a checker bound to the caller's
// identity (`forCaller`), signed into the identity header, so the owner's row scoping applies to it too.
import { AppError } from './errors';
import { requireId } from './lookup';
import { IDENTITY_HEADER, identitySecret, signIdentity, type Identity } from './identity';

export interface ReferenceChecker {
  /** Throws BAD_USER_INPUT for a malformed id and NOT_FOUND for one the owner does not resolve, naming `field`. */
  requireExisting(typename: string, ids: { id: string; field: string }[]): Promise<void>;
  /**
   * Like `requireExisting`, and returns what the owner says of each entity for `selection` (fields of
   * `typename`, e.g. `supplier { id }`), in the order given: for facts a write must record, such as the
   * supplier a facility belongs to.
   */
  fetchExisting<T>(typename: string, ids: { id: string; field: string }[], selection: string): Promise<T[]>;
  /** The same checks, made on behalf of `identity` (what a request context holds). */
  forCaller(identity: Identity): ReferenceChecker;
}

/** typename → owning subgraph name, and subgraph name → URL (filled once every peer listens). */
export interface ReferenceOwners {
  owners: Record<string, string>;
  urls: Record<string, string>;
}

/**
 * A checker for the subgraphs in `config`. Unbound, it calls as `service` (a subgraph's own work, no
 * user behind it); request contexts use `forCaller(identity)`. The secret is read when a call is made.
 */
export function referenceChecker(
  config: ReferenceOwners,
  headers: Record<string, string> = {},
  caller: Identity = { subject: 'service:references', roles: ['ADMIN'], supplierId: null },
  secret: () => string = () => identitySecret(),
): ReferenceChecker {
  async function fetchExisting<T>(typename: string, refs: { id: string; field: string }[], selection: string): Promise<T[]> {
    if (!refs.length) return [];
    for (const ref of refs) requireId(ref.id, ref.field);
    const owner = config.owners[typename];
    const url = owner ? config.urls[owner] : undefined;
    if (!url) throw new Error(`no subgraph URL known for ${typename} (owner ${owner ?? 'unset'})`);
    const unique = [...new Set(refs.map((r) => r.id))];
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers, [IDENTITY_HEADER]: signIdentity(caller, secret()) },
      body: JSON.stringify({
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { id ${selection} } } }`,
        variables: { r: unique.map((id) => ({ __typename: typename, id })) },
      }),
    });
    const body = (await response.json()) as { data?: { _entities: ({ id: string } | null)[] }; errors?: unknown[] };
    if (!body.data) throw new Error(`reference check on ${owner} failed: ${JSON.stringify(body.errors)}`);
    const found = new Map(body.data._entities.filter(Boolean).map((e) => [e!.id, e as T]));
    const missing = refs.find((r) => !found.has(r.id));
    if (missing) throw AppError.notFound(typename, missing.id, missing.field);
    return refs.map((r) => found.get(r.id)!);
  }
  return {
    fetchExisting,
    async requireExisting(typename, refs) {
      await fetchExisting(typename, refs, '');
    },
    forCaller: (identity) => referenceChecker(config, headers, identity, secret),
  };
}
