// Identities for tests: JWTs the gateway accepts (HS256 with JWT_SECRET, issuer/audience from the
// environment when set), with variants it must refuse (expired, not yet valid, wrong issuer or
// audience, another secret), and signed identity headers for calling a subgraph directly.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { identitySecret, signIdentity, type Identity, type Role } from '@cmgraph/platform';

export const ADMIN: Identity = { subject: 'test-admin', roles: ['ADMIN'], supplierId: null };

/** A caller as tests describe one: `stack.as({ roles: ['PARTNER'], supplierId })`. */
export interface CallerSpec {
  roles: Role[];
  supplierId?: string | null;
  sub?: string;
}

export function identityOf(spec: CallerSpec | Identity): Identity {
  if ('subject' in spec) return spec;
  return { subject: spec.sub ?? `test-${spec.roles.join('-').toLowerCase()}`, roles: spec.roles, supplierId: spec.supplierId ?? null };
}

export interface TokenOptions {
  /** Lifetime from now (default 1 hour). */
  ttlSeconds?: number;
  /** Already expired (exp an hour ago). */
  expired?: boolean;
  /** Not valid before an hour from now. */
  notYetValid?: boolean;
  /** `iss` (default JWT_ISSUER when set; null: none). */
  issuer?: string | null;
  /** `aud` (default JWT_AUDIENCE when set; null: none). */
  audience?: string | null;
  /** HMAC secret (default JWT_SECRET): another one makes a forged token. */
  secret?: string | Uint8Array;
  /** Extra or replacing claims. */
  claims?: Record<string, unknown>;
}

/** A JWT for `identity` (default ADMIN) that the gateway accepts, unless options make it invalid. */
export async function tokenFor(identity: Identity | CallerSpec = ADMIN, options: TokenOptions = {}): Promise<string> {
  const who = identityOf(identity);
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { roles: who.roles, ...(who.supplierId ? { supplier_id: who.supplierId } : {}), ...options.claims };
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(who.subject).setJti(randomBytes(8).toString('hex'));
  if (options.expired) jwt.setIssuedAt(now - 7200).setExpirationTime(now - 3600);
  else jwt.setIssuedAt(now).setExpirationTime(now + (options.ttlSeconds ?? 3600));
  if (options.notYetValid) jwt.setNotBefore(now + 3600);
  const issuer = options.issuer === undefined ? process.env.JWT_ISSUER : options.issuer;
  const audience = options.audience === undefined ? process.env.JWT_AUDIENCE : options.audience;
  if (issuer) jwt.setIssuer(issuer);
  if (audience) jwt.setAudience(audience);
  const secret = options.secret ?? process.env.JWT_SECRET;
  if (!secret) throw new Error('JWT_SECRET is not set (the testkit setup sets one)');
  return jwt.sign(typeof secret === 'string' ? new TextEncoder().encode(secret) : secret);
}

/** An `x-cmgraph-identity` value for `identity` (default ADMIN), signed at `at` (default now). */
export function identityHeader(identity: Identity | CallerSpec = ADMIN, at = Date.now(), secret = identitySecret()): string {
  return signIdentity(identityOf(identity), secret, at);
}
