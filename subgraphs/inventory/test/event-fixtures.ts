// Helpers for inventory's event tests: its outbox read straight from PostgreSQL, hand-made bus events
// from the producers whose side may not write them yet, and whether a consumer has applied an event.
import { newId, type NewBusEvent } from '@cmgraph/platform';
import type { Stack } from '@cmgraph/testkit';

export interface OutboxRow {
  seq: string;
  type: string;
  subjectId: string;
  supplierId: string | null;
  payload: Record<string, any>;
  /** The transaction that wrote the row. */
  xmin: string;
}

function db(stack: Stack) {
  return stack.subgraphs.inventory!.server.orm.em.fork();
}

export async function outbox(stack: Stack, afterSeq = '0', type?: string): Promise<OutboxRow[]> {
  const rows = await db(stack).execute<Record<string, any>[]>(
    `select seq::text, type, subject_id, supplier_id, payload, xmin::text as xmin from outbox_event
     where seq > ? and (?::text is null or type = ?) order by outbox_event.seq`,
    [afterSeq, type ?? null, type ?? null],
  );
  return rows.map((row) => ({ seq: row.seq, type: row.type, subjectId: row.subject_id, supplierId: row.supplier_id, payload: row.payload, xmin: row.xmin }));
}

export async function headSeq(stack: Stack): Promise<string> {
  const [row] = await db(stack).execute<{ head: string }[]>('select coalesce(max(seq), 0)::text as head from outbox_event');
  return row!.head;
}

/** The transaction that last wrote a row of `table` (its xmin). */
export async function writerOf(stack: Stack, table: string, id: string): Promise<string> {
  const [row] = await db(stack).execute<{ xmin: string }[]>(`select xmin::text as xmin from "${table}" where id = ?`, [id]);
  return row!.xmin;
}

/** How many consumers of inventory have applied (or deliberately skipped) this event. */
export async function applied(stack: Stack, eventId: string): Promise<number> {
  const [row] = await db(stack).execute<{ n: number }[]>('select count(*)::int as n from processed_event where event_id = ?', [eventId]);
  return row!.n;
}

let producerSeq = 1_000_000;

/** An event as another subgraph's relay would put it on the bus. */
export function busEvent(
  producer: string,
  type: string,
  subject: { type: string; id: string },
  payload: Record<string, unknown>,
  supplierId: string | null = null,
): NewBusEvent {
  return {
    id: newId(), producer, producerSeq: String(++producerSeq), type, subjectType: subject.type, subjectId: subject.id,
    supplierId, occurredAt: new Date(), payload,
  };
}

/** Appends hand-made events to the stack's bus and waits until every reaction has applied them. */
export async function deliverToInventory(stack: Stack, ...events: NewBusEvent[]): Promise<void> {
  await stack.bus.append(events);
  await stack.settle();
}
