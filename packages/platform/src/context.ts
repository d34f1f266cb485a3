// Request context: a forked EntityManager and the subgraph's DataLoaders, fresh for every request.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger';
import type { StatementCounter } from './database';
import type { ReferenceChecker } from './references';

export interface RequestContext<Loaders = unknown> {
  em: EntityManager;
  loaders: Loaders;
  log: Logger;
  requestId: string;
  sql: StatementCounter;
  /** Existence checks for other subgraphs' entities. */
  references: ReferenceChecker;
}
