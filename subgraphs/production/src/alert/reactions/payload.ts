// Reading another subgraph's event payload defensively: a field of the wrong shape reads as absent, so a
// reaction can skip an unusable event (and log it) instead of failing on it forever.
import { isId } from '@cmgraph/platform';

export type Payload = Record<string, unknown>;

export function idIn(payload: Payload, key: string): string | null {
  const value = payload[key];
  return typeof value === 'string' && isId(value) ? value : null;
}

export function numberIn(payload: Payload, key: string): number | null {
  const value = payload[key];
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(number) ? number : null;
}

export function textIn(payload: Payload, key: string): string | null {
  const value = payload[key];
  return typeof value === 'string' && value.length ? value : null;
}

/** A period as sustainability may send it: "2026-Q1", or { from, to }. */
export function periodIn(payload: Payload, key: string): string | null {
  const value = payload[key];
  if (typeof value === 'string' && value.length) return value;
  if (value && typeof value === 'object') {
    const { from, to } = value as { from?: unknown; to?: unknown };
    if (typeof from === 'string' && typeof to === 'string') return `${from} – ${to}`;
  }
  return null;
}

/** Rounded for messages (3 decimals). */
export function shown(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
