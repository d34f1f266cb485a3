// The signed identity header the gateway sends and every subgraph checks: a round trip works; a
// tampered payload, another secret, a stale signature or a malformed value is refused.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { IDENTITY_VALIDITY_MS, signIdentity, verifyIdentity, type Identity } from '../src/identity';

const secret = 'a'.repeat(48);
const partner: Identity = { subject: 'user-7', roles: ['PARTNER'], supplierId: '0193a6a4-1c2b-7def-8000-000000000001' };

describe('signed identity', () => {
  it('round-trips subject, roles and supplier', () => {
    expect(verifyIdentity(signIdentity(partner, secret), secret)).toEqual({ identity: partner });
    const admin: Identity = { subject: 'root', roles: ['ADMIN', 'ANALYST'], supplierId: null };
    expect(verifyIdentity(signIdentity(admin, secret), secret)).toEqual({ identity: admin });
  });

  it('refuses a tampered payload (a partner promoting itself to ADMIN)', () => {
    const [, signature] = signIdentity(partner, secret).split('.');
    const forged = Buffer.from(JSON.stringify({ ...partner, roles: ['ADMIN'], at: Date.now() })).toString('base64url');
    expect(verifyIdentity(`${forged}.${signature}`, secret)).toEqual({ failure: 'bad-signature' });
  });

  it('refuses a header signed with another secret', () => {
    expect(verifyIdentity(signIdentity(partner, 'b'.repeat(48)), secret)).toEqual({ failure: 'bad-signature' });
  });

  it('refuses a signature older (or further ahead) than the validity window', () => {
    const now = Date.now();
    expect(verifyIdentity(signIdentity(partner, secret, now - IDENTITY_VALIDITY_MS - 1), secret, now)).toEqual({ failure: 'expired' });
    expect(verifyIdentity(signIdentity(partner, secret, now - 120_000), secret, now)).toEqual({ failure: 'expired' });
    expect(verifyIdentity(signIdentity(partner, secret, now + IDENTITY_VALIDITY_MS + 1), secret, now)).toEqual({ failure: 'expired' });
    expect(verifyIdentity(signIdentity(partner, secret, now - 1_000), secret, now)).toEqual({ identity: partner });
  });

  it('refuses missing and malformed values', () => {
    expect(verifyIdentity(undefined, secret)).toEqual({ failure: 'missing' });
    expect(verifyIdentity('', secret)).toEqual({ failure: 'missing' });
    expect(verifyIdentity('no-dot', secret)).toEqual({ failure: 'malformed' });
    expect(verifyIdentity('a.b.c', secret)).toEqual({ failure: 'malformed' });
    expect(verifyIdentity('payload.!!!', secret)).toEqual({ failure: 'bad-signature' });
    // correctly signed, but not an identity
    const signed = (text: string) => {
      const payload = Buffer.from(text).toString('base64url');
      return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
    };
    expect(verifyIdentity(signed('not json'), secret)).toEqual({ failure: 'malformed' });
    expect(verifyIdentity(signed(JSON.stringify({ subject: 'x', roles: ['ADMIN'] })), secret)).toEqual({ failure: 'malformed' });
  });
});
