// The response cache's answer store on its own (cache/store.ts): the entry bound and the byte bound, each
// evicting the least recently used answers first (a hit or a rewrite makes an answer recent), per-entry
// expiry against the store's clock, and the byte count kept right through replacements, deletions,
// expiries and clearing. The cache as a whole, over HTTP, is response-cache.test.ts.
import { describe, expect, it } from '@jest/globals';
import { AnswerStore, type CachedAnswer } from '../src/cache/store';

const clock = { now: 1_000_000 };
const now = () => clock.now;

function answer(bytes: number, ttlMs = 60_000, tag = ''): CachedAnswer {
  return { data: { tag }, subgraphs: ['orders'], startedAt: 0, expiresAt: clock.now + ttlMs, bytes };
}

/** Which of `keys` the store still serves (each probe is a hit, so it also makes that key the most recent). */
function held(store: AnswerStore, keys: string[]): string[] {
  return keys.filter((key) => store.get(key) !== undefined);
}

describe('AnswerStore', () => {
  it('keeps at most maxEntries answers, evicting the least recently used', () => {
    const store = new AnswerStore({ maxEntries: 3, maxBytes: 1_000 }, now);
    for (const key of ['a', 'b', 'c']) store.set(key, answer(10));
    expect(store.get('a')?.bytes).toBe(10); // a is now the most recent: b the oldest
    store.set('d', answer(10));
    expect(store.size).toBe(3);
    expect(held(store, ['a', 'b', 'c', 'd'])).toEqual(['a', 'c', 'd']);
    store.set('c', answer(20, 60_000, 'new')); // a rewrite is a use too: a is now the oldest
    store.set('e', answer(10));
    expect(held(store, ['a', 'c', 'd', 'e'])).toEqual(['c', 'd', 'e']);
    expect(store.get('c')?.data).toEqual({ tag: 'new' });
    expect([store.size, store.bytes]).toEqual([3, 40]);
  });

  it('keeps at most maxBytes of answers, evicting as many of the oldest as it takes', () => {
    const store = new AnswerStore({ maxEntries: 100, maxBytes: 100 }, now);
    for (const key of ['a', 'b', 'c', 'd']) store.set(key, answer(25));
    expect(store.bytes).toBe(100);
    store.get('a'); // b, c are now the oldest
    store.set('e', answer(45)); // 145 bytes: b and c go, 95 remain
    expect(held(store, ['a', 'b', 'c', 'd', 'e'])).toEqual(['a', 'd', 'e']);
    expect([store.size, store.bytes]).toEqual([3, 95]);
  });

  it('never keeps an answer larger than the byte bound, and drops what its key held', () => {
    const store = new AnswerStore({ maxEntries: 10, maxBytes: 100 }, now);
    store.set('a', answer(10));
    store.set('b', answer(30));
    store.set('a', answer(101));
    expect(store.get('a')).toBeUndefined();
    expect(store.get('b')?.bytes).toBe(30); // nothing else was evicted to make room for it
    expect([store.size, store.bytes]).toEqual([1, 30]);
    store.set('c', answer(100)); // exactly the bound fits, once b has gone
    expect(held(store, ['b', 'c'])).toEqual(['c']);
    expect(store.bytes).toBe(100);
  });

  it('serves an answer until its own expiry, then drops it', () => {
    const store = new AnswerStore({ maxEntries: 10, maxBytes: 1_000 }, now);
    store.set('short', answer(10, 1_000));
    store.set('long', answer(20, 5_000));
    clock.now += 999;
    expect(held(store, ['short', 'long'])).toEqual(['short', 'long']);
    clock.now += 1; // at expiresAt: expired
    expect(store.get('short')).toBeUndefined();
    expect([store.size, store.bytes]).toEqual([1, 20]);
    clock.now += 4_000;
    expect(store.get('long')).toBeUndefined();
    expect([store.size, store.bytes]).toEqual([0, 0]);
  });

  it('keeps the byte count through replacement, deletion and clearing', () => {
    const store = new AnswerStore({ maxEntries: 10, maxBytes: 1_000 }, now);
    store.set('a', answer(10));
    store.set('a', answer(70)); // replaced, not added
    store.set('b', answer(5));
    expect([store.size, store.bytes]).toEqual([2, 75]);
    store.delete('a');
    store.delete('missing');
    expect([store.size, store.bytes]).toEqual([1, 5]);
    store.clear();
    expect([store.size, store.bytes]).toEqual([0, 0]);
    expect(store.get('b')).toBeUndefined();
    store.set('c', answer(10)); // usable after clear
    expect(store.get('c')?.bytes).toBe(10);
  });

  it('accepts an answer of zero bytes (counted as one) instead of failing the request', () => {
    const store = new AnswerStore({ maxEntries: 10, maxBytes: 1_000 }, now);
    expect(() => store.set('empty', answer(0))).not.toThrow();
    expect(store.get('empty')).toBeDefined();
    expect(store.bytes).toBe(1);
  });
});
