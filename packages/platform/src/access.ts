// Authorization, in one place for every subgraph.
//
// Roles on operations and fields: type-graphql's `@Authorized(...roles)` with the checker below — a caller
// holding none of the roles (ADMIN holds all) gets a FORBIDDEN error. Every mutation must name its roles
// (the schema refuses to build otherwise), so ANALYST stays read-only by construction.
//
// Rows for partners: an entity class marked `@PartnerScoped(condition)` is filtered, for a PARTNER caller,
// by a MikroORM filter registered on that request's EntityManager — every `find`, `findOne`, `count`,
// DataLoader and relation load of the request (and of its transactions, which fork from it) sees only the
// partner's rows. Raw SQL does not go through filters: such queries take `partnerScope(ctx.identity)`
// themselves. Entity references (`_entities`) a partner may not see resolve to null with FORBIDDEN.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { getMetadataStorage, type AuthChecker, type NonEmptyArray } from 'type-graphql';
import { AppError } from './errors';
import { hasRole, partnerScope, type Identity, type Role } from './identity';
import type { RequestContext } from './context';

/** type-graphql's auth checker: the caller must hold one of the roles (ADMIN holds all). */
export const roleChecker: AuthChecker<RequestContext> = ({ context, info }, roles) => {
  if (hasRole(context.identity, ...(roles as Role[]))) return true;
  throw forbidden(`${info.parentType.name}.${info.fieldName} needs one of the roles ${['ADMIN', ...roles].join(', ')}`);
};

export function forbidden(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('FORBIDDEN', message, details);
}

/** Throws FORBIDDEN unless the caller holds one of `roles` (for decisions inside a resolver). */
export function requireRole(identity: Identity, roles: Role[], what: string): void {
  if (!hasRole(identity, ...roles)) throw forbidden(`${what} needs one of the roles ${['ADMIN', ...roles].join(', ')}`);
}

/**
 * A write naming a supplier (or a row of one) is refused for a partner acting for another supplier:
 * FORBIDDEN naming `field`. Non-partners pass.
 */
export function requireOwnSupplier(identity: Identity, supplierId: string | null | undefined, field: string): void {
  const scope = partnerScope(identity);
  if (scope !== null && supplierId !== scope) {
    throw forbidden(`${field}: a partner may only act for its own supplier`, { field });
  }
}

/** Refuses to build a schema in which a mutation names no roles: every write has an explicit rule. */
export function requireMutationRoles(resolvers: NonEmptyArray<Function>): void {
  const storage = getMetadataStorage();
  const ours = new Set<Function>(resolvers);
  for (const mutation of storage.mutations) {
    if (!ours.has(mutation.target)) continue;
    const rule = storage.authorizedFields.find((a) => a.target === mutation.target && a.fieldName === mutation.methodName);
    if (!rule?.roles.length) {
      throw new Error(`mutation ${mutation.schemaName} has no @Authorized(...roles): every mutation must name who may run it`);
    }
    if (rule.roles.includes('ANALYST')) throw new Error(`mutation ${mutation.schemaName}: ANALYST is read-only`);
  }
}

/** The MikroORM filter that carries the partner scope. */
export const PARTNER_FILTER = 'partner';
/**
 * `filters: WITHOUT_PARTNER_SCOPE` reads past the partner scope — for integrity checks inside a write (is
 * this number taken? is a non-conformance already open on this lot?) whose answer never reaches the
 * caller, and on a many-to-one whose target a partner may not see although it may see the row: MikroORM
 * applies filters to joined references too (`autoJoinRefsForFilters`), so a required reference to a
 * hidden row would drop the referring row and an optional one would read as null.
 */
export const WITHOUT_PARTNER_SCOPE = { [PARTNER_FILTER]: false } as const;

type Condition = (supplierId: string) => FilterQuery<any>;
// Keyed by class: subgraphs running in one process (tests) may have entity classes of the same name.
const scopes = new Map<Function, Condition>();

/**
 * Marks an entity as partner-scoped: `condition(supplierId)` selects the rows a PARTNER of that supplier
 * may see — by default `{ supplierId }`; through a relation e.g. `(s) => ({ purchaseOrder: { supplierId: s } })`.
 */
export function PartnerScoped(condition: Condition = (supplierId) => ({ supplierId })): ClassDecorator {
  return (target) => {
    scopes.set(target, condition);
  };
}

/** Marks an entity partners never see (brand-internal data with no supplier of its own). */
export function PartnerHidden(): ClassDecorator {
  return PartnerScoped(() => ({ id: { $in: [] } }));
}

/** The names of the entity classes partners see through a condition (for tests and documentation). */
export function partnerScopedEntities(em: EntityManager): string[] {
  return scopedIn(em).map(([name]) => name).sort();
}

/** The scoped entities of this EntityManager's own metadata, by class name. */
function scopedIn(em: EntityManager): [string, Condition][] {
  return [...em.getMetadata().getAll().values()].flatMap((meta) => {
    const condition = scopes.get(meta.class);
    return condition ? [[meta.className, condition] as [string, Condition]] : [];
  });
}

/** Applies the caller's row scope to a request's EntityManager (nothing to do for non-partners). */
export function scopeEntityManager(em: EntityManager, identity: Identity): EntityManager {
  const supplierId = partnerScope(identity);
  if (supplierId === null) return em;
  // kept as filter params too: they travel into forks (transactions), and raw-SQL loaders read them
  em.setFilterParams(PARTNER_FILTER, { supplierId });
  const conditions = new Map(scopedIn(em));
  if (!conditions.size) return em;
  em.addFilter({
    name: PARTNER_FILTER,
    entity: [...conditions.keys()],
    default: true,
    args: false,
    cond: (_args: unknown, _type: unknown, _em: unknown, _options: unknown, entityName?: string) => {
      const condition = entityName ? conditions.get(entityName) : undefined;
      if (!condition) throw new Error(`no partner scope for ${entityName ?? 'an unnamed entity'}`);
      return condition(supplierId);
    },
  } as never);
  return em;
}

/**
 * The partner scope an EntityManager was opened with (null: unscoped) — for raw SQL, which filters do
 * not reach: `and supplier_id = ?` when this is not null. Works on forks and transactions of it.
 */
export function partnerScopeOf(em: EntityManager): string | null {
  const params = em.getFilterParams<{ supplierId?: string }>(PARTNER_FILTER);
  return params?.supplierId ?? null;
}

/**
 * Wraps an entity's `__resolveReference` for partners: a reference the partner may not see (the row is
 * filtered away, or it is another supplier — a Supplier's `id`, or the `supplierId` of an entity keyed by
 * its supplier) resolves to null with FORBIDDEN — never to the row, and the
 * same answer whether or not the row exists.
 */
export function scopedReference<C extends RequestContext>(
  typename: string,
  resolve: (reference: Record<string, unknown>, context: C) => unknown,
): (reference: Record<string, unknown>, context: C) => Promise<unknown> {
  return async (reference, context) => {
    const scope = partnerScope(context.identity);
    if (scope === null) return resolve(reference, context);
    const outside = () => forbidden(`${typename} ${String(reference.id ?? '')} is outside the caller's scope`, { type: typename });
    // a Supplier is its id; an entity keyed by its supplier (e.g. a scorecard) names it as supplierId
    const supplierId = typename === 'Supplier' ? reference.id : reference.supplierId;
    if (supplierId !== undefined && supplierId !== scope) throw outside();
    const row = await resolve(reference, context);
    if (row === null || row === undefined) throw outside();
    return row;
  };
}
