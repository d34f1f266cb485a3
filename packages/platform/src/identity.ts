// Who is calling: the gateway verifies the user's JWT, then forwards the identity to subgraphs in one
// header, `x-cmgraph-identity: <payload>.<signature>` — the payload is base64url JSON, the signature an
// HMAC-SHA256 over it with the secret only the gateway and the subgraphs share (IDENTITY_SECRET). A
// subgraph trusts nothing else: no header, a bad signature or a stale one (older than the validity
// window) and the request is refused. Roles and the partner's supplier travel with it.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const ROLES = ['ADMIN', 'PLANNER', 'BUYER', 'QUALITY', 'SUSTAINABILITY', 'ANALYST', 'PARTNER'] as const;
export type Role = (typeof ROLES)[number];

export interface Identity {
  /** The user (the JWT's `sub`), or `service:<name>` for a subgraph calling another on its own behalf. */
  subject: string;
  roles: Role[];
  /** For PARTNER: the supplier (CM) whose rows this caller may see; null otherwise. */
  supplierId: string | null;
  /** Where the request came from, as the gateway saw it (the client's address), for access logs. */
  address?: string;
}

export const IDENTITY_HEADER = 'x-cmgraph-identity';
/** How long a signed identity stays valid: enough for one request's fan-out, too short to replay later. */
export const IDENTITY_VALIDITY_MS = 60_000;

interface Signed extends Identity {
  /** Signed at (epoch ms). */
  at: number;
}

export function identitySecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.IDENTITY_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error('IDENTITY_SECRET must be set to at least 32 characters (npm start and the tests generate one)');
  }
  return secret;
}

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

export function signIdentity(identity: Identity, secret: string, at = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...identity, at } satisfies Signed)).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

export type IdentityFailure = 'missing' | 'malformed' | 'bad-signature' | 'expired';

/** The identity a header carries, or why it cannot be trusted. */
export function verifyIdentity(
  header: string | undefined | null,
  secret: string,
  now = Date.now(),
): { identity: Identity } | { failure: IdentityFailure } {
  if (!header) return { failure: 'missing' };
  const [payload, signature, extra] = header.split('.');
  if (!payload || !signature || extra !== undefined) return { failure: 'malformed' };
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { failure: 'bad-signature' };
  let signed: Signed;
  try {
    signed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Signed;
  } catch {
    return { failure: 'malformed' };
  }
  if (typeof signed.at !== 'number' || typeof signed.subject !== 'string' || !Array.isArray(signed.roles)) return { failure: 'malformed' };
  if (Math.abs(now - signed.at) > IDENTITY_VALIDITY_MS) return { failure: 'expired' };
  const roles = signed.roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
  const address = typeof signed.address === 'string' ? signed.address : undefined;
  return { identity: { subject: signed.subject, roles, supplierId: signed.supplierId ?? null, ...(address ? { address } : {}) } };
}

export function hasRole(identity: Identity, ...roles: Role[]): boolean {
  return identity.roles.some((role) => role === 'ADMIN' || roles.includes(role));
}

/** The supplier a PARTNER is confined to; null for every other caller (who sees all suppliers). */
export function partnerScope(identity: Identity): string | null {
  return identity.roles.includes('PARTNER') && !identity.roles.includes('ADMIN') ? identity.supplierId ?? '00000000-0000-0000-0000-000000000000' : null;
}
