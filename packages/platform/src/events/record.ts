// Writing an event: one call inside a mutation's transaction. The NOTIFY is transactional too:
// PostgreSQL delivers it only when (and if) the transaction commits, so listeners never see an event
// that did not happen.
import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEvent } from './outbox.entity';

export const OUTBOX_CHANNEL = 'cmgraph_outbox';

export interface NewEvent {
  type: string;
  subject: { type: string; id: string };
  supplierId?: string | null;
  payload?: Record<string, unknown>;
  occurredAt?: Date;
}

/** Stages the event in the outbox; it commits (or not) with the caller's transaction. */
export function recordEvent(em: EntityManager, event: NewEvent): OutboxEvent {
  const row = em.create(OutboxEvent, {
    type: event.type,
    subjectType: event.subject.type,
    subjectId: event.subject.id,
    supplierId: event.supplierId ?? null,
    payload: event.payload ?? {},
    occurredAt: event.occurredAt ?? new Date(),
  } as never);
  em.persist(row);
  return row;
}

/** Wakes this subgraph's relay and live subscriptions once the surrounding transaction commits. */
export async function notifyOutbox(em: EntityManager): Promise<void> {
  await em.execute(`select pg_notify('${OUTBOX_CHANNEL}', '')`);
}
