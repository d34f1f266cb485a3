// Helpers for inventory's event tests: its outbox read straight from PostgreSQL, hand-made bus events
// from the producers whose side may not write them yet, and whether a consumer has applied an event.
import { newId, type NewBusEvent } from '@cmgraph/platform';
import { outboxHead, outboxOf, writerOf as writerOfRow, type Stack } from '@cmgraph/testkit';

export type { OutboxRow } from '@cmgraph/testkit';

function db(stack: Stack) {
  return stack.subgraphs.inventory!.server.orm.em.fork();
}

export const outbox = (stack: Stack, afterSeq = '0', type?: string) =>
  outboxOf(stack, 'inventory', { afterSeq, types: type ? [type] : undefined });
export const headSeq = (stack: Stack) => outboxHead(stack, 'inventory');
/** The transaction that last wrote a row of `table` (its xmin). */
export const writerOf = (stack: Stack, table: string, id: string) => writerOfRow(stack, 'inventory', table, id);

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
