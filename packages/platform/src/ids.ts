// Identifiers: time-ordered UUIDv7, so that "order by id" is also (roughly) creation order.
import { v7 } from 'uuid';

export function newId(): string {
  return v7();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isId(value: string): boolean {
  return UUID.test(value);
}
