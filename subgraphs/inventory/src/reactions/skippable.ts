// Wraps a reaction so that an event it cannot apply is logged and skipped instead of retried forever:
// the handler runs in a savepoint, and a coded rule violation (AppError: unknown product, a lot that may
// not receive, not enough stock...) or an unusable payload rolls back only its own writes. Anything else
// (the database went away, a deadlock) is thrown, and the consumer retries the event later.
import { AppError, createLogger, type BusEvent, type EventHandler } from '@cmgraph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UnusableEvent } from './payload';

export function skippable(reaction: string, handler: (event: BusEvent, em: EntityManager) => Promise<void>): EventHandler {
  const log = createLogger(`inventory:${reaction}`);
  return async (event, em) => {
    try {
      await em.transactional((savepoint) => handler(event, savepoint));
    } catch (error) {
      if (!(error instanceof AppError || error instanceof UnusableEvent)) throw error;
      log.warn(
        { eventId: event.id, type: event.type, producer: event.producer, reason: error.message, ...(error instanceof AppError ? error.extensions : {}) },
        'event not applied',
      );
    }
  };
}
