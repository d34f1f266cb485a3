// Database bootstrap, one place for every subgraph: its own PostgreSQL database (created when missing),
// migrated by its committed migrations at start-up, never synchronised from entities at run time.
import 'reflect-metadata';
import { AsyncLocalStorage } from 'node:async_hooks';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import type { Constructor, MigrationObject } from '@mikro-orm/core';
import { createLogger } from './logger';
import { ConsumerOffset, ProcessedEvent } from './events/consumer.entity';
import { OutboxEvent } from './events/outbox.entity';
import { PlatformEntityManager } from './transactions';

const log = createLogger('database');

import { ensureDatabase } from './database-target';

export * from './database-target';


/** Counts SQL statements per request: the HTTP layer opens a scope, the ORM's onQuery hook adds to it. */
export interface StatementCounter {
  statements: number;
}
const statementScope = new AsyncLocalStorage<StatementCounter>();

export function countStatements<T>(counter: StatementCounter, run: () => T): T {
  return statementScope.run(counter, run);
}

export interface OrmOptions {
  url: string;
  entities: Options['entities'];
  migrations: (MigrationObject | Constructor<any>)[];
  /** Called for every statement the ORM sends while serving a request — not for background workers (tests and metrics). */
  onStatement?: (sql: string) => void;
  poolSize?: number;
}

/** The kit's own tables, in every subgraph's database: the outbox (its event log) and consumer offsets. */
const KIT_ENTITIES: Function[] = [OutboxEvent, ConsumerOffset, ProcessedEvent];
/** Their tables: event plumbing, not domain data (a seed neither counts nor truncates them). */
export const KIT_TABLES = ['outbox_event', 'consumer_offset', 'processed_event'];

export function ormConfig(options: OrmOptions): Options {
  const own = (options.entities ?? []) as Function[];
  return {
    clientUrl: options.url,
    entities: [...own, ...KIT_ENTITIES.filter((entity) => !own.includes(entity))],
    metadataProvider: ReflectMetadataProvider,
    // top-level transactions run again after a deadlock or serialization failure (transactions.ts)
    entityManager: PlatformEntityManager,
    extensions: [Migrator],
    migrations: { migrationsList: options.migrations, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    pool: { min: 0, max: options.poolSize ?? 10 },
    discovery: { warnWhenNoEntities: false },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    onQuery: (sql: string) => {
      const scope = statementScope.getStore();
      if (scope) {
        scope.statements++;
        options.onStatement?.(sql);
      }
      return sql;
    },
  };
}

/** Creates the database when missing, connects, and applies pending migrations. */
export async function openDatabase(options: OrmOptions): Promise<MikroORM> {
  await ensureDatabase(options.url);
  const orm = await MikroORM.init(ormConfig(options));
  const applied = await orm.migrator.up();
  if (applied.length) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  return orm;
}
