// Reading a subgraph's outbox (its event log) in tests: what a mutation wrote, in log order, and which
// transaction wrote it (xmin: an event and its change share one).
import type { Stack } from './stack';

export interface OutboxRow {
  seq: string;
  id: string;
  type: string;
  subjectType: string;
  subjectId: string;
  supplierId: string | null;
  occurredAt: Date;
  payload: Record<string, any>;
  /** The writing transaction (until the relay marks the row relayed, which rewrites it). */
  xmin: string;
}

/** The subgraph's events after `afterSeq` (all by default), optionally of some types only. */
export async function outboxOf(stack: Stack, subgraph: string, options: { types?: string[]; afterSeq?: string } = {}): Promise<OutboxRow[]> {
  const rows = await stack.subgraphs[subgraph]!.server.orm.em.fork().execute<Record<string, any>[]>(
    `select seq::text, id, type, subject_type, subject_id, supplier_id, occurred_at, payload, xmin::text as xmin
       from outbox_event where seq > ? ${options.types ? 'and type in (?)' : ''} order by outbox_event.seq`,
    options.types ? [options.afterSeq ?? '0', options.types] : [options.afterSeq ?? '0'],
  );
  return rows.map((row) => ({
    seq: row.seq, id: row.id, type: row.type, subjectType: row.subject_type, subjectId: row.subject_id,
    supplierId: row.supplier_id, occurredAt: new Date(row.occurred_at), payload: row.payload, xmin: row.xmin,
  }));
}

/** The last sequence number in the subgraph's outbox ('0' when empty). */
export async function outboxHead(stack: Stack, subgraph: string): Promise<string> {
  const [row] = await stack.subgraphs[subgraph]!.server.orm.em.fork()
    .execute<{ head: string }[]>('select coalesce(max(seq), 0)::text as head from outbox_event');
  return row!.head;
}

/** The transaction that last wrote the row `id` of `table` (its xmin). */
export async function writerOf(stack: Stack, subgraph: string, table: string, id: string): Promise<string> {
  const [row] = await stack.subgraphs[subgraph]!.server.orm.em.fork()
    .execute<{ xmin: string }[]>(`select xmin::text as xmin from "${table}" where id = ?`, [id]);
  return row!.xmin;
}
