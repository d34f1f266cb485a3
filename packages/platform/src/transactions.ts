// Every subgraph's EntityManager (ormConfig's `entityManager`): a top-level `transactional()` that
// PostgreSQL aborts as a deadlock (40P01) or a serialization failure (40001) is run again, whole, on a
// fresh fork — PostgreSQL's own advice for these errors, and what a user of a mutation expects instead of
// an error for a collision they did not cause. Safe because a transaction here is the unit of work: its
// events go to the outbox in the same transaction (events/record.ts), so a rolled-back attempt leaves
// nothing behind. A nested `transactional()` (a savepoint) is never retried on its own: the error aborted
// the outer transaction too, which is retried as a whole. After the last attempt the error goes to the
// caller, coded CONFLICT (errors.ts).
import { setTimeout as sleep } from 'node:timers/promises';
import { DeadlockException, type TransactionOptions } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { createLogger } from './logger';

const log = createLogger('transactions');

/** Attempts of one top-level transaction (the first and two more). */
export const TRANSACTION_ATTEMPTS = 3;

/** How often a transaction has been run again (tests and metrics). */
export const transactionRetries = { count: 0 };

export class PlatformEntityManager extends EntityManager {
  override async transactional<T>(cb: (em: this) => T | Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (this.isInTransaction() || options.ctx) return super.transactional(cb, options);
    for (let attempt = 1; ; attempt++) {
      try {
        // a copy: MikroORM writes the transaction context into the options it is given
        return await super.transactional(cb, { ...options });
      } catch (error) {
        if (!isRetryable(error) || attempt >= TRANSACTION_ATTEMPTS) throw error;
        transactionRetries.count++;
        const code = (error as { code?: unknown }).code;
        log.warn({ code, attempt }, 'transaction aborted by the database (deadlock or serialization failure); running it again');
        // a short random pause lets the transaction that won finish before this one takes its locks again
        await sleep(Math.round(5 + Math.random() * 20 * attempt));
      }
    }
  }
}

/** A deadlock or serialization failure, as MikroORM converts it or as the driver threw it. */
export function isRetryable(error: unknown): boolean {
  return error instanceof DeadlockException || ['40P01', '40001'].includes(String((error as { code?: unknown } | null)?.code));
}
