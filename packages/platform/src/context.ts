// Request context: a forked EntityManager and the subgraph's DataLoaders, fresh for every request, and
// the caller's identity (verified from the gateway's signed header) for access decisions.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Identity } from './identity';
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
  /** Who is calling (verified from `x-cmgraph-identity`; for subscriptions, at connection). */
  identity: Identity;
  sql: StatementCounter;
  /** Existence checks for other subgraphs' entities, made on behalf of `identity`. */
  references: ReferenceChecker;
  /** Event streams for subscriptions; each event is resolved with a fresh `em` and `loaders`. */
  events: EventFeed;
}
