// The token verifier remembers tokens it verified (auth/verifier.ts) — and a remembered token is still
// held to the clock: once expired it is refused as if it had never been seen; a token it never verified
// (another signature over the same claims, a tampered payload) is verified in full.
import { describe, expect, it } from '@jest/globals';
import { tokenFor } from '@cmgraph/testkit';
import { createTokenVerifier } from '../src/auth';
import { AuthError } from '../src/auth/errors';

const verifier = () => createTokenVerifier({ mode: 'secret', secret: process.env.JWT_SECRET!, clockToleranceSeconds: 0 });

describe('remembered tokens', () => {
  it('refuses a remembered token once it has expired', async () => {
    const subject = verifier();
    const token = await tokenFor({ roles: ['PLANNER'], sub: 'short-lived' }, { ttlSeconds: 2 });
    expect((await subject.verify(`Bearer ${token}`)).subject).toBe('short-lived');
    expect((await subject.verify(`Bearer ${token}`)).roles).toEqual(['PLANNER']);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(subject.verify(`Bearer ${token}`)).rejects.toThrow(new AuthError('The token has expired.'));
  });

  it('verifies in full what differs from a remembered token by a single character', async () => {
    const subject = verifier();
    const token = await tokenFor({ roles: ['ADMIN'], sub: 'admin' });
    await subject.verify(`Bearer ${token}`);
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(subject.verify(`Bearer ${forged}`)).rejects.toThrow(new AuthError('The token\'s signature is invalid.'));
    const other = await tokenFor({ roles: ['ADMIN'], sub: 'admin' }, { secret: 'another secret that is long enough for HS256' });
    await expect(subject.verify(`Bearer ${other}`)).rejects.toThrow(AuthError);
  });
});
