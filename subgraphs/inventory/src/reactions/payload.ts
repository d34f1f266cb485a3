// Reading other subgraphs' event payloads defensively: they are JSON written by another team's code,
// so every field is checked, and a missing or malformed one makes the event unusable (logged, skipped)
// rather than a failure retried forever.
import { isId } from '@cmgraph/platform';

/** The event cannot be applied as it is; the reaction logs it and moves on. */
export class UnusableEvent extends Error {}

type Payload = Record<string, unknown>;

export function optionalText(payload: Payload, key: string): string | null {
  const value = payload[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new UnusableEvent(`${key} is not a string`);
  return value;
}

export function optionalId(payload: Payload, key: string): string | null {
  const value = optionalText(payload, key);
  if (value !== null && !isId(value)) throw new UnusableEvent(`${key} is not an id`);
  return value;
}

export function requiredId(payload: Payload, key: string): string {
  const value = optionalId(payload, key);
  if (value === null) throw new UnusableEvent(`${key} is missing`);
  return value;
}

/** A finite number (JSON numbers, or numeric strings as PostgreSQL numerics sometimes arrive). */
export function requiredNumber(payload: Payload, key: string): number {
  const value = payload[key];
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) throw new UnusableEvent(`${key} is not a number`);
  return number;
}

export function optionalDate(payload: Payload, key: string): Date | null {
  const value = optionalText(payload, key);
  if (value === null) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UnusableEvent(`${key} is not a time`);
  return date;
}

export function objects(payload: Payload, key: string): Payload[] {
  const value = payload[key];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'object' || item === null)) {
    throw new UnusableEvent(`${key} is not a list of objects`);
  }
  return value as Payload[];
}
