// Request context: a forked EntityManager and the subgraph's DataLoaders, fresh for every request.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger';
import type { StatementCounter } from './database';
import type { ReferenceChecker } from './references';
import type { EventStreamOptions, StoredEvent } from './events/stream';

/** A subscription's source: the subgraph's outbox as a durable log (replay, then live). */
export interface EventFeed {
  open(options: EventStreamOptions): Promise<AsyncIterableIterator<StoredEvent>>;
}

export interface RequestContext<Loaders = unknown> {
  em: EntityManager;
  loaders: Loaders;
  log: Logger;
  requestId: string;
  sql: StatementCounter;
  /** Existence checks for other subgraphs' entities. */
  references: ReferenceChecker;
  /** Event streams for subscriptions; each event is resolved with a fresh `em` and `loaders`. */
  events: EventFeed;
}
