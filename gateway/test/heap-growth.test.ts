// The heap growth policy: V8's growing factor is set when the first export starts and V8's own restored
// when the last one ends (not on every change in between); set once and kept with worker threads; left
// alone at 0; refused when not a whole number ≥ 0. And the gateway tells it about every export.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, tokenFor, type Stack } from '@cmgraph/testkit';
import { heapGrowthPolicy } from '../src/heap-growth';

describe('heapGrowthPolicy', () => {
  it('tunes V8 only while exports stream', () => {
    const flags: string[] = [];
    const policy = heapGrowthPolicy(25, (f) => flags.push(f));
    expect(flags).toEqual([]);
    for (const active of [1, 2, 1, 2, 1, 0, 0, 1, 0]) policy.exportsActive(active);
    expect(flags).toEqual(['--heap-growing-percent=25', '--heap-growing-percent=0', '--heap-growing-percent=25', '--heap-growing-percent=0']);
  });

  it('sets it once and keeps it with worker threads; leaves V8 alone at 0; refuses nonsense', () => {
    const flags: string[] = [];
    const always = heapGrowthPolicy(30, (f) => flags.push(f), { always: true });
    always.exportsActive(1);
    always.exportsActive(0);
    expect(flags).toEqual(['--heap-growing-percent=30']);
    heapGrowthPolicy(0, (f) => flags.push(f)).exportsActive(1);
    expect(flags).toHaveLength(1);
    expect(() => heapGrowthPolicy(-1, () => undefined)).toThrow(/GATEWAY_HEAP_GROWING_PERCENT/);
    expect(() => heapGrowthPolicy(2.5, () => undefined)).toThrow(/GATEWAY_HEAP_GROWING_PERCENT/);
  });
});

describe('the gateway', () => {
  let stack: Stack;
  const seen: number[] = [];
  beforeAll(async () => {
    stack = await startStack(['inventory'], { gateway: { onExportsActive: (active) => seen.push(active) } });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('reports every export starting and ending', async () => {
    const response = await fetch(`${stack.gatewayUrl.replace(/\/graphql$/, '')}/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor()}` },
      body: JSON.stringify({ query: 'query P($first: Int!, $after: String) { products(first: $first, after: $after) { nodes { sku } pageInfo { hasNextPage endCursor } } }', format: 'csv' }),
    });
    expect(response.status).toBe(200);
    await response.text();
    for (let i = 0; i < 100 && seen.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([1, 0]);
  });
});
