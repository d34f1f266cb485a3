// DataLoader factories over MikroORM: every entity reference and relation is fetched in one batched
// statement per request tick instead of one per row.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName, FilterQuery } from '@mikro-orm/core';

/** Loads rows by a unique key (default `id`); a key with no row resolves to null. */
export function rowLoader<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  key: keyof T & string = 'id' as keyof T & string,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(
    async (keys) => {
      const rows = await em.find(entity, { [key]: { $in: [...keys] } } as never);
      const byKey = new Map(rows.map((row) => [String(keyValue(row, key)), row]));
      return keys.map((k) => byKey.get(k) ?? null);
    },
    { maxBatchSize: 1000 },
  );
}

/** Loads the rows that point at each key through `key` (a column or a many-to-one), in a stable order. */
export function childrenLoader<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  key: keyof T & string,
  where: FilterQuery<T> = {} as FilterQuery<T>,
  orderBy: Record<string, 'asc' | 'desc'> = { id: 'asc' },
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(
    async (keys) => {
      const rows = await em.find(entity, { $and: [where, { [key]: { $in: [...keys] } }] } as never, {
        orderBy: orderBy as never,
      });
      const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
      for (const row of rows) groups.get(String(keyValue(row, key)))?.push(row);
      return keys.map((k) => groups.get(k) ?? []);
    },
    { maxBatchSize: 1000 },
  );
}

function keyValue(row: object, key: string): unknown {
  const value = (row as Record<string, unknown>)[key];
  return value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value;
}
