// Operation limits and trusted documents at the gateway, over real HTTP: a gateway built like the real
// one (@apollo/gateway over a composed supergraph, Apollo Server, Express) with the limits plugin and
// the body-limit middleware, in front of a "catalog" subgraph that counts the requests it receives, so
// every rejection is shown to happen before any subgraph is called. Also: every committed operation in
// schema/operations passes the default limits, the committed manifest is current, and the guard that
// graphql-ws subscriptions call confines PARTNER callers to it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import { Kind, buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway } from '@apollo/gateway';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { formatError, listen, type Identity, type RunningServer } from '@cmgraph/platform';
import {
  DEFAULT_LIMITS,
  TokenBucketLimiter,
  TrustedDocuments,
  canonicalOperation,
  createOperationGuard,
  jsonBodyLimit,
  operationLimitsPlugin,
  sha256,
  type OperationLimits,
} from '../src/limits';
import { MANIFEST_FILE, manifestText } from '../../packages/devstack/src/manifest';

const CATALOG_SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    hello: String
    product(id: ID!): Product
    products(first: Int! = 20): ProductConnection!
  }
  type ProductConnection { nodes: [Product!]! totalCount: Int! }
  type Product @key(fields: "id") {
    id: ID!
    name: String!
    parent: Product
    related(first: Int! = 10): ProductConnection!
  }
`;

const product = (id: string) => ({ id, name: `Product ${id}` });
const connection = (first: number) => ({
  nodes: Array.from({ length: Math.min(first, 3) }, (_, i) => product(String(i + 1))),
  totalCount: 3,
});

/** The catalog subgraph, counting every HTTP request it receives. */
async function startCatalog(): Promise<{ server: RunningServer; requests: () => number; stop(): Promise<void> }> {
  const schema = buildSubgraphSchema([
    {
      typeDefs: parse(CATALOG_SDL),
      resolvers: {
        Query: {
          hello: () => 'world',
          product: (_: unknown, { id }: { id: string }) => product(id),
          products: (_: unknown, { first }: { first: number }) => connection(first),
        },
        Product: {
          __resolveReference: (ref: { id: string }) => product(ref.id),
          parent: (p: { id: string }) => product(`${p.id}.parent`),
          related: (_: unknown, { first }: { first: number }) => connection(first),
        },
      } as never,
    },
  ]);
  const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await apollo.start();
  let count = 0;
  const app = express();
  app.use('/graphql', (_req, _res, next) => {
    count += 1;
    next();
  }, express.json(), expressMiddleware(apollo));
  const server = await listen(app, 0);
  return {
    server,
    requests: () => count,
    async stop() {
      await server.close();
      await apollo.stop();
    },
  };
}

interface TestGateway {
  url: string;
  stop(): Promise<void>;
}

/** A gateway wired the way gateway.ts is asked to wire the limits; identity from `x-test-identity` (JSON). */
async function startGateway(catalogUrl: string, trusted: TrustedDocuments, limits: Partial<OperationLimits>): Promise<TestGateway> {
  const composed = composeServices([{ name: 'catalog', url: catalogUrl, typeDefs: parse(CATALOG_SDL) }]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const guard = createOperationGuard({ limits, trustedDocuments: trusted });
  const apollo = new ApolloServer<{ identity: Identity | null }>({
    gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl }),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true, // the guard alone must refuse introspection in production mode
    plugins: [operationLimitsPlugin(guard)],
  });
  await apollo.start();
  const app = express();
  app.use(
    '/graphql',
    jsonBodyLimit(guard.limits.maxBodyBytes),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const header = req.headers['x-test-identity'];
        return { identity: typeof header === 'string' ? (JSON.parse(header) as Identity) : null };
      },
    }),
  );
  const server = await listen(app, 0);
  return {
    url: server.url,
    async stop() {
      await server.close();
      await apollo.stop();
    },
  };
}

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, any> }[] };
}

async function post(url: string, payload: unknown, identity?: Identity): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(identity ? { 'x-test-identity': JSON.stringify(identity) } : {}),
    },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

const user = (subject: string): Identity => ({ subject, roles: ['BUYER'], supplierId: null });
const partner = (subject: string): Identity => ({ subject, roles: ['PARTNER'], supplierId: 'cm-1' });

/** The catalog's trusted documents, built the way `npm run manifest` builds the real one. */
const TRUSTED_QUERY = 'query ProductNames($first: Int!) { products(first: $first) { nodes { id name } } }';
function catalogManifest(): TrustedDocuments {
  const body = canonicalOperation(parse(TRUSTED_QUERY))!;
  return new TrustedDocuments({
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [{ id: sha256(body), name: 'ProductNames', type: 'query', body }],
  });
}
const TRUSTED_ID = sha256(canonicalOperation(parse(TRUSTED_QUERY))!);

let catalog: Awaited<ReturnType<typeof startCatalog>>;
let gateway: TestGateway;
let production: TestGateway;

beforeAll(async () => {
  catalog = await startCatalog();
  const trusted = catalogManifest();
  // a small bucket that refills once a minute, so the N+1-th request is limited however slow the machine; every other case uses its own subject and stays within the burst
  gateway = await startGateway(catalog.server.url, trusted, { production: false, rateLimit: { requestsPerMinute: 1, burst: 5 } });
  production = await startGateway(catalog.server.url, trusted, { production: true });
});

afterAll(async () => {
  await gateway?.stop();
  await production?.stop();
  await catalog?.stop();
});

/** Runs `action` and returns how many requests the catalog subgraph received meanwhile. */
async function subgraphCalls(action: () => Promise<void>): Promise<number> {
  const before = catalog.requests();
  await action();
  return catalog.requests() - before;
}

function expectTooComplex(answer: Answer, rule: string, limit: number, actual?: number): void {
  expect(answer.status).toBe(400);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors).toHaveLength(1);
  const extensions = answer.body.errors![0]!.extensions!;
  expect(extensions).toMatchObject({ code: 'OPERATION_TOO_COMPLEX', rule, limit });
  if (actual !== undefined) expect(extensions.actual).toBe(actual);
  expect(extensions.actual).toBeGreaterThan(limit);
  expect(extensions.stacktrace).toBeUndefined();
}

describe('operation limits at the gateway', () => {
  it('answers a query within the limits, through the subgraph', async () => {
    let answer!: Answer;
    const calls = await subgraphCalls(async () => {
      answer = await post(gateway.url, { query: '{ products(first: 2) { nodes { id related { nodes { name } } } } }' }, user('fine'));
    });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect((answer.body.data as any).products.nodes).toHaveLength(2);
    expect(calls).toBe(1);
  });

  it('rejects a depth bomb before any subgraph call', async () => {
    const query = `{ product(id: "1") { ${'parent { '.repeat(14)}id${' }'.repeat(14)} } }`;
    let answer!: Answer;
    const calls = await subgraphCalls(async () => {
      answer = await post(gateway.url, { query }, user('depth'));
    });
    expectTooComplex(answer, 'depth', DEFAULT_LIMITS.maxDepth, 16);
    expect(calls).toBe(0);
  });

  it('rejects an alias flood (1,000 aliases) before any subgraph call', async () => {
    const query = `{ ${Array.from({ length: 1_000 }, (_, i) => `a${i}: hello`).join(' ')} }`;
    let answer!: Answer;
    const calls = await subgraphCalls(async () => {
      answer = await post(gateway.url, { query }, user('aliases'));
    });
    expectTooComplex(answer, 'aliases', DEFAULT_LIMITS.maxAliases, 1_000);
    expect(calls).toBe(0);
  });

  it('rejects too many root fields before any subgraph call', async () => {
    const query = `{ ${Array.from({ length: 25 }, (_, i) => `r${i}: hello`).join(' ')} }`;
    let answer!: Answer;
    const calls = await subgraphCalls(async () => {
      answer = await post(gateway.url, { query }, user('roots'));
    });
    expectTooComplex(answer, 'rootFields', DEFAULT_LIMITS.maxRootFields, 25);
    expect(calls).toBe(0);
  });

  it('rejects a cost bomb (nested first: 1000), with literals and with variables, before any subgraph call', async () => {
    const literal = '{ products(first: 1000) { nodes { related(first: 1000) { nodes { id } } } } }';
    const variables = 'query Bomb($n: Int!) { products(first: $n) { nodes { related(first: $n) { nodes { id name } } } } }';
    let answers: Answer[] = [];
    const calls = await subgraphCalls(async () => {
      answers = [await post(gateway.url, { query: literal }, user('cost')), await post(gateway.url, { query: variables, variables: { n: 1000 } }, user('cost'))];
    });
    // 1 + 1,000 nodes + 1,000 related + 1,000,000 nodes + 1,000,000 ids: the walk stops past the limit
    for (const answer of answers) expectTooComplex(answer, 'cost', DEFAULT_LIMITS.maxCost);
    expect(calls).toBe(0);
    // the same shape with small pages passes: the variables are read, not guessed
    const small = await post(gateway.url, { query: variables, variables: { n: 3 } }, user('cost'));
    expect(small.body.errors).toBeUndefined();
  });

  it('refuses a 5 MB body with 413 PAYLOAD_TOO_LARGE before parsing it, with or without Content-Length', async () => {
    const body = JSON.stringify({ query: '{ hello }', variables: { padding: 'x'.repeat(5 * 1024 * 1024) } });
    let declared!: Answer;
    let chunkedStatus = 0;
    let chunkedBody: Answer['body'] = {};
    const calls = await subgraphCalls(async () => {
      declared = await post(gateway.url, body, user('big'));
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          const chunk = new TextEncoder().encode(body.slice(0, 1024 * 1024));
          for (let i = 0; i < 5; i += 1) controller.enqueue(chunk);
          controller.close();
        },
      });
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      chunkedStatus = response.status;
      chunkedBody = (await response.json()) as Answer['body'];
    });
    expect(declared.status).toBe(413);
    expect(declared.body.errors![0]!.extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', limit: 256 * 1024, actual: Buffer.byteLength(body) });
    expect(chunkedStatus).toBe(413);
    expect(chunkedBody.errors![0]!.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', limit: 256 * 1024 });
    expect(calls).toBe(0);
  });

  it('rate-limits per identity: the N+1-th request gets RATE_LIMITED, 429 and Retry-After, others are unaffected', async () => {
    const calls = await subgraphCalls(async () => {
      for (let i = 0; i < 5; i += 1) {
        const answer = await post(gateway.url, { query: '{ hello }' }, user('busy'));
        expect(answer.body).toEqual({ data: { hello: 'world' } });
      }
    });
    expect(calls).toBe(5);
    let limited!: Answer;
    const after = await subgraphCalls(async () => {
      limited = await post(gateway.url, { query: '{ hello }' }, user('busy'));
    });
    expect(after).toBe(0);
    expect(limited.status).toBe(429);
    const extensions = limited.body.errors![0]!.extensions!;
    expect(extensions.code).toBe('RATE_LIMITED');
    expect(extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('retry-after')).toBe(String(extensions.retryAfterSeconds));
    // another identity has its own bucket
    expect((await post(gateway.url, { query: '{ hello }' }, user('calm'))).body).toEqual({ data: { hello: 'world' } });
  });
});

describe('trusted documents', () => {
  it('refuses an unknown document from a PARTNER before any subgraph call', async () => {
    let answer!: Answer;
    const calls = await subgraphCalls(async () => {
      answer = await post(gateway.url, { query: '{ hello }' }, partner('cm-unknown'));
    });
    expect(answer.status).toBe(403);
    expect(answer.body.errors![0]!.extensions).toEqual({ code: 'OPERATION_NOT_TRUSTED' });
    expect(calls).toBe(0);
  });

  it('runs a manifest document for a PARTNER sent by hash only, as Apollo clients send it', async () => {
    const answer = await post(
      gateway.url,
      { variables: { first: 2 }, extensions: { persistedQuery: { version: 1, sha256Hash: TRUSTED_ID } } },
      partner('cm-hash'),
    );
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toEqual({ products: { nodes: [product('1'), product('2')] } });
  });

  it('runs a manifest document for a PARTNER sent as text, however it is formatted', async () => {
    const reformatted = TRUSTED_QUERY.replace(/ {2,}|\s/g, '\n  ');
    for (const query of [TRUSTED_QUERY, reformatted]) {
      const answer = await post(gateway.url, { query, variables: { first: 1 } }, partner('cm-text'));
      expect(answer.body).toEqual({ data: { products: { nodes: [product('1')] } } });
    }
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND (the client then sends the text, which is judged)', async () => {
    const answer = await post(gateway.url, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('nope') } } }, partner('cm-miss'));
    expect(answer.body.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('lets a non-partner (and an anonymous caller) run any document', async () => {
    for (const identity of [user('buyer'), undefined]) {
      const answer = await post(gateway.url, { query: '{ hello product(id: "9") { name } }' }, identity);
      expect(answer.body).toEqual({ data: { hello: 'world', product: { name: 'Product 9' } } });
    }
  });
});

describe('production mode', () => {
  it('refuses introspection (__schema, __type) before any subgraph call; __typename still works', async () => {
    const calls = await subgraphCalls(async () => {
      for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Product") { name } }']) {
        const answer = await post(production.url, { query }, user('prod-introspect'));
        expect(answer.status).toBe(400);
        expect(answer.body.errors![0]!.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
      }
    });
    expect(calls).toBe(0);
    expect((await post(production.url, { query: '{ __typename }' }, user('prod-typename'))).body).toEqual({ data: { __typename: 'Query' } });
    // the same introspection is served outside production
    expect((await post(gateway.url, { query: '{ __type(name: "Product") { name } }' }, user('dev'))).body).toEqual({
      data: { __type: { name: 'Product' } },
    });
  });

  it('removes "Did you mean …" from validation errors', async () => {
    const query = '{ product(id: "1") { nam } }';
    const prod = await post(production.url, { query }, user('prod-suggest'));
    const dev = await post(gateway.url, { query }, user('dev-suggest'));
    expect(dev.body.errors![0]!.message).toContain('Did you mean "name"?');
    expect(prod.body.errors![0]!.message).toBe('Cannot query field "nam" on type "Product".');
    expect(prod.body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('the committed operations', () => {
  const repo = path.resolve(__dirname, '../..');
  const apiSchema = buildSchema(readFileSync(path.join(repo, 'schema/api.graphql'), 'utf8'));
  const operationsDir = path.join(repo, 'schema/operations');
  const operations = readdirSync(operationsDir)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) => {
      const document = parse(readFileSync(path.join(operationsDir, file), 'utf8'));
      return document.definitions
        .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
        .map((operation) => ({ document, name: operation.name!.value }));
    });

  it('all pass the default limits, also for a PARTNER (every one is in the committed manifest)', () => {
    const guard = createOperationGuard({ limits: { production: true, rateLimit: false }, trustedDocuments: TrustedDocuments.load() });
    expect(operations.length).toBeGreaterThan(10);
    for (const { document, name } of operations) {
      expect([name, guard.checkOperation({ schema: apiSchema, document, operationName: name, identity: null })]).toEqual([name, []]);
      expect([name, guard.checkOperation({ schema: apiSchema, document, operationName: name, identity: partner('cm') })]).toEqual([name, []]);
    }
    expect(guard.trustedDocuments.size).toBe(operations.length);
  });

  it('the committed manifest is what `npm run manifest` writes (no drift)', () => {
    expect(readFileSync(MANIFEST_FILE, 'utf8')).toBe(manifestText());
  });

  it('checkOperation (the graphql-ws subscription path) confines a PARTNER to manifest subscriptions', () => {
    const guard = createOperationGuard({ limits: { rateLimit: false }, trustedDocuments: TrustedDocuments.load() });
    const check = (query: string, identity: Identity | null) =>
      guard.checkOperation({ schema: apiSchema, document: parse(query), variables: {}, identity }).map((e) => e.extensions.code);
    const trusted = readFileSync(path.join(operationsDir, 'subscriptions.graphql'), 'utf8');
    const own = 'subscription { shipmentUpdated { cursor shipment { id } } }';
    expect(guard.checkOperation({ schema: apiSchema, document: parse(trusted), operationName: 'ShipmentUpdates', identity: partner('cm') })).toEqual([]);
    expect(check(own, partner('cm'))).toEqual(['OPERATION_NOT_TRUSTED']);
    expect(check(own, user('planner'))).toEqual([]);
  });
});

describe('the token bucket', () => {
  it('refills at the configured rate and says when the next token comes', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ requestsPerMinute: 60, burst: 2 }, () => now);
    expect([limiter.take('a').allowed, limiter.take('a').allowed]).toEqual([true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 1_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });
});
