// Writing an event: one call inside a mutation's transaction. The event commits (or not) with the
// change it describes, and the log stays gap-free for readers: a transaction-level advisory lock makes
// outbox sequence numbers follow commit order (whoever takes the next seq commits before the one after
// it can take one), so a reader that has seen seq N will never later find a committed N-1.
// The NOTIFY is transactional too: delivered only when (and if) the transaction commits.
// Lock order: the change is flushed BEFORE the advisory lock is taken, so a transaction holding the
// outbox lock never waits for a row lock afterwards (it only inserts its outbox rows). Taking the lock
// first let a transaction T1 holding it block on a row that T2 had locked while T2 queued for the
// outbox lock: a deadlock (40P01) between two ordinary mutations.
import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEvent } from './outbox.entity';

export const OUTBOX_CHANNEL = 'cmgraph_outbox';
/** The advisory lock key that serialises outbox writers of one database (advisory locks are per database). */
const OUTBOX_LOCK = 0x636d6f62; // "cmob"

export interface NewEvent {
  type: string;
  subject: { type: string; id: string };
  supplierId?: string | null;
  payload?: Record<string, unknown>;
  occurredAt?: Date;
}

/** Stages events in the outbox; they commit (or not) with the caller's transaction. Call it last. */
export async function recordEvent(em: EntityManager, ...events: NewEvent[]): Promise<OutboxEvent[]> {
  if (!em.isInTransaction()) throw new Error('recordEvent must run inside the transaction of the change it records');
  await em.flush();
  await em.execute(`select pg_advisory_xact_lock(${OUTBOX_LOCK}), pg_notify('${OUTBOX_CHANNEL}', '')`);
  return events.map((event) => {
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
  });
}
