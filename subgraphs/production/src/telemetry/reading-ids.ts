// Ids of a batch of readings at once: UUIDv7 like every id of the platform (`newId`), but one clock read
// and one call to the random source for the whole batch. Made one by one, the ids cost more than
// anything else the subgraph does per reading (each asked the random source on its own).
import { randomFillSync } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
/** Random bytes per id: 12 bits after the version, 62 after the variant (80 bits drawn, 74 used). */
const RANDOM_BYTES = 10;

/**
 * `count` UUIDv7 strings stamped with the current millisecond: 48 bits of Unix time in ms, version 7,
 * 74 random bits, the RFC 9562 variant. Ids of one batch share the millisecond, so they sort after
 * every id made earlier and before every id made in a later millisecond.
 */
export function newReadingIds(count: number): string[] {
  const random = randomFillSync(Buffer.allocUnsafe(count * RANDOM_BYTES));
  const time = Date.now().toString(16).padStart(12, '0');
  const prefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
  const ids = new Array<string>(count);
  for (let i = 0, o = 0; i < count; i++, o += RANDOM_BYTES) {
    ids[i] = `${prefix}${HEX[random[o]!]!.slice(1)}${HEX[random[o + 1]!]}-${HEX[(random[o + 2]! & 0x3f) | 0x80]}${HEX[random[o + 3]!]}-`
      + `${HEX[random[o + 4]!]}${HEX[random[o + 5]!]}${HEX[random[o + 6]!]}${HEX[random[o + 7]!]}${HEX[random[o + 8]!]}${HEX[random[o + 9]!]}`;
  }
  return ids;
}
