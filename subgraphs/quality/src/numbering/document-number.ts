// Human document numbers ("NC-0000042") drawn inside the caller's transaction: the upsert locks the
// counter row until commit, so concurrent writers queue instead of taking the same number, and a
// rolled-back write gives its number back.
import type { EntityManager } from '@mikro-orm/postgresql';

export type DocumentKind = 'NC' | 'CA' | 'RC';

export async function nextDocumentNumber(em: EntityManager, kind: DocumentKind): Promise<string> {
  const [row] = await em.execute<{ last_value: number }[]>(
    `insert into document_counter (kind, last_value) values (?, 1)
     on conflict (kind) do update set last_value = document_counter.last_value + 1
     returning last_value`,
    [kind],
  );
  return formatDocumentNumber(kind, row!.last_value);
}

export function formatDocumentNumber(kind: DocumentKind, value: number): string {
  return `${kind}-${String(value).padStart(7, '0')}`;
}
