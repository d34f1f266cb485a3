// How the gateway authenticates callers, read once from the environment: a shared HS256 secret
// (JWT_SECRET, development and tests) or a JWKS URL (JWKS_URL, production: RS256/ES256 keys, rotated
// by the identity provider). Issuer (JWT_ISSUER) and audience (JWT_AUDIENCE) are checked when set.
// Each mode accepts its own algorithms only, so a token can never pick how it is verified.

export const SECRET_ALGORITHMS = ['HS256'] as const;
export const JWKS_ALGORITHMS = ['RS256', 'ES256'] as const;

interface CommonAuth {
  /** The `iss` every token must carry (recommended; required with JWKS). */
  issuer?: string;
  /** The `aud` every token must carry. */
  audience?: string;
  /** Leeway for `exp`/`nbf`, in seconds (default 5). */
  clockToleranceSeconds?: number;
}

export interface SecretAuth extends CommonAuth {
  mode: 'secret';
  secret: string;
}

export interface JwksAuth extends CommonAuth {
  mode: 'jwks';
  jwksUrl: string;
  /** Accepted algorithms (default RS256 and ES256; never HS*). */
  algorithms?: string[];
}

export type AuthConfig = SecretAuth | JwksAuth;

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const common: CommonAuth = {
    issuer: env.JWT_ISSUER || undefined,
    audience: env.JWT_AUDIENCE || undefined,
  };
  if (env.JWKS_URL) return { mode: 'jwks', jwksUrl: env.JWKS_URL, ...common };
  if (env.JWT_SECRET) {
    if (env.JWT_SECRET.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
    return { mode: 'secret', secret: env.JWT_SECRET, ...common };
  }
  throw new Error('set JWKS_URL (production) or JWT_SECRET (development) so that the gateway can verify tokens');
}

export function checkAuthConfig(config: AuthConfig): void {
  if (config.mode === 'secret' && config.secret.length < 32) throw new Error('the JWT secret must be at least 32 characters');
  if (config.mode === 'jwks') {
    const bad = (config.algorithms ?? []).filter((alg) => !(JWKS_ALGORITHMS as readonly string[]).includes(alg));
    if (bad.length) throw new Error(`JWKS mode accepts ${JWKS_ALGORITHMS.join(', ')} only, not ${bad.join(', ')}`);
  }
}
