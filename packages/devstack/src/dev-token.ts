// Development tokens: HS256 JWTs the gateway accepts in secret mode, made with node:crypto alone, and
// the file where `npm start` leaves the JWT secret of its run so that `npm run token` can mint for it.
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './topology';

export interface DevTokenClaims {
  sub: string;
  roles: string[];
  supplier_id?: string;
}

/** Where `npm start` writes the JWT secret it generated (under the git-ignored data directory). */
export function runSecretFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DATA_DIR ?? path.join(REPO_ROOT, '.data'), 'dev-jwt-secret');
}

/** JWT_SECRET, else the secret of the running `npm start`, else null. */
export function devJwtSecret(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  const file = runSecretFile(env);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null;
}

export function signDevToken(claims: DevTokenClaims, secret: string, ttlSeconds: number, env: NodeJS.ProcessEnv = process.env): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    ...claims,
    iat: now,
    exp: now + ttlSeconds,
    ...(env.JWT_ISSUER ? { iss: env.JWT_ISSUER } : {}),
    ...(env.JWT_AUDIENCE ? { aud: env.JWT_AUDIENCE } : {}),
  };
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** `8h`, `30m`, `45s`, `2d` or plain seconds. */
export function parseTtl(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (!match) throw new Error(`--ttl: expected e.g. 8h, 30m or 3600, got "${text}"`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}
