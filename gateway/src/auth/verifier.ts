// Verifies a bearer token and returns the caller's identity. HS256 with the shared secret, or the
// identity provider's JWKS (fetched on demand, cached, refetched when a token names an unknown key id:
// key rotation works without a restart). Algorithms are pinned per mode (no `none`, no HS token
// verified with an RSA public key), and expiry, not-before, issuer and audience are enforced.
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Identity } from '@cmgraph/platform/src/lean';
import { JWKS_ALGORITHMS, SECRET_ALGORITHMS, checkAuthConfig, type AuthConfig } from './config';
import { identityFromClaims } from './claims';
import { AuthError } from './errors';

export interface TokenVerifier {
  /** The identity behind an `Authorization` value (`Bearer <jwt>`); throws AuthError otherwise. */
  verify(authorization: string | undefined | null): Promise<Identity>;
}

export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  checkAuthConfig(config);
  const options: JWTVerifyOptions = {
    issuer: config.issuer,
    audience: config.audience,
    clockTolerance: config.clockToleranceSeconds ?? 5,
    requiredClaims: ['exp'],
  };
  let verifyJwt: (token: string) => ReturnType<typeof jwtVerify>;
  if (config.mode === 'secret') {
    const key = new TextEncoder().encode(config.secret);
    const algorithms = [...SECRET_ALGORITHMS];
    verifyJwt = (token) => jwtVerify(token, key, { ...options, algorithms });
  } else {
    const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(config.jwksUrl), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 });
    const algorithms = config.algorithms?.length ? config.algorithms : [...JWKS_ALGORITHMS];
    verifyJwt = (token) => jwtVerify(token, keys, { ...options, algorithms });
  }
  const verified = new VerifiedTokens(options.clockTolerance as number);
  return {
    async verify(authorization) {
      const token = bearerToken(authorization);
      const known = verified.get(token);
      if (known) return known;
      try {
        const { payload } = await verifyJwt(token);
        const identity = identityFromClaims(payload);
        verified.set(token, identity, payload.exp!, payload.nbf);
        return identity;
      } catch (error) {
        throw asAuthError(error);
      }
    },
  };
}

/**
 * Tokens verified in the last minute, by their exact text: a client sends the same token with every request,
 * and jose's verification (WebCrypto, a job per call) was a seventh of the gateway's CPU under load. A hit is
 * still checked against the clock (`exp`, `nbf`, with the same tolerance); anything else about the token was
 * settled by the signature over this very text. Kept at most a minute, so that a key the identity provider
 * withdraws stops being honoured within a minute as well.
 */
class VerifiedTokens {
  private readonly entries = new LRUCache<string, { identity: Identity; notBefore: number; expires: number }>({ max: 10_000, ttl: 60_000 });

  constructor(private readonly toleranceSeconds: number) {}

  get(token: string): Identity | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    const now = Date.now() / 1000;
    if (now < entry.notBefore - this.toleranceSeconds || now >= entry.expires + this.toleranceSeconds) {
      this.entries.delete(token);
      return undefined; // verified afresh, which says what is wrong with it
    }
    return entry.identity;
  }

  set(token: string, identity: Identity, expires: number, notBefore: number | undefined): void {
    this.entries.set(token, { identity, expires, notBefore: notBefore ?? -Infinity });
  }
}

function bearerToken(authorization: string | undefined | null): string {
  if (!authorization) throw new AuthError('Authentication required: send Authorization: Bearer <token>.');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw new AuthError('The Authorization header must be "Bearer <token>".');
  return match[1]!;
}

function asAuthError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof joseErrors.JWTExpired) return new AuthError('The token has expired.');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return new AuthError('The token is not valid yet.');
    if (error.claim === 'iss') return new AuthError('The token was issued by an unexpected issuer.');
    if (error.claim === 'aud') return new AuthError('The token is meant for another audience.');
    return new AuthError(`The token's ${error.claim} claim is not acceptable.`);
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return new AuthError('The token\'s algorithm is not accepted.');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return new AuthError('The token\'s signature is invalid.');
  if (error instanceof joseErrors.JWKSNoMatchingKey) return new AuthError('The token was signed with an unknown key.');
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid) {
    return new AuthError('The token could not be checked against the identity provider\'s keys.');
  }
  return new AuthError('The token is invalid.');
}
