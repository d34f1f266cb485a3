// Authentication at the gateway and the signed identity every subgraph checks, over a real gateway and
// the suppliers subgraph. Refused tokens get UNAUTHENTICATED with no data, and the subgraph is never
// called; HS256 (shared secret) and JWKS (RS256/ES256, two keys for rotation) modes; direct subgraph
// calls without a valid signed identity are refused before any SQL runs.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, type CryptoKey } from 'jose';
import { createGateway, type Gateway } from '@cmgraph/gateway';
import { IDENTITY_HEADER, type RunningServer } from '@cmgraph/platform';
import { composeSupergraph } from '@cmgraph/devstack/src/compose/compose';
import { loadSubgraphs } from '@cmgraph/devstack/src/subgraphs';
import { ADMIN, identityHeader, startStack, subscriber, tokenFor, type Stack } from '@cmgraph/testkit';

const QUERY = '{ suppliers(first: 1) { totalCount } }';
const ISSUER = 'https://idp.cmgraph.test';
const AUDIENCE = 'cmgraph-api';

let stack: Stack;
let subgraphRequests = 0;
let strict: { gateway: Gateway; http: RunningServer };
let jwks: { gateway: Gateway; http: RunningServer; server: http.Server; rsa: CryptoKey; ec: CryptoKey; rsaPublicPem: string };

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(url: string, headers: Record<string, string>, query = QUERY): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

async function signed(key: CryptoKey | Uint8Array, alg: string, kid?: string, claims: Record<string, unknown> = { roles: ['ADMIN'] }): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
    .setSubject('jwks-user')
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(key);
}

/** The request is refused as UNAUTHENTICATED, with no data, and no request reached the subgraph. */
async function expectRefused(url: string, headers: Record<string, string>): Promise<void> {
  const before = subgraphRequests;
  const statements = stack.subgraphs.suppliers!.statements;
  const answer = await post(url, headers);
  expect(answer.status).toBe(401);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  expect(subgraphRequests).toBe(before);
  expect(stack.subgraphs.suppliers!.statements).toBe(statements);
}

/** How a graphql-ws connection ends: the close code, or 'ok' with the query's result. */
async function overWebSocket(url: string, connectionParams: Record<string, unknown>): Promise<{ closed?: number; data?: unknown }> {
  return new Promise((resolve) => {
    const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
    let data: unknown;
    client.subscribe(
      { query: QUERY },
      {
        next: (result) => (data = result.data),
        error: (error) => {
          void client.dispose();
          resolve({ closed: (error as { code?: number }).code ?? -1 });
        },
        complete: () => {
          void client.dispose();
          resolve({ data });
        },
      },
    );
  });
}

beforeAll(async () => {
  stack = await startStack(['suppliers'], { withoutWorkers: ['suppliers'] });
  stack.subgraphs.suppliers!.http.httpServer.on('request', () => void subgraphRequests++);
  const definitions = (await loadSubgraphs(['suppliers'])).map((m) => m.definition);
  const { supergraphSdl } = await composeSupergraph(definitions, () => stack.subgraphs.suppliers!.http.url);

  // HS256 with issuer and audience required
  const strictGateway = await createGateway({
    supergraphSdl,
    auth: { mode: 'secret', secret: process.env.JWT_SECRET!, issuer: ISSUER, audience: AUDIENCE },
  });
  strict = { gateway: strictGateway, http: await strictGateway.listen(0) };

  // JWKS: an RSA and an EC key published together (a rotation in progress)
  const rsa = await generateKeyPair('RS256');
  const ec = await generateKeyPair('ES256');
  const keys = [
    { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
    { ...(await exportJWK(ec.publicKey)), kid: 'ec-2', alg: 'ES256', use: 'sig' },
  ];
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  const jwksGateway = await createGateway({ supergraphSdl, auth: { mode: 'jwks', jwksUrl, issuer: ISSUER, audience: AUDIENCE } });
  jwks = {
    gateway: jwksGateway,
    http: await jwksGateway.listen(0),
    server,
    rsa: rsa.privateKey,
    ec: ec.privateKey,
    rsaPublicPem: await exportSPKI(rsa.publicKey),
  };
});

afterAll(async () => {
  await strict?.gateway.stop();
  await jwks?.gateway.stop();
  jwks?.server.closeAllConnections();
  jwks?.server.close();
  await stack?.stop();
});

describe('the gateway (HS256 secret)', () => {
  it('serves a valid token over HTTP, with the identity reaching the subgraph', async () => {
    const before = subgraphRequests;
    const answer = await post(stack.gatewayUrl, bearer(await tokenFor(ADMIN)));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { suppliers: { totalCount: 0 } } });
    expect(subgraphRequests).toBe(before + 1);
    const analyst = await stack.as({ roles: ['ANALYST'] })(QUERY);
    expect(analyst.errors).toBeUndefined();
    // a partner is authenticated too, then confined to the trusted documents (test/limits-gateway.test.ts)
    const partner = await stack.as({ roles: ['PARTNER'], supplierId: '0193a6a4-1c2b-7def-8000-000000000001' })(QUERY);
    expect(partner.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_TRUSTED');
  });

  it('refuses a missing token, a non-bearer header and garbage', async () => {
    await expectRefused(stack.gatewayUrl, {});
    await expectRefused(stack.gatewayUrl, { authorization: 'Basic YWRtaW46YWRtaW4=' });
    await expectRefused(stack.gatewayUrl, bearer('not-a-jwt'));
  });

  it('refuses a forged signature and alg none', async () => {
    await expectRefused(stack.gatewayUrl, bearer(await tokenFor(ADMIN, { secret: 'another-secret-of-at-least-32-characters!' })));
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(stack.gatewayUrl, bearer(unsignedToken({ sub: 'x', roles: ['ADMIN'], exp: now + 600 })));
  });

  it('refuses expired and not-yet-valid tokens', async () => {
    await expectRefused(stack.gatewayUrl, bearer(await tokenFor(ADMIN, { expired: true })));
    await expectRefused(stack.gatewayUrl, bearer(await tokenFor(ADMIN, { notYetValid: true })));
  });

  it('refuses tokens whose claims do not make an identity', async () => {
    await expectRefused(stack.gatewayUrl, bearer(await tokenFor({ roles: ['PARTNER'] }))); // no supplier_id
    await expectRefused(stack.gatewayUrl, bearer(await tokenFor(ADMIN, { claims: { roles: ['ROOT'] } })));
    await expectRefused(stack.gatewayUrl, bearer(await tokenFor(ADMIN, { claims: { roles: [] } })));
    const noSubject = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(process.env.JWT_SECRET));
    await expectRefused(stack.gatewayUrl, bearer(noSubject));
  });

  it('checks issuer and audience when configured', async () => {
    const url = strict.http.url;
    const ok = await post(url, bearer(await tokenFor(ADMIN, { issuer: ISSUER, audience: AUDIENCE })));
    expect(ok.body).toEqual({ data: { suppliers: { totalCount: 0 } } });
    await expectRefused(url, bearer(await tokenFor(ADMIN, { issuer: 'https://evil.test', audience: AUDIENCE })));
    await expectRefused(url, bearer(await tokenFor(ADMIN, { issuer: ISSUER, audience: 'another-api' })));
    await expectRefused(url, bearer(await tokenFor(ADMIN, { issuer: null, audience: null })));
  });

  it('keeps /health and /ready open', async () => {
    const base = stack.gatewayUrl.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('serves graphql-ws with a valid token and closes 4401 without one', async () => {
    expect(await overWebSocket(stack.gatewayUrl, bearer(await tokenFor(ADMIN)))).toEqual({ data: { suppliers: { totalCount: 0 } } });
    const before = subgraphRequests;
    expect(await overWebSocket(stack.gatewayUrl, {})).toEqual({ closed: 4401 });
    expect(await overWebSocket(stack.gatewayUrl, bearer(await tokenFor(ADMIN, { expired: true })))).toEqual({ closed: 4401 });
    expect(subgraphRequests).toBe(before);
    // the testkit's subscriber presents an ADMIN token by default
    const client = subscriber(stack.gatewayUrl);
    const result = await client.subscribe(QUERY).next();
    expect(result).toEqual({ data: { suppliers: { totalCount: 0 } } });
    await client.dispose();
  });
});

describe('the gateway (JWKS)', () => {
  it('accepts tokens signed by either published key (rotation)', async () => {
    for (const token of [await signed(jwks.rsa, 'RS256', 'rsa-1'), await signed(jwks.ec, 'ES256', 'ec-2')]) {
      const answer = await post(jwks.http.url, bearer(token));
      expect(answer.body).toEqual({ data: { suppliers: { totalCount: 0 } } });
    }
  });

  it('refuses algorithm confusion, alg none, the shared secret and unknown keys', async () => {
    const url = jwks.http.url;
    // HS256 "signed" with the RSA public key as the HMAC secret
    await expectRefused(url, bearer(await signed(new TextEncoder().encode(jwks.rsaPublicPem), 'HS256', 'rsa-1')));
    await expectRefused(url, bearer(unsignedToken({ sub: 'x', roles: ['ADMIN'], iss: ISSUER, aud: AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 })));
    await expectRefused(url, bearer(await tokenFor(ADMIN, { issuer: ISSUER, audience: AUDIENCE })));
    const stranger = await generateKeyPair('RS256');
    await expectRefused(url, bearer(await signed(stranger.privateKey, 'RS256', 'rsa-1')));
    await expectRefused(url, bearer(await signed(stranger.privateKey, 'RS256', 'unknown-kid')));
  });
});

describe('a subgraph called directly', () => {
  const url = () => stack.subgraphs.suppliers!.http.url;

  async function expectSubgraphRefused(headers: Record<string, string>): Promise<void> {
    const statements = stack.subgraphs.suppliers!.statements;
    const answer = await post(url(), headers);
    expect(answer.status).toBe(401);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(stack.subgraphs.suppliers!.statements).toBe(statements);
  }

  it('answers a fresh signed identity', async () => {
    const answer = await post(url(), { [IDENTITY_HEADER]: identityHeader(ADMIN) });
    expect(answer.body).toEqual({ data: { suppliers: { totalCount: 0 } } });
  });

  it('refuses no header, a forged signature, a tampered payload, a replayed expired header and a user JWT', async () => {
    await expectSubgraphRefused({});
    await expectSubgraphRefused({ [IDENTITY_HEADER]: identityHeader(ADMIN, Date.now(), 'f'.repeat(40)) });
    const [, signature] = identityHeader({ roles: ['PARTNER'], supplierId: 's-1' }).split('.');
    const promoted = Buffer.from(JSON.stringify({ ...ADMIN, at: Date.now() })).toString('base64url');
    await expectSubgraphRefused({ [IDENTITY_HEADER]: `${promoted}.${signature}` });
    await expectSubgraphRefused({ [IDENTITY_HEADER]: identityHeader(ADMIN, Date.now() - 120_000) });
    await expectSubgraphRefused(bearer(await tokenFor(ADMIN)));
  });

  it('refuses a graphql-ws connection without a valid identity', async () => {
    expect(await overWebSocket(url(), {})).toEqual({ closed: 4401 });
    expect(await overWebSocket(url(), { identity: identityHeader(ADMIN, Date.now() - 120_000) })).toEqual({ closed: 4401 });
    expect(await overWebSocket(url(), { identity: identityHeader(ADMIN) })).toEqual({ data: { suppliers: { totalCount: 0 } } });
  });
});
