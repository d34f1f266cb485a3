// Inventory's access rules beyond the row scopes declared on its entities (@PartnerScoped/@PartnerHidden):
// the roles that may read brand-internal fields, a FORBIDDEN answer for a related row a partner may not
// see, and a guard for brand-only paths whose raw SQL reads stock unscoped.
import type { EntityManager } from '@mikro-orm/postgresql';
import { WITHOUT_PARTNER_SCOPE, forbidden, partnerScope, partnerScopeOf, type Identity, type Role } from '@cmgraph/platform';

/** Every role but PARTNER (ADMIN holds all): for fields that aggregate the brand's own stock. */
export const BRAND_ROLES: Role[] = ['PLANNER', 'BUYER', 'QUALITY', 'SUSTAINABILITY', 'ANALYST'];

/**
 * Refuses a partner-scoped EntityManager on a path that reads or writes stock levels by raw SQL (the
 * ledger, receipt booking): filters do not reach that SQL, so it must only ever run for brand callers
 * and reactions. No partner mutation reaches these paths today; this keeps it so.
 */
export function requireBrandScope(em: EntityManager, what: string): void {
  if (partnerScopeOf(em) !== null) throw forbidden(`${what} is brand-internal`);
}

/**
 * The row a visible row points at, loaded through the request's scoped loaders. For a partner, a row it
 * may not see (e.g. a location at another CM's plant) is FORBIDDEN rather than a silent null, so that it
 * cannot be mistaken for "no location".
 */
export async function relatedOrForbidden<T>(identity: Identity, row: Promise<T | null>, typename: string, id: string): Promise<T | null> {
  const found = await row;
  if (found === null && partnerScope(identity) !== null) {
    throw forbidden(`${typename} ${id} is outside the caller's scope`, { type: typename });
  }
  return found;
}

/**
 * For a many-to-one whose target a partner may not see although it may see the row (its receipt at
 * another CM's plant, its lot's movement into one): MikroORM joins filtered references by default, which
 * would drop the row (required relation) or silently null the reference (optional one). With the
 * partner filter off for that join the row keeps its reference, and the field resolver answers it with
 * FORBIDDEN (`relatedOrForbidden`). Loading the target itself still goes through the scoped loaders.
 */
export const REFERENCE_KEPT_FOR_PARTNERS = WITHOUT_PARTNER_SCOPE;
