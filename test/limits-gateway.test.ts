// Issue 5's hostile operations against the real gateway in front of real subgraphs: each is refused
// with its code before any subgraph is called (no SQL statement runs anywhere).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, tokenFor, type Stack } from '@cmgraph/testkit';
import { readFileSync } from 'node:fs';
import { DEFAULT_MANIFEST_PATH, type PersistedQueryManifest } from '@cmgraph/gateway/src/limits';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(['suppliers', 'orders', 'inventory']);
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

const statements = () => Object.values(stack.subgraphs).reduce((sum, sub) => sum + sub.statements, 0);

async function post(body: string, caller: Parameters<typeof tokenFor>[0] = undefined): Promise<{ status: number; json: any }> {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(caller)}` },
    body,
  });
  return { status: response.status, json: await response.json().catch(() => null) };
}

async function refused(query: string, code: string, caller?: Parameters<typeof tokenFor>[0]): Promise<void> {
  const before = statements();
  const { json } = await post(JSON.stringify({ query }), caller);
  expect(json.data ?? null).toBeNull();
  expect(json.errors[0].extensions.code).toBe(code);
  expect(statements()).toBe(before);
}

describe('operation limits through the real gateway', () => {
  it('refuses a depth bomb', async () => {
    let selection = 'id';
    for (let i = 0; i < 8; i++) selection = `purchaseOrders(first: 1) { nodes { supplier { ${selection} } } }`;
    await refused(`{ suppliers(first: 1) { nodes { ${selection} } } }`, 'OPERATION_TOO_COMPLEX');
  });

  it('refuses an alias flood of 1,000 aliases', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: suppliers(first: 1) { totalCount }`).join(' ');
    await refused(`{ ${aliases} }`, 'OPERATION_TOO_COMPLEX');
  });

  it('refuses a cost bomb of nested first: 1000', async () => {
    await refused(
      `{ suppliers(first: 1000) { nodes { purchaseOrders(first: 1000) { nodes { lines { product { stockLevels { onHand } } } } } } } }`,
      'OPERATION_TOO_COMPLEX',
    );
  });

  it('refuses a 5 MB body with PAYLOAD_TOO_LARGE', async () => {
    const before = statements();
    const { status, json } = await post(JSON.stringify({ query: `{ suppliers(first: 1) { totalCount } }`, variables: { pad: 'x'.repeat(5 * 1024 * 1024) } }));
    expect(status).toBe(413);
    expect(json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(statements()).toBe(before);
  });

  it('confines a partner to the trusted documents, and lets it run one', async () => {
    const partner = { roles: ['PARTNER' as const], supplierId: '019c2021-9e00-7000-8000-024b4d455772' };
    await refused(`{ suppliers(first: 5) { nodes { id name } } }`, 'OPERATION_NOT_TRUSTED', partner);
    const manifest = JSON.parse(readFileSync(DEFAULT_MANIFEST_PATH, 'utf8')) as PersistedQueryManifest;
    const entry = manifest.operations.find((op) => op.type === 'query')!;
    // by hash, as Apollo clients send it: past the gate (the variables may still be wrong, which is fine here)
    const { json } = await post(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: entry.id } } }), partner);
    expect(json.errors?.[0]?.extensions?.code).not.toBe('OPERATION_NOT_TRUSTED');
  });

  it('lets an ADMIN run a reasonable ad-hoc query', async () => {
    const { json } = await post(JSON.stringify({ query: `{ suppliers(first: 2) { totalCount nodes { id } } }` }));
    expect(json.errors).toBeUndefined();
    expect(json.data.suppliers.totalCount).toBe(0);
  });
});
