// Deterministic randomness for the seed: the same scale always yields the same rows and ids.
import { v7 } from 'uuid';

export type Random = {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
};

/** mulberry32 seeded from a string. */
export function random(seed: string): Random {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
  let a = h >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  };
}

const ANCHOR_MS = Date.UTC(2026, 0, 1);

/** A UUIDv7 that is a pure function of (kind, index): ids sort in generation order within a kind. */
export function seedId(kind: string, index: number): string {
  const r = random(`${kind}:${index}`);
  const bytes = new Uint8Array(16).map(() => r.int(0, 255));
  return v7({ msecs: ANCHOR_MS + kindOffset(kind) + index, seq: 0, random: bytes });
}

function kindOffset(kind: string): number {
  let h = 0;
  for (const c of kind) h = (h * 31 + c.charCodeAt(0)) % 1000;
  return h * 10_000_000; // kinds occupy disjoint millisecond ranges
}
