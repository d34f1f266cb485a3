// From a verified token's claims to the identity the subgraphs receive: `sub` (the user), `roles`
// (a non-empty array of known roles) and, for a PARTNER, `supplier_id` (the CM it speaks for).
// Anything else about the token is not trusted to mean anything.
import { ROLES, type Identity, type Role } from '@cmgraph/platform/src/lean';
import type { JWTPayload } from 'jose';
import { AuthError } from './errors';

export function identityFromClaims(claims: JWTPayload): Identity {
  if (typeof claims.sub !== 'string' || !claims.sub) throw new AuthError('The token has no subject (sub).');
  const roles = claims.roles;
  if (!Array.isArray(roles) || !roles.length) throw new AuthError('The token carries no roles.');
  const unknown = roles.filter((role) => !(ROLES as readonly unknown[]).includes(role));
  if (unknown.length) throw new AuthError(`The token carries unknown roles: ${unknown.map(String).join(', ')}.`);
  const supplierId = claims.supplier_id;
  if (supplierId !== undefined && supplierId !== null && (typeof supplierId !== 'string' || !supplierId)) {
    throw new AuthError('The token\'s supplier_id must be a string.');
  }
  if (roles.includes('PARTNER') && !supplierId) throw new AuthError('A PARTNER token must carry supplier_id.');
  return { subject: claims.sub, roles: [...new Set(roles as Role[])], supplierId: (supplierId as string | undefined) ?? null };
}
